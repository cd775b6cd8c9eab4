#include "core/queueing.hh"

#include <algorithm>

#include "core/dm_table.hh"
#include "core/text.hh"

namespace mpb {

namespace {

bool queues(const DmMap& m)
{
    auto t = parse_multipath_table(m.table);
    if (!t)
        return true;
    const auto& f = t->features;
    return std::find(f.begin(), f.end(), "queue_if_no_path") != f.end();
}

}  // namespace

std::vector<QueueSwitch> maps_to_stop_queueing(const std::vector<DmMap>& maps,
                                               const std::vector<std::string>& names)
{
    constexpr std::string_view prefix = "mpath-";
    std::vector<QueueSwitch> out;
    for (const auto& m : maps) {
        if (!starts_with(m.uuid, prefix))
            continue;
        if (!names.empty() && std::find(names.begin(), names.end(), m.name) == names.end())
            continue;
        if (queues(m))
            out.push_back({m.name, m.uuid.substr(prefix.size())});
    }
    return out;
}

}  // namespace mpb

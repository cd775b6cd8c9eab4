// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/queueing.hh"

#include <algorithm>

#include "core/dm_name.hh"
#include "core/dm_table.hh"

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
    std::vector<QueueSwitch> out;
    for (const auto& m : maps) {
        auto wwid = wwid_of_map_uuid(m.uuid);
        if (!wwid)
            continue;
        if (!names.empty() && std::find(names.begin(), names.end(), m.name) == names.end())
            continue;
        if (queues(m))
            out.push_back({m.name, std::move(*wwid)});
    }
    return out;
}

}  // namespace mpb

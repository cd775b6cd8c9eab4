// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/partition_maps.hh"

#include <algorithm>

#include "core/dm_name.hh"
#include "core/text.hh"

namespace mpb {

namespace {

const DmMap* find_map_by_name(const std::vector<DmMap>& maps, const std::string& name)
{
    for (const auto& m : maps)
        if (m.name == name)
            return &m;
    return nullptr;
}

// Tables as the kernel prints them may space words differently.
bool same_table(const std::string& a, const std::string& b)
{
    return split_words(a) == split_words(b);
}

std::string too_long(const PartitionMapPlan& p)
{
    if (auto why = dm_name_too_long(p.name); !why.empty())
        return "name " + why;
    if (auto why = dm_uuid_too_long(p.uuid); !why.empty())
        return "UUID " + why;
    return {};
}

PartitionMapPlan blocked(PartitionMapPlan p, std::string why, const DmMap* m = nullptr)
{
    p.action = PartitionMapPlan::Action::blocked;
    p.reason = std::move(why) + "; left as it is";
    if (m)
        p.existing_devt = m->devt;
    return p;
}

// Against the map that already carries this UUID.
PartitionMapPlan against(PartitionMapPlan p, const DmMap& m)
{
    if (m.name != p.name) {
        auto why = p.uuid + " is mapped as " + m.name + ", not " + p.name;
        return blocked(std::move(p), why, &m);
    }
    p.existing_devt = m.devt;
    if (same_table(m.table, p.table)) {
        p.action = PartitionMapPlan::Action::keep;
        return p;
    }
    if (m.open_count > 0) {
        auto why = p.name + " is open and its table differs";
        return blocked(std::move(p), why, &m);
    }
    p.action = PartitionMapPlan::Action::reload;
    return p;
}

PartitionMapPlan plan_one(const std::string& map_name, const std::string& wwid, DevT map_devt,
                          const PartitionSpan& part, const std::vector<DmMap>& existing)
{
    PartitionMapPlan p;
    p.name = partition_map_name(map_name, part.number);
    p.uuid = partition_uuid(part.number, wwid);
    p.table = "0 " + std::to_string(part.size) + " linear " + map_devt.str() + " " +
              std::to_string(part.start);
    if (auto why = too_long(p); !why.empty())
        return blocked(std::move(p), why);
    if (const auto* m = find_map_by_uuid(existing, p.uuid))
        return against(std::move(p), *m);
    if (const auto* m = find_map_by_name(existing, p.name)) {
        auto why = p.name + " exists with UUID " + quoted(m->uuid) + ", not " + p.uuid;
        return blocked(std::move(p), why, m);
    }
    return p;
}

// "sda1" -> 1, "nvme0n1p2" -> 2; 0 when the name does not end in digits.
unsigned trailing_number(const std::string& name)
{
    auto b = name.find_last_not_of("0123456789") + 1;  // npos + 1 == 0: all digits
    long long n = 0;
    if (b == name.size() || !parse_int(std::string_view(name).substr(b), n) || n <= 0 ||
        n > 1000000)
        return 0;
    return static_cast<unsigned>(n);
}

}  // namespace

std::vector<PartitionMapPlan> plan_partition_maps(const std::string& map_name,
                                                  const std::string& wwid, DevT map_devt,
                                                  const std::vector<PartitionSpan>& parts,
                                                  const std::vector<DmMap>& existing)
{
    std::vector<PartitionMapPlan> out;
    for (const auto& part : parts)
        if (part.size > 0)
            out.push_back(plan_one(map_name, wwid, map_devt, part, existing));
    return out;
}

std::vector<PartitionSpan> partitions_in_snapshot(const Snapshot& snap, const std::string& disk)
{
    std::vector<PartitionSpan> out;
    for (const auto& d : snap.devices)
        if (d.partition && d.parent == disk)
            if (auto n = trailing_number(d.name))
                out.push_back({n, d.start, d.size});
    std::stable_sort(out.begin(), out.end(), [](const PartitionSpan& a, const PartitionSpan& b) {
        return a.number < b.number;
    });
    return out;
}

}  // namespace mpb

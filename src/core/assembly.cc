// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/assembly.hh"

#include <algorithm>

#include "core/dm_name.hh"
#include "core/dm_table.hh"

namespace mpb {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool asks_for(const MapPlan& m, const std::string& word)
{
    std::string dev = word.starts_with("/dev/") ? word.substr(5) : word;
    return word == m.wwid || std::any_of(m.paths.begin(), m.paths.end(),
                                         [&](const PathRecord& p) { return p.name == dev; });
}

// Whether udev must run the path's rules again for its verdict to be 1.
// Not when udev claimed it, nor when udev has not judged it yet and its
// WWID was in the wwids file before this run: the callout claims a listed
// WWID, so its pending event (or the one in progress) will. A second event
// for each of hundreds of paths would double udev's work at coldplug.
bool needs_reclaim(const Snapshot& snap, const std::string& name, bool listed_before)
{
    const BlockDevice* d = snap.find_device(name);
    const std::string* verdict = d ? d->property("MPATH_BOOT_PATH") : nullptr;
    if (!verdict)
        return !listed_before;
    return *verdict != "1";
}

// The disks in the reloaded map's old table that its new table leaves out.
std::vector<std::string> dropped_paths(const MapPlan& map, const Snapshot& snap)
{
    std::vector<std::string> gone;
    auto old = parse_multipath_table(map.existing_table);
    if (map.action != MapPlan::Action::reload || !old)
        return gone;
    for (const auto& group : old->groups)
        for (const auto& devt : group)
            if (const auto* d = snap.find_device_by_devnum(devt);
                d && !d->partition && std::none_of(map.paths.begin(), map.paths.end(), [&](const PathRecord& p) {
                    return p.name == d->name;
                }))
                gone.push_back(d->name);
    return gone;
}

}  // namespace

Selection select_maps(std::vector<MapPlan> maps, const std::vector<std::string>& wanted)
{
    Selection s;
    for (auto& m : maps)
        if (wanted.empty() || std::any_of(wanted.begin(), wanted.end(),
                                          [&](const std::string& w) { return asks_for(m, w); }))
            s.maps.push_back(std::move(m));
    for (const auto& w : wanted)
        if (std::none_of(s.maps.begin(), s.maps.end(), [&](const MapPlan& m) { return asks_for(m, w); }))
            s.unmatched.push_back(w + ": no map to build with this WWID or path");
    return s;
}

std::optional<std::string> reload_refusal(const MapPlan& map, const Snapshot& snap)
{
    const DmMap* old = snap.find_map_by_uuid(map_uuid(map.wwid));
    auto old_shape = parse_multipath_table(map.existing_table);
    if (!old || old->open_count <= 0 || !old_shape || old_shape->sectors == map.size)
        return std::nullopt;
    return map.name + ": is open and would change size from " + std::to_string(old_shape->sectors) +
           " to " + std::to_string(map.size) + " sectors; left as it is";
}

bool needs_partition_probe(const MapPlan& map, const std::vector<DmMap>& maps)
{
    if (map.action != MapPlan::Action::keep)
        return true;
    return std::none_of(maps.begin(), maps.end(), [&](const DmMap& m) {
        auto part = parse_partition_uuid(m.uuid);
        return part && part->wwid == map.wwid;
    });
}

Reclaim paths_to_reclaim(const Plan& plan, const std::vector<std::string>& built, const Snapshot& snap)
{
    Reclaim r;
    auto add = [&](const std::string& disk) {
        r.disks.push_back(disk);
        for (const auto& part : snap.devices)
            if (part.partition && part.parent == disk)
                r.partitions.push_back(part.name);
    };
    for (const auto& map : plan.maps) {
        if (map.action == MapPlan::Action::keep || !contains(built, map.wwid))
            continue;
        const bool listed_before = !contains(plan.new_wwids, map.wwid);
        for (const auto& p : map.paths)
            if (needs_reclaim(snap, p.name, listed_before))
                add(p.name);
        for (const auto& gone : dropped_paths(map, snap))
            add(gone);
    }
    return r;
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/wwid_arrival.hh"

#include <algorithm>
#include <map>

#include "core/dm_name.hh"
#include "core/path.hh"

namespace mpb {

namespace {

std::string name_list(const std::vector<PathRecord>& paths)
{
    std::string out;
    for (const auto& p : paths)
        out += (out.empty() ? "" : ", ") + p.name;
    return out;
}

Arrival pending(const MapPlan& m)
{
    return {m.wwid, Arrival::State::pending,
            name_list(m.paths) + " arrived but no map is built from " +
                (m.paths.size() == 1 ? "it" : "them") + " yet"};
}

// The first disk left out whose WWID is `wwid` (partitions are not in
// `wwid_of`: a partition is left out because of its disk).
const LeftOut* left_out_with(const std::string& wwid, const Plan& plan,
                             const std::map<std::string, std::string>& wwid_of)
{
    for (const auto& l : plan.left_out)
        if (auto it = wwid_of.find(l.device); it != wwid_of.end() && it->second == wwid)
            return &l;
    return nullptr;
}

std::map<std::string, std::string> disk_wwids(const Snapshot& snap, const Config& cfg)
{
    std::map<std::string, std::string> out;
    for (const auto& d : snap.devices)
        if (!d.partition)
            out[d.name] = device_wwid(d, cfg);
    return out;
}

Arrival arrival(const std::string& wwid, const Snapshot& snap, const Plan& plan,
                const std::map<std::string, std::string>& wwid_of)
{
    if (const DmMap* m = snap.find_map_by_uuid(map_uuid(wwid)))
        return {wwid, Arrival::State::mapped, "map " + m->name + " exists"};
    auto planned = std::find_if(plan.maps.begin(), plan.maps.end(), [&](const MapPlan& m) {
        return m.wwid == wwid && !m.paths.empty();
    });
    if (planned != plan.maps.end())
        return pending(*planned);
    if (const LeftOut* l = left_out_with(wwid, plan, wwid_of))
        return {wwid, Arrival::State::released, l->device + " arrived and is left out: " + l->reason};
    return {wwid, Arrival::State::missing, "no path arrived"};
}

}  // namespace

std::vector<Arrival> wwid_arrivals(const Snapshot& snap, const PlanInput& in)
{
    Plan plan = plan_from_snapshot(snap, in);
    auto wwid_of = disk_wwids(snap, in.config);
    std::vector<Arrival> out;
    for (const auto& w : in.wwids.wwids)
        out.push_back(arrival(w, snap, plan, wwid_of));
    return out;
}

bool all_wwids_mapped(const std::vector<DmMap>& maps, const WwidsTable& wwids)
{
    return std::all_of(wwids.wwids.begin(), wwids.wwids.end(), [&](const std::string& w) {
        return find_map_by_uuid(maps, map_uuid(w)) != nullptr;
    });
}

}  // namespace mpb

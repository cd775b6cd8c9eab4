// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/handover.hh"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/alias.hh"
#include "core/coalesce.hh"
#include "core/dm_name.hh"
#include "core/dm_table.hh"
#include "core/naming.hh"
#include "core/path.hh"
#include "core/settings.hh"
#include "core/text.hh"

namespace mpb {

namespace {

// The device entries that match the first path of `m` the snapshot knows:
// settings such as alias_prefix may come from a device section.
std::vector<const DeviceEntry*> devices_of(const DmMap& m, const Snapshot& snap, const Config& c)
{
    auto shape = parse_multipath_table(m.table);
    if (!shape)
        return {};
    for (const auto& group : shape->groups)
        for (const auto& devnum : group)
            if (const auto* d = snap.find_device_by_devnum(devnum)) {
                auto [vendor, product] = vendor_product(*d);
                return matching_devices(c, vendor, product);
            }
    return {};
}

struct Naming {
    NameChoice choice;
    std::string alias_prefix;
    std::vector<std::string> taken;  // aliases configured for other WWIDs
};

// The name one root's files give the map, by the code assemble names with.
// Names of existing maps are not `taken` here: a map holding the name is a
// conflict to report, not a reason to pick another name.
Naming naming(const std::string& wwid, const DmMap& m, const HandoverInput& in, NamingFiles f)
{
    const auto* mp = f.config.find_multipath(wwid);
    auto s = resolve_settings(f.config, devices_of(m, in.machine, f.config), mp);
    auto taken = names_taken(f.config, {}, wwid);
    return {choose_name(wwid, s, mp, f.bindings, taken), s.alias_prefix.value, taken};
}

// Why multipathd in the real root would not adopt `name` for `wwid` when
// its files have no name for the WWID ("" when it would), following
// use_existing_alias() in libmultipath/alias.c.
std::string not_adoptable(const std::string& name, const std::string& wwid, const Naming& real,
                          const BindingsTable& bindings)
{
    if (const auto* b = bindings.find_by_alias(name); b && b->wwid != wwid)
        return name + " is bound to WWID " + b->wwid + " there";
    if (std::find(real.taken.begin(), real.taken.end(), name) != real.taken.end())
        return name + " is the alias of another WWID there";
    auto prefix = real.alias_prefix;
    if (!name.starts_with(prefix) || !suffix_to_index(std::string_view(name).substr(prefix.size())))
        return name + " is not a friendly name with the prefix " + mpb::quoted(prefix);
    return {};
}

std::vector<PartitionRename> partition_renames(const std::string& wwid, const std::string& to,
                                               const std::vector<DmMap>& maps)
{
    std::vector<PartitionRename> out;
    for (const auto& p : maps) {
        auto part = parse_partition_uuid(p.uuid);
        if (!part || part->wwid != wwid)
            continue;
        if (auto after = partition_map_name(to, part->number); p.name != after)
            out.push_back({p.name, after});
    }
    return out;
}

MapHandover keep_adopted(MapHandover h, const Naming& real, const HandoverInput& in,
                         std::vector<std::string>& warnings)
{
    h.reason = "the real root has no name for this WWID: multipathd there adopts the map's name";
    auto why = not_adoptable(h.name_before, h.wwid, real, in.sysroot.bindings);
    if (!why.empty())
        warnings.push_back(h.name_before + " (" + h.wwid + ") keeps its name, but multipathd in the real root "
                           "will give it a new friendly name: " + why);
    return h;
}

// The decision for one multipath map, before names held by other maps are
// looked at.
MapHandover decide(const DmMap& m, std::string wwid, const HandoverInput& in,
                   std::vector<std::string>& warnings)
{
    MapHandover h;
    h.wwid = std::move(wwid);
    h.name_before = h.name_after = m.name;
    auto real = naming(h.wwid, m, in, in.sysroot);
    if (real.choice.new_binding)
        return keep_adopted(std::move(h), real, in, warnings);
    h.name_after = real.choice.name;
    if (h.name_after == h.name_before) {
        h.reason = "the real root names it " + h.name_after + " too (" + real.choice.reason + ")";
        return h;
    }
    auto before = naming(h.wwid, m, in, in.initramfs).choice;
    h.action = MapHandover::Action::rename;
    h.reason = "the real root names it " + h.name_after + " (" + real.choice.reason +
               "); the initramfs's files name it " + before.name + " (" + before.reason + ")";
    h.partitions = partition_renames(h.wwid, h.name_after, in.maps);
    return h;
}

using Holders = std::map<std::string, std::string>;  // dm name -> dm UUID

// Why `h` cannot be renamed with the names as `held` has them; "" when it can.
std::string blocker(const MapHandover& h, const Holders& held)
{
    std::vector<std::string> wanted{h.name_after};
    for (const auto& p : h.partitions)
        wanted.push_back(p.after);
    for (const auto& name : wanted) {
        if (auto why = dm_name_too_long(name); !why.empty())
            return why;
        if (auto it = held.find(name); it != held.end())
            return "the map with dm UUID " + mpb::quoted(it->second) + " is named " + name;
    }
    return {};
}

void move_name(Holders& held, const std::string& from, const std::string& to)
{
    auto uuid = held[from];
    held.erase(from);
    held[to] = uuid;
}

// Orders the decisions so each rename finds its names free, renames that
// free a name first; what stays blocked becomes a conflict.
void schedule(std::vector<MapHandover> pending, const std::vector<DmMap>& maps, HandoverPlan& plan)
{
    Holders held;
    for (const auto& m : maps)
        held[m.name] = m.uuid;
    for (bool progress = true; progress;) {
        progress = false;
        for (auto it = pending.begin(); it != pending.end();) {
            if (it->action == MapHandover::Action::rename) {
                if (!blocker(*it, held).empty()) {
                    ++it;
                    continue;
                }
                for (const auto& p : it->partitions)
                    move_name(held, p.before, p.after);
                move_name(held, it->name_before, it->name_after);
            }
            plan.maps.push_back(std::move(*it));
            it = pending.erase(it);
            progress = true;
        }
    }
    for (auto& h : pending) {
        h.action = MapHandover::Action::conflict;
        h.reason += "; not renamed: " + blocker(h, held);
        h.partitions.clear();
        plan.maps.push_back(std::move(h));
    }
}

}  // namespace

HandoverPlan plan_handover(const HandoverInput& in)
{
    HandoverPlan plan;
    std::vector<MapHandover> decided;
    for (const auto& m : in.maps) {
        auto map_wwid = wwid_of_map_uuid(m.uuid);
        if (!map_wwid)
            continue;
        decided.push_back(decide(m, std::move(*map_wwid), in, plan.warnings));
        const auto& wwid = decided.back().wwid;
        if (!in.sysroot_wwids.contains(wwid))
            plan.warnings.push_back("WWID " + wwid + " is assembled but not in " + in.sysroot_dir +
                                    "/etc/multipath/wwids: multipath-tools in the real root may not "
                                    "claim its paths");
    }
    schedule(std::move(decided), in.maps, plan);
    return plan;
}

const char* to_string(MapHandover::Action a)
{
    switch (a) {
    case MapHandover::Action::keep: return "keep";
    case MapHandover::Action::rename: return "rename";
    case MapHandover::Action::conflict: return "conflict";
    case MapHandover::Action::would_rename: return "would-rename";
    case MapHandover::Action::failed: return "failed";
    }
    return "?";
}

std::string handover_line(const MapHandover& m)
{
    using A = MapHandover::Action;
    auto id = " (" + m.wwid + ")";
    if (m.action == A::keep)
        return "keep: " + m.name_before + id;
    if (m.action == A::conflict || m.action == A::failed)
        return std::string(to_string(m.action)) + ": " + m.name_before + id + " not renamed to " +
               m.name_after;
    std::string line = (m.action == A::rename ? "rename: " : "would rename: ") + m.name_before +
                       " -> " + m.name_after + id;
    for (std::size_t i = 0; i < m.partitions.size(); ++i)
        line += (i ? ", " : " with ") + m.partitions[i].before + " -> " + m.partitions[i].after;
    return line;
}

std::string format_handover_json(const std::string& sysroot, const HandoverPlan& plan)
{
    using Json = nlohmann::ordered_json;
    Json maps = Json::array();
    for (const auto& m : plan.maps) {
        Json parts = Json::array();
        for (const auto& p : m.partitions)
            parts.push_back({{"name_before", p.before}, {"name_after", p.after}});
        maps.push_back({{"wwid", m.wwid},
                        {"name_before", m.name_before},
                        {"name_after", m.name_after},
                        {"action", to_string(m.action)},
                        {"reason", m.reason},
                        {"partitions", parts}});
    }
    Json root = {{"sysroot", sysroot}, {"maps", maps}, {"warnings", plan.warnings}};
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

RenameGate rename_gate(bool no_rename, bool rename_at_handover, const std::string& settings_file,
                       bool sysroot_config_broken)
{
    if (no_rename)
        return {false, "", false};
    if (!rename_at_handover)
        return {false, "nothing is renamed: rename_at_handover is off in " + settings_file, false};
    if (sysroot_config_broken)
        return {false,
                "nothing is renamed: the real root's multipath configuration is broken, "
                "so the names it expects are not known",
                true};
    return {};
}

void hold_renames(HandoverPlan& plan)
{
    for (auto& m : plan.maps)
        if (m.action == MapHandover::Action::rename)
            m.action = MapHandover::Action::would_rename;
}

}  // namespace mpb

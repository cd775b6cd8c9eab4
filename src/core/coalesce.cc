// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/coalesce.hh"

#include <algorithm>

#include "core/dm_name.hh"
#include "core/dm_table.hh"
#include "core/naming.hh"
#include "core/rr_order.hh"
#include "core/text.hh"

namespace mpb {

namespace {

struct Group {
    std::string wwid;
    std::vector<const PathRecord*> paths;
};

std::vector<Group> group_by_wwid(const std::vector<PathRecord>& paths)
{
    std::vector<Group> groups;
    for (const auto& p : paths) {
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const Group& g) { return g.wwid == p.wwid; });
        if (it == groups.end())
            groups.push_back({p.wwid, {&p}});
        else
            it->paths.push_back(&p);
    }
    return groups;
}

Claim take(std::string why) { return {Claim::Verdict::take, std::move(why)}; }
Claim leave(std::string why) { return {Claim::Verdict::leave, std::move(why)}; }

// "find_multipaths strict", with " (where it was set)" when asked.
std::string mode_label(const EffectiveSettings& s, bool cite_origin)
{
    auto label = std::string("find_multipaths ") + to_string(s.find_multipaths.value);
    return cite_origin ? label + " (" + s.find_multipaths.origin.describe() + ")" : label;
}

// on or smart, one path seen, WWID neither listed nor mapped.
Claim single_path(const std::string& how, const std::string& unlisted, const EffectiveSettings& s,
                  SmartTimer smart)
{
    if (s.find_multipaths.value == FindMultipaths::on)
        return leave(how + ": single path and " + unlisted);
    auto wait = std::to_string(s.find_multipaths_timeout.value) + " s";
    switch (smart) {
    case SmartTimer::expired:
        return leave(how + ": no second path appeared within " + wait + "; released");
    case SmartTimer::running:
        return leave(how + ": single path, waiting up to " + wait + " for a second one");
    case SmartTimer::absent:
        break;
    }
    return leave(how + ": single path and " + unlisted +
                 " (no wait timer in udev-check: a single path is released at once)");
}

}  // namespace

Claim find_multipaths_claim(const WwidFacts& f, const EffectiveSettings& s, SmartTimer smart,
                            bool cite_origin)
{
    auto mode = s.find_multipaths.value;
    auto how = mode_label(s, cite_origin);
    if (f.has_map)
        return take("a map for this WWID exists");
    if (f.in_wwids)
        return take("WWID is in the wwids file");
    if (mode == FindMultipaths::off || mode == FindMultipaths::greedy)
        return take(how + ": every path is used");
    auto unlisted = "WWID " + f.wwid + " is not in the wwids file";
    if (mode == FindMultipaths::strict)
        return leave(how + ": " + unlisted);
    if (!f.paths)
        return {Claim::Verdict::count_paths,
                how + ": " + unlisted + "; its paths are not counted yet"};
    if (*f.paths >= 2)
        return take(how + ": " + std::to_string(*f.paths) + " paths share the WWID");
    return single_path(how, unlisted, s, smart);
}

std::string in_use_reason(const std::vector<const PathRecord*>& paths)
{
    for (const auto* p : paths)
        if (!p->in_use.empty())
            return "not claimed: " + p->in_use;
    return {};
}

MapsByPath::MapsByPath(const std::vector<DmMap>& maps)
{
    for (const auto& m : maps) {
        auto wwid = wwid_of_map_uuid(m.uuid);
        if (!wwid)
            continue;  // not a multipath map (a partition map, another target)
        auto shape = parse_multipath_table(m.table);
        if (!shape)
            continue;
        for (const auto& g : shape->groups)
            for (const auto& devt : g)
                holders_.push_back({devt, *wwid, &m});
    }
    std::stable_sort(holders_.begin(), holders_.end(),
                     [](const Holder& a, const Holder& b) { return a.devt < b.devt; });
}

std::pair<MapsByPath::Holders::const_iterator, MapsByPath::Holders::const_iterator> MapsByPath::holders_of(
    const DevT& devt) const
{
    struct ByDevt {
        bool operator()(const Holder& h, const std::string& d) const { return h.devt < d; }
        bool operator()(const std::string& d, const Holder& h) const { return d < h.devt; }
    };
    return std::equal_range(holders_.begin(), holders_.end(), devt.str(), ByDevt{});
}

const DmMap* MapsByPath::former_map(const PathRecord& p) const
{
    auto [first, last] = holders_of(p.devt);
    auto it = std::find_if(first, last, [&](const Holder& h) { return h.wwid != p.wwid; });
    return it == last ? nullptr : it->map;
}

const DmMap* MapsByPath::holding(const DevT& devt) const
{
    auto [first, last] = holders_of(devt);
    return first == last ? nullptr : first->map;
}

std::string wwid_changed_reason(const PathRecord& p, const DmMap& m)
{
    return "a path of " + m.name + " (WWID " + *wwid_of_map_uuid(m.uuid) + "), but its WWID is now " +
           p.wwid + ": another LUN answers behind it; left out, and " + m.name +
           " is reloaded without it";
}

std::vector<std::string> names_taken(const Config& c, const std::vector<DmMap>& maps,
                                     const std::string& wwid)
{
    std::vector<std::string> taken;
    for (const auto& m : c.multipaths)
        if (m.alias && m.wwid != wwid)
            taken.push_back(m.alias->value);
    for (const auto& m : maps)
        if (m.uuid != map_uuid(wwid))
            taken.push_back(m.name);
    return taken;
}

namespace {

class Coalescer {
public:
    explicit Coalescer(const PlanInput& in) : in_(in), bindings_(in.bindings) {}

    Plan run(const std::vector<PathRecord>& paths)
    {
        const MapsByPath holders(in_.maps);
        for (const auto& p : paths)
            if (const auto* m = holders.former_map(p))
                changed_.push_back({&p, m});
        for (const auto& g : group_by_wwid(paths))
            group(without_changed(g));
        return std::move(plan_);
    }

private:
    void leave_out(const Group& g, const std::string& reason)
    {
        for (const auto* p : g.paths)
            plan_.left_out.push_back({p->name, reason});
    }

    // The group without its paths that still sit in another WWID's map.
    Group without_changed(const Group& g)
    {
        Group kept{g.wwid, {}};
        for (const auto* p : g.paths) {
            auto c = std::find_if(changed_.begin(), changed_.end(),
                                  [&](const Changed& x) { return x.path == p; });
            if (c != changed_.end())
                plan_.left_out.push_back({p->name, wwid_changed_reason(*p, *c->map)});
            else
                kept.paths.push_back(p);
        }
        return kept;
    }

    void group(const Group& g)
    {
        if (g.paths.empty())
            return;
        const auto* mp = in_.config.find_multipath(g.wwid);
        auto settings = resolve_settings(in_.config, g.paths.front()->devices, mp);
        WwidFacts facts{g.wwid, find_map_by_uuid(in_.maps, map_uuid(g.wwid)) != nullptr,
                        in_.wwids.contains(g.wwid), g.paths.size()};
        auto timer = in_.smart_wait_over ? SmartTimer::expired : SmartTimer::running;
        auto d = find_multipaths_claim(facts, settings, timer);
        if (d.verdict != Claim::Verdict::take)
            return leave_out(g, d.reason);
        auto busy = in_use_reason(g.paths);
        if (!busy.empty())
            return leave_out(g, busy);
        build(g, settings, mp, d.reason);
    }

    // Paths of another size than the first are not the same volume.
    std::vector<PathRecord> same_size(const Group& g)
    {
        std::vector<PathRecord> out;
        for (const auto* p : g.paths) {
            if (p->size == g.paths.front()->size)
                out.push_back(*p);
            else
                plan_.left_out.push_back(
                    {p->name, "size " + std::to_string(p->size) + " differs from " +
                                  g.paths.front()->name + " (" +
                                  std::to_string(g.paths.front()->size) + " sectors)"});
        }
        return out;
    }

    // A read-only path beside writable ones is left out: multipath-tools
    // 0.9.4 takes it and makes the whole map read-only (force_readonly,
    // and a create refused with EROFS is retried read-only), which a root
    // being written cannot take. A volume all of whose paths are
    // read-only keeps them all, as before.
    std::vector<PathRecord> writable(std::vector<PathRecord> paths)
    {
        auto rw = std::find_if(paths.begin(), paths.end(), [](const PathRecord& p) { return !p.read_only; });
        if (rw == paths.end())
            return paths;
        const std::string writable_one = rw->name;  // the loop moves the records
        std::vector<PathRecord> out;
        for (auto& p : paths) {
            if (!p.read_only)
                out.push_back(std::move(p));
            else
                plan_.left_out.push_back({p.name, "read-only (sysfs ro=1) while " + writable_one +
                                                      " of the same WWID is writable; a map over it "
                                                      "could only be read-only"});
        }
        return out;
    }

    void build(const Group& g, const EffectiveSettings& s, const MultipathEntry* mp,
               const std::string& why)
    {
        MapPlan m;
        m.wwid = g.wwid;
        m.taken_because = why;
        m.settings = s;
        m.paths = writable(same_size(g));
        m.size = g.paths.front()->size;
        lay_out(m, mp);
        if (const auto* old = find_map_by_uuid(in_.maps, map_uuid(g.wwid))) {
            m.name = old->name;
            m.name_reason = "name of the existing map";
            m.existing_table = old->table;
            m.existing_devt = old->devt;
            m.action = same_map(old->table, m.table) ? MapPlan::Action::keep
                                                     : MapPlan::Action::reload;
            warn_of_changed_paths(m, *old);
        } else {
            name(m, mp);
        }
        for (const auto& p : m.prios)
            if (!p.warning.empty())
                m.warnings.push_back(m.name + ": " + p.warning);
        if (!in_.wwids.contains(g.wwid))
            plan_.new_wwids.push_back(g.wwid);
        plan_.maps.push_back(std::move(m));
    }

    // Said when the map is reloaded, not only in dry-run's left-out list.
    void warn_of_changed_paths(MapPlan& m, const DmMap& old)
    {
        for (const auto& c : changed_)
            if (c.map == &old)
                m.warnings.push_back(m.name + ": " + c.path->name + " left out: its WWID is now " + c.path->wwid +
                                     " (another LUN answers behind the path); reloading without it");
    }

    // Priorities, groups, hardware handler and the table they make.
    void lay_out(MapPlan& m, const MultipathEntry* mp)
    {
        std::vector<int> values;
        std::vector<Tpgs> tpgs;
        for (const auto& p : m.paths) {
            m.prios.push_back(path_priority(p, in_.config, mp));
            values.push_back(m.prios.back().value);
            tpgs.push_back(m.prios.back().tpgs);
        }
        m.groups = group_paths(m.settings.path_grouping_policy.value, m.paths, values);
        order_for_round_robin(m.groups, m.paths, m.settings.path_selector.value);
        m.hwhandler = select_hwhandler(m.settings.hardware_handler, m.paths, tpgs);
        m.table = multipath_table(m.size, m.settings, m.hwhandler.value, m.paths, m.groups, values);
    }

    void name(MapPlan& m, const MultipathEntry* mp)
    {
        auto taken = names_taken(in_.config, in_.maps, m.wwid);
        for (const auto& other : plan_.maps)
            taken.push_back(other.name);
        auto choice = choose_name(m.wwid, m.settings, mp, bindings_, taken, in_.may_bind);
        m.name = choice.name;
        m.name_reason = choice.reason;
        if (choice.new_binding) {
            Binding b{choice.name, m.wwid, 0};
            bindings_.add(b);
            plan_.new_bindings.push_back(b);
        }
    }

    // A path still in the table of another WWID's map (former_map), found
    // once a run.
    struct Changed {
        const PathRecord* path;
        const DmMap* map;
    };

    const PlanInput& in_;
    std::vector<Changed> changed_;
    BindingsTable bindings_;  // the file's entries plus those allocated in this run
    Plan plan_;
};

}  // namespace

Plan coalesce(const std::vector<PathRecord>& paths, const PlanInput& in)
{
    return Coalescer(in).run(paths);
}

Plan plan_from_snapshot(const Snapshot& snap, const PlanInput& in)
{
    std::vector<PathRecord> paths;
    std::vector<LeftOut> rejected;
    for (const auto& dev : snap.devices) {
        auto v = evaluate_path(dev, snap, in.config);
        if (v.path)
            paths.push_back(std::move(*v.path));
        else
            rejected.push_back({dev.name, v.reason});
    }
    Plan plan = coalesce(paths, in);
    plan.left_out.insert(plan.left_out.begin(), rejected.begin(), rejected.end());
    // Report in the snapshot's device order, as a person reads lsblk.
    auto order = [&](const LeftOut& l) {
        for (std::size_t i = 0; i < snap.devices.size(); ++i)
            if (snap.devices[i].name == l.device)
                return i;
        return snap.devices.size();
    };
    std::stable_sort(plan.left_out.begin(), plan.left_out.end(),
                     [&](const LeftOut& a, const LeftOut& b) { return order(a) < order(b); });
    return plan;
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// What assemble decides beyond the plan: selection, reload refusal, reclaim.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/assembly.hh"
#include "core/dm_name.hh"
#include "unit_fixtures.hh"

using namespace mpb;
using namespace mpb::test;

namespace {

PathRecord path(const std::string& name)
{
    PathRecord p;
    p.name = name;
    return p;
}

MapPlan map_plan(const std::string& wwid, std::vector<std::string> paths, MapPlan::Action a = MapPlan::Action::create)
{
    MapPlan m;
    m.action = a;
    m.name = "map-" + wwid;
    m.wwid = wwid;
    for (const auto& p : paths)
        m.paths.push_back(path(p));
    return m;
}

std::string names(const std::vector<MapPlan>& maps)
{
    std::string out;
    for (const auto& m : maps)
        out += (out.empty() ? "" : " ") + m.wwid;
    return out;
}

std::string joined(const std::vector<std::string>& v)
{
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : "|") + s;
    return out;
}

const std::vector<MapPlan> two_maps = {map_plan("W1", {"sda", "sdb"}), map_plan("W2", {"sdc", "sdd"})};

}  // namespace

BOOST_AUTO_TEST_SUITE(assembly)

BOOST_AUTO_TEST_CASE(select_maps_by_wwid_or_path)
{
    struct Case {
        std::vector<std::string> wanted;
        std::string chosen;
        std::string unmatched;
    };
    const std::vector<Case> cases = {
        {{}, "W1 W2", ""},
        {{"W2"}, "W2", ""},
        {{"sdb"}, "W1", ""},
        {{"/dev/sdd"}, "W2", ""},
        {{"sdc", "W1"}, "W1 W2", ""},
        {{"W3"}, "", "W3: no map to build with this WWID or path"},
        {{"sda", "sdz", "/dev/sdy"}, "W1",
         "sdz: no map to build with this WWID or path|/dev/sdy: no map to build with this WWID or path"},
        {{"/dev/W1"}, "", "/dev/W1: no map to build with this WWID or path"},
    };
    for (const auto& c : cases) {
        auto s = select_maps(two_maps, c.wanted);
        BOOST_TEST(names(s.maps) == c.chosen, joined(c.wanted));
        BOOST_TEST(joined(s.unmatched) == c.unmatched, joined(c.wanted));
    }
}

BOOST_AUTO_TEST_CASE(reload_refused_only_for_an_open_map_changing_size)
{
    struct Case {
        int open_count;
        unsigned long long new_size;
        std::string refusal;
    };
    const std::vector<Case> cases = {
        {1, 200, "map-W1: is open and would change size from 100 to 200 sectors; left as it is"},
        {1, 100, ""},
        {0, 200, ""},
        {2, 50, "map-W1: is open and would change size from 100 to 50 sectors; left as it is"},
    };
    for (const auto& c : cases) {
        MapPlan m = map_plan("W1", {"sda"}, MapPlan::Action::reload);
        m.existing_table = "0 100 multipath 0 0 1 1 service-time 0 1 1 8:0 1";
        m.size = c.new_size;
        Snapshot snap;
        DmMap d;
        d.name = m.name;
        d.uuid = map_uuid("W1");
        d.open_count = c.open_count;
        snap.maps.push_back(d);
        BOOST_TEST(reload_refusal(m, snap).value_or("") == c.refusal);
    }
}

BOOST_AUTO_TEST_CASE(reload_allowed_without_a_map_or_a_readable_old_table)
{
    MapPlan m = map_plan("W1", {"sda"}, MapPlan::Action::reload);
    m.existing_table = "0 100 multipath 0 0 1 1 service-time 0 1 1 8:0 1";
    m.size = 200;
    BOOST_TEST(!reload_refusal(m, Snapshot{}).has_value());
    Snapshot snap;
    snap.maps.push_back(DmMap{"map-W1", map_uuid("W1"), {253, 0}, "", 1, "", false, {}, {}});
    m.existing_table = "garbage";
    BOOST_TEST(!reload_refusal(m, snap).has_value());
}

BOOST_AUTO_TEST_CASE(only_new_reloaded_or_unpartitioned_maps_are_probed)
{
    std::vector<DmMap> maps{{"mpatha", map_uuid("W1"), {253, 0}, "", 1, "", false, {}, {}},
                            {"mpatha-part1", "part1-mpath-W1", {253, 1}, "", 0, "", false, {}, {}},
                            {"mpathb", map_uuid("W2"), {253, 2}, "", 0, "", false, {}, {}},
                            {"mpathc-part1", "part1-mpath-W3x", {253, 3}, "", 0, "", false, {}, {}}};
    BOOST_TEST(!needs_partition_probe(map_plan("W1", {"sda"}, MapPlan::Action::keep), maps));
    BOOST_TEST(needs_partition_probe(map_plan("W1", {"sda"}, MapPlan::Action::reload), maps));
    BOOST_TEST(needs_partition_probe(map_plan("W2", {"sdb"}, MapPlan::Action::keep), maps));
    BOOST_TEST(needs_partition_probe(map_plan("W3", {"sdc"}, MapPlan::Action::keep), maps));
    BOOST_TEST(needs_partition_probe(map_plan("W4", {"sdd"}, MapPlan::Action::create), maps));
}

BOOST_AUTO_TEST_CASE(reclaim_paths_udev_released)
{
    Snapshot snap = machine();
    dev(snap, "sda").properties["MPATH_BOOT_PATH"] = "1";
    dev(snap, "sdb").properties["MPATH_BOOT_PATH"] = "0";
    Plan plan;
    plan.maps = {map_plan(mp0, {"sda", "sdb"}), map_plan(d1, {"sdc"})};
    plan.new_wwids = {d1};
    auto r = paths_to_reclaim(plan, {mp0, d1}, snap);
    BOOST_TEST(joined(r.disks) == "sdb|sdc");
    BOOST_TEST(joined(r.partitions) == "sdb1");
}

// udev has not judged sdb and sdc yet (no MPATH_BOOT_PATH): the callout will
// claim them when their events run if their WWID was listed before the run.
BOOST_AUTO_TEST_CASE(reclaim_skips_unjudged_paths_of_listed_wwids)
{
    Snapshot snap = machine();
    dev(snap, "sda").properties["MPATH_BOOT_PATH"] = "0";
    Plan plan;
    plan.maps = {map_plan(mp0, {"sda", "sdb"}), map_plan(d1, {"sdc"})};
    BOOST_TEST(joined(paths_to_reclaim(plan, {mp0, d1}, snap).disks) == "sda");
    plan.new_wwids = {mp0};
    BOOST_TEST(joined(paths_to_reclaim(plan, {mp0, d1}, snap).disks) == "sda|sdb");
}

BOOST_AUTO_TEST_CASE(reclaim_skips_kept_and_unbuilt_maps)
{
    Snapshot snap = machine();
    Plan plan;
    plan.maps = {map_plan(mp0, {"sda", "sdb"}, MapPlan::Action::keep), map_plan(d1, {"sdc"})};
    plan.new_wwids = {mp0, d1};
    BOOST_TEST(paths_to_reclaim(plan, {mp0, d1}, snap).disks == std::vector<std::string>{"sdc"});
    auto none = paths_to_reclaim(plan, {mp0}, snap);
    BOOST_TEST(none.disks.empty());
    BOOST_TEST(none.partitions.empty());
    plan.maps[0].action = MapPlan::Action::reload;
    auto reloaded = paths_to_reclaim(plan, {mp0}, snap);
    BOOST_TEST(joined(reloaded.disks) == "sda|sdb");
    BOOST_TEST(joined(reloaded.partitions) == "sda1|sdb1");
}

BOOST_AUTO_TEST_CASE(a_path_a_reload_drops_is_judged_again)
{
    Snapshot snap = machine();
    dev(snap, "sda").properties["MPATH_BOOT_PATH"] = "1";
    dev(snap, "sdb").properties["MPATH_BOOT_PATH"] = "1";
    Plan plan;
    plan.maps = {map_plan(mp0, {"sda"}, MapPlan::Action::reload)};
    plan.maps[0].existing_table = "0 2097152 multipath 0 0 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1";
    auto r = paths_to_reclaim(plan, {mp0}, snap);
    BOOST_TEST(joined(r.disks) == "sdb");
    BOOST_TEST(joined(r.partitions) == "sdb1");
    BOOST_TEST(paths_to_reclaim(plan, {}, snap).disks.empty());
}

BOOST_AUTO_TEST_SUITE_END()

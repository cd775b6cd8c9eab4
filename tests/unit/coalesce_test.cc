// SPDX-License-Identifier: GPL-2.0-or-later
// Coalescing decisions on a small machine: a volume seen through sda and sdb
// (serial mp0), a single-path disk sdc (serial d1), a virtio root disk vda.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

#include "core/coalesce.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;

namespace {

using test::d1;
using test::dev;
using test::machine;
using test::mp0;

void add_map(Snapshot& s, const std::string& name, const std::string& wwid, unsigned minor,
             const std::string& table)
{
    s.maps.push_back({name, "mpath-" + wwid, {253, minor}, table, 1, "", false, {}, {}});
}

const std::string blacklisted_vda =
    "vda: blacklisted by devnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\" (built-in blacklist)";
const std::string part_a = "sda1: partition of sda";
const std::string part_b = "sdb1: partition of sdb";
const std::string two_path_table =
    "0 2097152 multipath 0 0 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1";

struct Case {
    const char* name;
    std::string conf;
    std::string wwids;
    std::string bindings;
    std::function<void(Snapshot&)> change;
    bool smart_over;
    std::vector<std::string> maps;      // "NAME action: paths"
    std::vector<std::string> left_out;  // "dev: reason"
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const char* verb(MapPlan::Action a)
{
    return a == MapPlan::Action::create ? "create" : a == MapPlan::Action::reload ? "reload" : "keep";
}

std::vector<std::string> maps_of(const Plan& p)
{
    std::vector<std::string> out;
    for (const auto& m : p.maps) {
        std::string s = m.name + " " + verb(m.action) + ":";
        for (const auto& path : m.paths)
            s += " " + path.name;
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> left_of(const Plan& p)
{
    std::vector<std::string> out;
    for (const auto& l : p.left_out)
        out.push_back(l.device + ": " + l.reason);
    return out;
}

// The plan keeps pointers into the config: both live together.
struct Run {
    Config cfg;
    Plan plan;
};

Run run(const Case& c, Snapshot& s)
{
    if (c.change)
        c.change(s);
    Run r{test::config_from(c.conf), {}};
    auto w = parse_wwids(c.wwids, "/etc/multipath/wwids");
    auto b = parse_bindings(c.bindings, "/etc/multipath/bindings");
    PlanInput in{r.cfg, w, b, s.maps, c.smart_over, true};
    r.plan = plan_from_snapshot(s, in);
    return r;
}

std::vector<std::string> with_common(std::vector<std::string> v)
{
    v.insert(v.begin(), blacklisted_vda);
    return v;
}

const Case cases[] = {
    {"strict, nothing known", "", "", "", nullptr, false, {},
     with_common({"sda: find_multipaths strict: WWID " + mp0 + " is not in the wwids file",
                  part_a,
                  "sdb: find_multipaths strict: WWID " + mp0 + " is not in the wwids file",
                  part_b,
                  "sdc: find_multipaths strict: WWID " + d1 + " is not in the wwids file"})},
    {"strict, WWID in wwids file", "", "/" + mp0 + "/\n", "", nullptr, false,
     {mp0 + " create: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: find_multipaths strict: WWID " + d1 + " is not in the wwids file"})},
    {"yes: two paths make a map", "defaults {\n find_multipaths yes\n}\n", "", "", nullptr, false,
     {mp0 + " create: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: find_multipaths on: single path and WWID " + d1 +
                      " is not in the wwids file"})},
    {"yes: a single path in the wwids file", "defaults {\n find_multipaths yes\n}\n",
     "/" + d1 + "/\n", "", nullptr, false, {mp0 + " create: sda sdb", d1 + " create: sdc"},
     with_common({part_a, part_b})},
    {"greedy takes every path", "defaults {\n find_multipaths greedy\n}\n", "", "", nullptr, false,
     {mp0 + " create: sda sdb", d1 + " create: sdc"}, with_common({part_a, part_b})},
    {"off takes every path", "defaults {\n find_multipaths off\n}\n", "", "", nullptr, false,
     {mp0 + " create: sda sdb", d1 + " create: sdc"}, with_common({part_a, part_b})},
    {"smart holds a single path", "defaults {\n find_multipaths smart\n}\n", "", "", nullptr, false,
     {mp0 + " create: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: find_multipaths smart: single path, waiting up to 1 s for a second one"})},
    {"smart releases it when the wait is over", "defaults {\n find_multipaths smart\n}\n", "", "",
     nullptr, true, {mp0 + " create: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: find_multipaths smart: no second path appeared within 1 s; released"})},
    {"smart waits longer for known hardware",
     "defaults {\n find_multipaths smart\n find_multipaths_timeout -7\n}\n", "", "",
     [](Snapshot& s) { dev(s, "sdc").sysfs["vendor"] = "EMC"; dev(s, "sdc").sysfs["model"] = "SYMMETRIX"; },
     false, {mp0 + " create: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: find_multipaths smart: single path, waiting up to 7 s for a second one"})},
    {"a mounted partition keeps the volume unclaimed", "defaults {\n find_multipaths yes\n}\n", "",
     "", [](Snapshot& s) { dev(s, "sdb1").mountpoints = {"/"}; }, false, {},
     with_common({"sda: not claimed: sdb1 is mounted on /", part_a,
                  "sdb: not claimed: sdb1 is mounted on /", part_b,
                  "sdc: find_multipaths on: single path and WWID " + d1 +
                      " is not in the wwids file"})},
    {"active swap keeps it unclaimed", "defaults {\n find_multipaths greedy\n}\n", "", "",
     [](Snapshot& s) { dev(s, "sdc").swap = true; }, false, {mp0 + " create: sda sdb"},
     with_common({part_a, part_b, "sdc: not claimed: sdc is an active swap device"})},
    {"a holder that is not an mpath map keeps it unclaimed",
     "defaults {\n find_multipaths yes\n}\n", "", "",
     [](Snapshot& s) {
         dev(s, "sda").holders = {"dm-5"};
         s.maps.push_back({"vg-root", "LVM-abc", {253, 5}, "0 100 linear 8:0 2048", 1, "", false, {}, {}});
     },
     false, {},
     with_common({"sda: not claimed: sda is held by dm-5 (vg-root)", part_a,
                  "sdb: not claimed: sda is held by dm-5 (vg-root)", part_b,
                  "sdc: find_multipaths on: single path and WWID " + d1 +
                      " is not in the wwids file"})},
    {"an existing map with the same table (as the kernel prints it) is kept", "", "", "",
     [](Snapshot& s) {
         add_map(s, "mpatha", mp0, 0,
                 "0 2097152 multipath 0 0 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1");
         dev(s, "sda").holders = {"dm-0"};
         dev(s, "sdb").holders = {"dm-0"};
     },
     false, {"mpatha keep: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: find_multipaths strict: WWID " + d1 + " is not in the wwids file"})},
    {"an existing map missing a path is reloaded", "", "", "",
     [](Snapshot& s) {
         add_map(s, "mpatha", mp0, 0,
                 "0 2097152 multipath 0 0 1 1 service-time 0 1 1 8:0 1");
         dev(s, "sda").holders = {"dm-0"};
     },
     false, {"mpatha reload: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: find_multipaths strict: WWID " + d1 + " is not in the wwids file"})},
    {"a path whose WWID changed under its map is taken out of it", "defaults {\n find_multipaths yes\n}\n",
     "/" + mp0 + "/\n/" + d1 + "/\n", "",
     [](Snapshot& s) {
         add_map(s, "mpatha", mp0, 0, two_path_table);
         dev(s, "sda").holders = {"dm-0"};
         dev(s, "sdb").holders = {"dm-0"};
         dev(s, "sdb").properties["ID_SERIAL"] = d1;
     },
     false, {"mpatha reload: sda", d1 + " create: sdc"},
     with_common({part_a,
                  "sdb: a path of mpatha (WWID " + mp0 + "), but its WWID is now " + d1 +
                      ": another LUN answers behind it; left out, and mpatha is reloaded without it",
                  part_b})},
    {"a path of another size is left out", "defaults {\n find_multipaths yes\n}\n", "", "",
     [](Snapshot& s) { dev(s, "sdb").size = 4096; }, false, {mp0 + " create: sda"},
     with_common({part_a, "sdb: size 4096 differs from sda (2097152 sectors)", part_b,
                  "sdc: find_multipaths on: single path and WWID " + d1 +
                      " is not in the wwids file"})},
    {"a read-only path beside a writable one is left out", "defaults {\n find_multipaths yes\n}\n", "",
     "", [](Snapshot& s) { dev(s, "sda").sysfs["ro"] = "1"; }, false, {mp0 + " create: sdb"},
     with_common({"sda: read-only (sysfs ro=1) while sdb of the same WWID is writable; a map over it "
                  "could only be read-only",
                  part_a, part_b,
                  "sdc: find_multipaths on: single path and WWID " + d1 + " is not in the wwids file"})},
    {"a volume read-only on every path keeps them all", "defaults {\n find_multipaths yes\n}\n", "",
     "",
     [](Snapshot& s) {
         dev(s, "sda").sysfs["ro"] = "1";
         dev(s, "sdb").sysfs["ro"] = "1";
     },
     false, {mp0 + " create: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: find_multipaths on: single path and WWID " + d1 + " is not in the wwids file"})},
    {"friendly names skip bound aliases",
     "defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n", "",
     "mpatha 3600a0b800011111\nmpathc 3600a0b800033333\n", nullptr, false,
     {"mpathb create: sda sdb", "mpathd create: sdc"}, with_common({part_a, part_b})},
    {"multipaths alias and a binding",
     "defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n"
     "multipaths {\n multipath {\n  wwid " + d1 + "\n  alias data\n }\n}\n",
     "", "mpatha " + mp0 + "\n", nullptr, false, {"mpatha create: sda sdb", "data create: sdc"},
     with_common({part_a, part_b})},
    {"blacklisted WWID", "defaults {\n find_multipaths greedy\n}\nblacklist {\n wwid d1$\n}\n", "",
     "", nullptr, false, {mp0 + " create: sda sdb"},
     with_common({part_a, part_b,
                  "sdc: blacklisted by wwid \"d1$\" (blacklist section, /etc/multipath.conf:5)"})},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(coalesce)

BOOST_DATA_TEST_CASE(decisions, bdata::make(cases), c)
{
    Snapshot s = machine();
    Plan p = run(c, s).plan;
    BOOST_TEST(maps_of(p) == c.maps, boost::test_tools::per_element());
    BOOST_TEST(left_of(p) == c.left_out, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_reloaded_map_says_which_path_changed)
{
    Snapshot s = machine();
    add_map(s, "mpatha", mp0, 0, two_path_table);
    dev(s, "sdb").properties["ID_SERIAL"] = "0QEMU_QEMU_HARDDISK_other";
    Case c{"", "", "/" + mp0 + "/\n", "", nullptr, false, {}, {}};
    Plan p = run(c, s).plan;
    BOOST_TEST_REQUIRE(p.maps.size() == 1U);
    BOOST_TEST(p.maps[0].warnings ==
                   std::vector<std::string>{"mpatha: sdb left out: its WWID is now 0QEMU_QEMU_HARDDISK_other "
                                            "(another LUN answers behind the path); reloading without it"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(former_map_needs_the_path_in_another_wwids_table)
{
    PathRecord p;
    p.wwid = "B";
    p.devt = {8, 16};
    std::vector<DmMap> maps{{"own", "mpath-B", {253, 1}, two_path_table, 0, "", false, {}, {}},
                            {"part", "part1-mpath-A", {253, 2}, "0 100 linear 8:16 2048", 0, "", false, {}, {}},
                            {"other", "mpath-A", {253, 3}, "0 100 multipath 0 0 1 1 service-time 0 1 1 8:32 1",
                             0, "", false, {}, {}}};
    BOOST_TEST(MapsByPath(maps).former_map(p) == nullptr);
    maps.push_back({"old", "mpath-A", {253, 4}, two_path_table, 0, "", false, {}, {}});
    BOOST_TEST_REQUIRE(MapsByPath(maps).former_map(p) != nullptr);
    BOOST_TEST(MapsByPath(maps).former_map(p)->name == "old");
    // Of two maps of other WWIDs that hold the path, the first one listed.
    maps.insert(maps.begin(), {"older", "mpath-C", {253, 5}, two_path_table, 0, "", false, {}, {}});
    BOOST_TEST(MapsByPath(maps).former_map(p)->name == "older");
    // A path of no map's table, among maps that hold others.
    p.devt = {8, 48};
    BOOST_TEST(MapsByPath(maps).former_map(p) == nullptr);
}

BOOST_AUTO_TEST_CASE(holding_is_the_first_multipath_map_whose_table_names_the_device)
{
    std::vector<DmMap> maps{{"part", "part1-mpath-A", {253, 2}, "0 100 linear 8:16 2048", 0, "", false, {}, {}},
                            {"own", "mpath-B", {253, 1}, two_path_table, 0, "", false, {}, {}},
                            {"old", "mpath-A", {253, 4}, two_path_table, 0, "", false, {}, {}}};
    const MapsByPath holders(maps);
    BOOST_TEST_REQUIRE(holders.holding({8, 16}) != nullptr);
    BOOST_TEST(holders.holding({8, 16})->name == "own");
    BOOST_TEST(holders.holding({8, 0})->name == "own");
    BOOST_TEST(holders.holding({8, 32}) == nullptr);
}

BOOST_AUTO_TEST_CASE(table_of_a_new_two_path_map)
{
    Snapshot s = machine();
    Plan p = run(cases[1], s).plan;
    BOOST_TEST_REQUIRE(p.maps.size() == 1u);
    BOOST_TEST(p.maps[0].table == two_path_table);
    BOOST_TEST(p.new_wwids.empty());
}

BOOST_AUTO_TEST_CASE(new_maps_record_their_wwid_and_binding)
{
    Snapshot s = machine();
    Case c{"ufn", "defaults {\n find_multipaths yes\n user_friendly_names yes\n}\n", "", "", nullptr,
           false, {}, {}};
    Plan p = run(c, s).plan;
    BOOST_TEST_REQUIRE(p.new_bindings.size() == 1u);
    BOOST_TEST(p.new_bindings[0].alias == "mpatha");
    BOOST_TEST(p.new_bindings[0].wwid == mp0);
    BOOST_TEST(p.new_wwids == std::vector<std::string>{mp0}, boost::test_tools::per_element());
    BOOST_TEST(p.maps[0].name_reason ==
               "new friendly name (user_friendly_names yes: defaults section, /etc/multipath.conf:3)");
}

BOOST_AUTO_TEST_CASE(without_the_uid_attribute_the_vpd_page_gives_the_wwid)
{
    Snapshot s = machine();
    // T10 designator "QEMU    QEMU HARDDISK   d1" in page 0x83
    std::string t10 = "QEMU    QEMU HARDDISK   d1";
    auto byte = [](int b) {
        const char* d = "0123456789abcdef";
        return std::string{d[(b >> 4) & 15], d[b & 15]};
    };
    std::string body = "0201" "00" + byte(static_cast<int>(t10.size()));
    for (unsigned char ch : t10)
        body += byte(ch);
    std::string hex = "0083" + byte(0) + byte(static_cast<int>(body.size() / 2)) + body;
    dev(s, "sdc").properties.erase("ID_SERIAL");
    dev(s, "sdc").sysfs["vpd_pg83"] = hex;
    Case c{"vpd", "defaults {\n find_multipaths greedy\n}\n", "", "", nullptr, false, {}, {}};
    Plan p = run(c, s).plan;
    BOOST_TEST_REQUIRE(p.maps.size() == 2u);
    BOOST_TEST(p.maps[1].wwid == "1QEMU_QEMU_HARDDISK_d1");
    BOOST_TEST(p.maps[1].paths[0].wwid_source == "sysfs vpd_pg83");
}

BOOST_AUTO_TEST_CASE(unreadable_bindings_give_wwid_names)
{
    Snapshot s = machine();
    auto cfg = test::config_from("defaults {\n find_multipaths yes\n user_friendly_names yes\n}\n");
    WwidsTable w;
    BindingsTable b;
    PlanInput in{cfg, w, b, s.maps, false, false};
    Plan p = plan_from_snapshot(s, in);
    BOOST_TEST_REQUIRE(p.maps.size() == 1u);
    BOOST_TEST(p.maps[0].name == mp0);
    BOOST_TEST(p.new_bindings.empty());
}

BOOST_AUTO_TEST_SUITE_END()

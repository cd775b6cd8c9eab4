// SPDX-License-Identifier: GPL-2.0-or-later
// The handover plan: the name the real root gives each assembled map, the
// renames (partition maps with them), the names kept for multipathd to
// adopt, conflicts, and the warnings. Volume mp0 through sda (8:0), d1
// through sdc (8:32), as in unit_fixtures.hh.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/handover.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;
using mpb::test::d1;
using mpb::test::mp0;

namespace {

DmMap mpath(const std::string& name, const std::string& wwid, unsigned minor, const std::string& path)
{
    return {name, "mpath-" + wwid, {253, minor}, "0 2097152 multipath 0 0 1 1 service-time 0 1 1 " + path + " 1",
            1, "", false, {}, {}};
}

DmMap part(const std::string& name, const std::string& wwid, int n, unsigned minor)
{
    return {name, "part" + std::to_string(n) + "-mpath-" + wwid, {253, minor},
            "0 1000 linear 253:0 2048", 1, "", false, {}, {}};
}

DmMap other(const std::string& name, const std::string& uuid, unsigned minor)
{
    return {name, uuid, {253, minor}, "0 1000 linear 8:48 0", 0, "", false, {}, {}};
}

const std::string ufn_yes = "defaults {\n\tuser_friendly_names yes\n}\n";

std::string alias_conf(const std::string& alias)
{
    return ufn_yes + "multipaths {\n\tmultipath {\n\t\twwid " + mp0 + "\n\t\talias " + alias + "\n\t}\n}\n";
}

const std::string qemu_prefix = ufn_yes +
    "devices {\n\tdevice {\n\t\tvendor QEMU\n\t\tproduct \"QEMU HARDDISK\"\n\t\talias_prefix disk\n\t}\n}\n";

const std::string init_bound = "mpatha " + mp0 + "\nmpathb " + d1 + "\n";
const std::string both_wwids = "/" + mp0 + "/\n/" + d1 + "/\n";

// What the initramfs named mpatha with, in every case below.
const std::string init_reason = "the initramfs's files name it mpatha (bound in the bindings file, line 1)";
const std::string bound1 = "bound in the bindings file, line 1";
const std::string adopted = "the real root has no name for this WWID: multipathd there adopts the map's name";

struct Case {
    const char* name;
    std::string sys_conf, sys_bindings, sys_wwids;
    std::vector<DmMap> maps;
    std::vector<std::string> expected;  // "action before -> after [partitions]: reason", in plan order
    std::vector<std::string> warnings;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const std::vector<DmMap> mpatha_two_parts = {mpath("mpatha", mp0, 0, "8:0"), part("mpatha-part1", mp0, 1, 1),
                                             part("mpatha-part2", mp0, 2, 2)};

const Case cases[] = {
    // The name the real root gives.
    {"a binding renames the map and its partition maps", ufn_yes, "rootdisk " + mp0 + "\n", both_wwids,
     mpatha_two_parts,
     {"rename mpatha -> rootdisk [mpatha-part1 -> rootdisk-part1, mpatha-part2 -> rootdisk-part2]: "
      "the real root names it rootdisk (" + bound1 + "); " + init_reason},
     {}},
    {"the same binding keeps it", ufn_yes, "mpatha " + mp0 + "\n", both_wwids, mpatha_two_parts,
     {"keep mpatha -> mpatha []: the real root names it mpatha too (" + bound1 + ")"}, {}},
    {"a multipaths alias over a binding", alias_conf("sanroot"), "rootdisk " + mp0 + "\n", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0")},
     {"rename mpatha -> sanroot []: the real root names it sanroot (alias from multipaths section, "
      "/etc/multipath.conf:7); " + init_reason},
     {}},
    {"friendly names off: the WWID, bindings or not", "", "rootdisk " + mp0 + "\n", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0"), part("mpatha-part1", mp0, 1, 1)},
     {"rename mpatha -> " + mp0 + " [mpatha-part1 -> " + mp0 + "-part1]: the real root names it " + mp0 +
      " (WWID (user_friendly_names no: built-in default)); " + init_reason},
     {}},
    // No name in the real root's files: the map keeps its name.
    {"no binding: multipathd adopts the friendly name", ufn_yes, "", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0")}, {"keep mpatha -> mpatha []: " + adopted}, {}},
    {"no binding, the name bound to another WWID there", ufn_yes, "mpatha " + d1 + "\n", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0")}, {"keep mpatha -> mpatha []: " + adopted},
     {"mpatha (" + mp0 + ") keeps its name, but multipathd in the real root will give it a new friendly "
      "name: mpatha is bound to WWID " + d1 + " there"}},
    {"no binding, the WWID as name", ufn_yes, "", both_wwids, {mpath(mp0, mp0, 0, "8:0")},
     {"keep " + mp0 + " -> " + mp0 + " []: " + adopted},
     {mp0 + " (" + mp0 + ") keeps its name, but multipathd in the real root will give it a new friendly "
      "name: " + mp0 + " is not a friendly name with the prefix \"mpath\""}},
    {"no binding, alias_prefix from the paths' device section", qemu_prefix, "", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0")}, {"keep mpatha -> mpatha []: " + adopted},
     {"mpatha (" + mp0 + ") keeps its name, but multipathd in the real root will give it a new friendly "
      "name: mpatha is not a friendly name with the prefix \"disk\""}},
    {"no binding, the name is another WWID's alias there", ufn_yes + "multipaths {\n\tmultipath {\n\t\twwid " +
     d1 + "\n\t\talias mpatha\n\t}\n}\n", "", both_wwids, {mpath("mpatha", mp0, 0, "8:0")},
     {"keep mpatha -> mpatha []: " + adopted},
     {"mpatha (" + mp0 + ") keeps its name, but multipathd in the real root will give it a new friendly "
      "name: mpatha is the alias of another WWID there"}},
    // Names other maps hold.
    {"the name held by another map: conflict", ufn_yes, "rootdisk " + mp0 + "\n", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0"), part("mpatha-part1", mp0, 1, 1), other("rootdisk", "LVM-x", 2)},
     {"conflict mpatha -> rootdisk []: the real root names it rootdisk (" + bound1 + "); " + init_reason +
      "; not renamed: the map with dm UUID \"LVM-x\" is named rootdisk"},
     {}},
    {"a partition name held by another map: conflict", ufn_yes, "rootdisk " + mp0 + "\n", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0"), part("mpatha-part1", mp0, 1, 1), other("rootdisk-part1", "", 2)},
     {"conflict mpatha -> rootdisk []: the real root names it rootdisk (" + bound1 + "); " + init_reason +
      "; not renamed: the map with dm UUID \"\" is named rootdisk-part1"},
     {}},
    {"a rename that frees a name goes first", ufn_yes, "mpathb " + mp0 + "\nmpathc " + d1 + "\n", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0"), mpath("mpathb", d1, 1, "8:32")},
     {"rename mpathb -> mpathc []: the real root names it mpathc (bound in the bindings file, line 2); "
      "the initramfs's files name it mpathb (bound in the bindings file, line 2)",
      "rename mpatha -> mpathb []: the real root names it mpathb (" + bound1 + "); " + init_reason},
     {}},
    {"swapped names: both conflict", ufn_yes, "mpathb " + mp0 + "\nmpatha " + d1 + "\n", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0"), mpath("mpathb", d1, 1, "8:32")},
     {"conflict mpatha -> mpathb []: the real root names it mpathb (" + bound1 + "); " + init_reason +
      "; not renamed: the map with dm UUID \"mpath-" + d1 + "\" is named mpathb",
      "conflict mpathb -> mpatha []: the real root names it mpatha (bound in the bindings file, line 2); "
      "the initramfs's files name it mpathb (bound in the bindings file, line 2); not renamed: the map "
      "with dm UUID \"mpath-" + mp0 + "\" is named mpatha"},
     {}},
    {"a partition name over device-mapper's limit: conflict", alias_conf(std::string(122, 'r')), "",
     both_wwids, {mpath("mpatha", mp0, 0, "8:0"), part("mpatha-part1", mp0, 1, 1)},
     {"conflict mpatha -> " + std::string(122, 'r') + " []: the real root names it " + std::string(122, 'r') +
      " (alias from multipaths section, /etc/multipath.conf:7); " + init_reason + "; not renamed: " +
      std::string(122, 'r') + "-part1 is 128 bytes, device-mapper allows 127"},
     {}},
    {"a partition already named for the new name stays", ufn_yes, "rootdisk " + mp0 + "\n", both_wwids,
     {mpath("mpatha", mp0, 0, "8:0"), part("rootdisk-part1", mp0, 1, 1), part("mpatha-part2", mp0, 2, 2)},
     {"rename mpatha -> rootdisk [mpatha-part2 -> rootdisk-part2]: the real root names it rootdisk (" +
      bound1 + "); " + init_reason},
     {}},
    // Warnings and maps that are not multipath maps.
    {"a WWID missing from the real root's wwids file", ufn_yes, "mpatha " + mp0 + "\n", "/" + d1 + "/\n",
     {mpath("mpatha", mp0, 0, "8:0")},
     {"keep mpatha -> mpatha []: the real root names it mpatha too (" + bound1 + ")"},
     {"WWID " + mp0 + " is assembled but not in /sysroot/etc/multipath/wwids: multipath-tools in the real "
      "root may not claim its paths"}},
    {"other dm maps are left alone", ufn_yes, "", both_wwids,
     {other("vg-root", "LVM-abc", 0), other("plain", "", 1)}, {}, {}},
};

std::string line(const MapHandover& m)
{
    std::string parts;
    for (const auto& p : m.partitions)
        parts += (parts.empty() ? "" : ", ") + p.before + " -> " + p.after;
    return std::string(to_string(m.action)) + " " + m.name_before + " -> " + m.name_after + " [" + parts +
           "]: " + m.reason;
}

HandoverPlan plan_for(const Case& c, const Snapshot& machine, const Config& sys, const BindingsTable& sb,
                      const WwidsTable& sw, const Config& init, const BindingsTable& ib)
{
    return plan_handover({machine, c.maps, {init, ib}, {sys, sb}, sw, "/sysroot"});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(handover)

BOOST_DATA_TEST_CASE(plan, bdata::make(cases), c)
{
    auto machine = test::machine();
    auto sys = test::config_from(c.sys_conf);
    auto sb = parse_bindings(c.sys_bindings, "/sysroot/etc/multipath/bindings");
    auto sw = parse_wwids(c.sys_wwids, "/sysroot/etc/multipath/wwids");
    auto init = test::config_from(ufn_yes);
    auto ib = parse_bindings(init_bound, "/etc/multipath/bindings");
    BOOST_TEST_REQUIRE(sb.problems.empty());
    auto plan = plan_for(c, machine, sys, sb, sw, init, ib);
    std::vector<std::string> got;
    for (const auto& m : plan.maps)
        got.push_back(line(m));
    BOOST_TEST(got == c.expected, boost::test_tools::per_element());
    BOOST_TEST(plan.warnings == c.warnings, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(lines)
{
    MapHandover m{MapHandover::Action::rename, mp0, "mpatha", "rootdisk", "why",
                  {{"mpatha-part1", "rootdisk-part1"}, {"mpatha-part2", "rootdisk-part2"}}};
    BOOST_TEST(handover_line(m) == "rename: mpatha -> rootdisk (" + mp0 +
                                       ") with mpatha-part1 -> rootdisk-part1, mpatha-part2 -> rootdisk-part2");
    m.action = MapHandover::Action::would_rename;
    m.partitions.clear();
    BOOST_TEST(handover_line(m) == "would rename: mpatha -> rootdisk (" + mp0 + ")");
    m.action = MapHandover::Action::conflict;
    BOOST_TEST(handover_line(m) == "conflict: mpatha (" + mp0 + ") not renamed to rootdisk");
    m.action = MapHandover::Action::failed;
    BOOST_TEST(handover_line(m) == "failed: mpatha (" + mp0 + ") not renamed to rootdisk");
    m.action = MapHandover::Action::keep;
    BOOST_TEST(handover_line(m) == "keep: mpatha (" + mp0 + ")");
}

BOOST_AUTO_TEST_CASE(json_record)
{
    HandoverPlan plan;
    plan.maps.push_back({MapHandover::Action::would_rename, "W", "mpatha", "rootdisk", "why \"so\"",
                         {{"mpatha-part1", "rootdisk-part1"}}});
    plan.maps.push_back({MapHandover::Action::keep, "V", "mpathb", "mpathb", "same", {}});
    plan.warnings.push_back("careful");
    const std::string expected = R"({
  "sysroot": "/sysroot",
  "maps": [
    {
      "wwid": "W",
      "name_before": "mpatha",
      "name_after": "rootdisk",
      "action": "would-rename",
      "reason": "why \"so\"",
      "partitions": [
        {
          "name_before": "mpatha-part1",
          "name_after": "rootdisk-part1"
        }
      ]
    },
    {
      "wwid": "V",
      "name_before": "mpathb",
      "name_after": "mpathb",
      "action": "keep",
      "reason": "same",
      "partitions": []
    }
  ],
  "warnings": [
    "careful"
  ]
}
)";
    BOOST_TEST(format_handover_json("/sysroot", plan) == expected);
}

BOOST_AUTO_TEST_CASE(rename_gate_order)
{
    struct Case {
        bool no_rename, at_handover, broken;
        bool rename;
        std::string why;
        bool warning;
    };
    const std::string off = "nothing is renamed: rename_at_handover is off in /etc/mpath-boot.conf";
    const std::string broken =
        "nothing is renamed: the real root's multipath configuration is broken, so the names it expects "
        "are not known";
    const std::vector<Case> cases = {
        {false, true, false, true, "", false},  {true, true, false, false, "", false},
        {true, false, true, false, "", false},  {false, false, false, false, off, false},
        {false, false, true, false, off, false}, {false, true, true, false, broken, true},
    };
    for (const auto& c : cases) {
        auto g = rename_gate(c.no_rename, c.at_handover, "/etc/mpath-boot.conf", c.broken);
        BOOST_TEST(g.rename == c.rename);
        BOOST_TEST(g.why == c.why);
        BOOST_TEST(g.warning == c.warning);
    }
}

BOOST_AUTO_TEST_CASE(held_renames_become_would_rename)
{
    HandoverPlan plan;
    using A = MapHandover::Action;
    for (A a : {A::keep, A::rename, A::conflict, A::rename})
        plan.maps.push_back(MapHandover{a, "W", "a", "b", "", {}});
    hold_renames(plan);
    std::vector<std::string> got;
    for (const auto& m : plan.maps)
        got.push_back(to_string(m.action));
    BOOST_TEST(got == (std::vector<std::string>{"keep", "would-rename", "conflict", "would-rename"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

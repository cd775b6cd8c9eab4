// SPDX-License-Identifier: GPL-2.0-or-later
// The live topology: dmsetup status lines read word by word, maps of a
// snapshot read back into groups and paths, and the text of multipath -l.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/topology.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;

namespace {

// ---- status lines ---------------------------------------------------------

std::string words(const std::vector<std::string>& w)
{
    std::string out;
    for (const auto& x : w)
        out += (out.empty() ? "" : " ") + x;
    return out;
}

const char* letter(GroupState s)
{
    switch (s) {
    case GroupState::active: return "A";
    case GroupState::enabled: return "E";
    case GroupState::disabled: return "D";
    }
    return "?";
}

// "features [0 0] hwhandler [] current 1 | A [] 8:0 A 0 [0 1] | E [] ..."
std::string show(const MultipathStatus& s)
{
    std::string out = "features [" + words(s.features) + "] hwhandler [" + words(s.hwhandler) +
                      "] current " + std::to_string(s.current_group);
    for (const auto& g : s.groups) {
        out += std::string(" | ") + letter(g.state) + " [" + words(g.selector_status) + "]";
        for (const auto& p : g.paths)
            out += " " + p.devt + (p.failed ? " F " : " A ") + std::to_string(p.fail_count) +
                   " [" + words(p.selector_info) + "]";
    }
    return out;
}

struct StatusCase {
    const char* name;
    const char* line;
    const char* shown;
};

std::ostream& operator<<(std::ostream& os, const StatusCase& c) { return os << c.name; }

const StatusCase good_status[] = {
    {"failover, service-time",
     "0 2097152 multipath 2 0 0 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
     "features [0 0] hwhandler [] current 1 | A [] 8:0 A 0 [0 1] | E [] 8:16 A 0 [0 1]"},
    {"a failed path, counted",
     "0 2097152 multipath 2 0 0 0 2 2 E 0 1 2 8:0 F 3 0 1 A 0 1 2 8:16 A 0 4096 1",
     "features [0 0] hwhandler [] current 2 | E [] 8:0 F 3 [0 1] | A [] 8:16 A 0 [4096 1]"},
    {"a disabled group",
     "0 8 multipath 2 0 0 0 2 2 D 0 1 2 8:0 A 1 0 1 A 0 1 2 8:16 A 0 0 1",
     "features [0 0] hwhandler [] current 2 | D [] 8:0 A 1 [0 1] | A [] 8:16 A 0 [0 1]"},
    // round-robin keeps no per-path information.
    {"multibus, round-robin", "0 8 multipath 2 0 0 0 1 1 A 0 2 0 8:0 A 0 8:16 F 1",
     "features [0 0] hwhandler [] current 1 | A [] 8:0 A 0 [] 8:16 F 1 []"},
    // queue-length: one word, the paths' queue lengths; I/O queued, pg_init run twice.
    {"queue-length, queueing", "0 8 multipath 2 1 2 0 1 1 A 0 2 1 8:0 A 0 3 8:16 A 0 7",
     "features [1 2] hwhandler [] current 1 | A [] 8:0 A 0 [3] 8:16 A 0 [7]"},
    {"selector status words", "0 8 multipath 2 0 0 0 1 1 A 2 x y 1 1 8:0 A 0 5",
     "features [0 0] hwhandler [] current 1 | A [x y] 8:0 A 0 [5]"},
    // Kernels before 2.6.28 showed the handler's status here.
    {"handler words", "0 8 multipath 2 0 0 1 alua 1 1 A 0 1 2 8:0 A 0 0 1",
     "features [0 0] hwhandler [alua] current 1 | A [] 8:0 A 0 [0 1]"},
    // No I/O yet: no group is current, all are enabled.
    {"before any I/O", "0 8 multipath 2 0 0 0 2 1 E 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
     "features [0 0] hwhandler [] current 1 | E [] 8:0 A 0 [0 1] | E [] 8:16 A 0 [0 1]"},
    {"no groups", "0 8 multipath 2 0 0 0 0 0", "features [0 0] hwhandler [] current 0"},
    {"no groups, older kernel", "0 8 multipath 2 0 0 0 0 1", "features [0 0] hwhandler [] current 1"},
    {"tabs and a newline", "0\t8 multipath  2 0 0 0 1 1 A 0 1 0 8:0 A 0\n",
     "features [0 0] hwhandler [] current 1 | A [] 8:0 A 0 []"},
};

const std::string head = "0 8 multipath 2 0 0 0 1 1 ";

const StatusCase bad_status[] = {
    {"empty", "", "expected \"<start> <length> multipath\", got \"\""},
    {"another target", "0 100 linear 8:0 0", "expected \"<start> <length> multipath\", got \"0 100 linear\""},
    {"no features", "0 8 multipath", "expected the number of feature words, got the end of the line"},
    {"feature count", "0 8 multipath x", "expected the number of feature words, got \"x\""},
    {"features cut", "0 8 multipath 2 0", "expected 2 feature words, got the end of the line after 1"},
    {"no handler", "0 8 multipath 2 0 0",
     "expected the number of hardware handler words, got the end of the line"},
    {"negative groups", "0 8 multipath 2 0 0 0 -1 1", "expected the number of path groups, got \"-1\""},
    {"no current group", "0 8 multipath 2 0 0 0 2",
     "expected the current path group, got the end of the line"},
    {"current group beyond", "0 8 multipath 2 0 0 0 2 3 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
     "current path group 3 is beyond the 2 path groups"},
    {"a group missing", "0 8 multipath 2 0 0 0 2 1 A 0 1 2 8:0 A 0 0 1",
     "expected path group 2 of 2, got the end of the line"},
    {"group state", "0 8 multipath 2 0 0 0 1 1 X 0 1 2 8:0 A 0 0 1",
     "expected a group state A, E or D for group 1, got \"X\""},
    {"no selector status", "0 8 multipath 2 0 0 0 1 1 A",
     "expected the number of selector status words of group 1, got the end of the line"},
    {"selector status cut", "0 8 multipath 2 0 0 0 1 1 A 2 x",
     "expected 2 selector status words of group 1, got the end of the line after 1"},
    {"path count", "0 8 multipath 2 0 0 0 1 1 A 0 one",
     "expected the number of paths of group 1, got \"one\""},
    {"no info count", "0 8 multipath 2 0 0 0 1 1 A 0 1",
     "expected the number of selector info words of group 1, got the end of the line"},
    {"a path by name", "0 8 multipath 2 0 0 0 1 1 A 0 1 2 sda A 0 0 1",
     "expected path 1 of group 1 as major:minor, got \"sda\""},
    {"a path missing", "0 8 multipath 2 0 0 0 1 1 A 0 2 2 8:0 A 0 0 1",
     "expected path 2 of group 1 as major:minor, got the end of the line"},
    {"path state", "0 8 multipath 2 0 0 0 1 1 A 0 1 2 8:0 X 0 0 1",
     "expected a path state A or F after 8:0, got \"X\""},
    {"fail count", "0 8 multipath 2 0 0 0 1 1 A 0 1 2 8:0 A many 0 1",
     "expected the fail count of 8:0, got \"many\""},
    {"info words cut", "0 8 multipath 2 0 0 0 1 1 A 0 1 2 8:0 A 0 0",
     "expected 2 selector info words after 8:0, got the end of the line after 1"},
    {"trailing words", "0 8 multipath 2 0 0 0 1 1 A 0 1 2 8:0 A 0 0 1 extra",
     "unexpected \"extra\" after the last path group"},
    {"a control character", "0 8 multipath 2 0 0 0 1 1 A 0 1 2 8:0 \x01 0 0 1",
     "expected a path state A or F after 8:0, got \"\\x01\""},
};

// ---- snapshots ------------------------------------------------------------

const std::string wwid = "0QEMU_QEMU_HARDDISK_mpath0";

// "0 3145728 multipath ..." with service-time's two path arguments, as the
// kernel prints tables.
const std::string failover_table =
    "0 3145728 multipath 1 queue_if_no_path 0 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1";
const std::string failover_status =
    "0 3145728 multipath 2 0 0 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1";
const std::string multibus_table =
    "0 3145728 multipath 0 0 1 1 service-time 0 2 2 8:0 1 1 8:16 1 1";
const std::string multibus_status =
    "0 3145728 multipath 2 0 0 0 1 1 A 0 2 2 8:0 A 0 0 1 8:16 A 0 0 1";

DmMap mpath_map(const std::string& name, unsigned minor, const std::string& table,
                const std::string& status)
{
    DmMap m;
    m.name = name;
    m.uuid = "mpath-" + wwid;
    m.devt = {254, minor};
    m.table = table;
    m.status = status;
    return m;
}

// sda and sdb, two paths to the same QEMU disk.
Snapshot two_paths()
{
    Snapshot s;
    s.devices.push_back(test::scsi_disk("sda", 0, "mpath0", "0:0:0:0"));
    s.devices.push_back(test::scsi_disk("sdb", 16, "mpath0", "0:0:1:0"));
    return s;
}

Snapshot with_map(DmMap m)
{
    auto s = two_paths();
    s.maps.push_back(std::move(m));
    return s;
}

std::vector<MapTopology> topology(const Snapshot& s)
{
    auto t = topology_from_snapshot(s);
    BOOST_TEST_REQUIRE(t.has_value(), t.error());
    return *t;
}

std::string status_text(const Snapshot& s) { return format_status(topology(s)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(topology_status_line)

BOOST_DATA_TEST_CASE(status_lines, bdata::make(good_status), c)
{
    auto r = parse_multipath_status(c.line);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(show(*r) == c.shown);
}

BOOST_DATA_TEST_CASE(malformed_status_lines_give_reasons, bdata::make(bad_status), c)
{
    auto r = parse_multipath_status(c.line);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == c.shown);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(topology_text)

BOOST_AUTO_TEST_CASE(failover_in_multipath_l_shape)
{
    auto s = with_map(mpath_map("mpatha", 0, failover_table, failover_status));
    BOOST_TEST(status_text(s) ==
               "mpatha (0QEMU_QEMU_HARDDISK_mpath0) dm-0 QEMU,QEMU HARDDISK\n"
               "size=1.5G features='1 queue_if_no_path' hwhandler='0' wp=rw\n"
               "|-+- policy='service-time 0' prio=0 status=active\n"
               "| `- 0:0:0:0 sda 8:0  active undef running\n"
               "`-+- policy='service-time 0' prio=0 status=enabled\n"
               "  `- 0:0:1:0 sdb 8:16 active undef running\n");
}

BOOST_AUTO_TEST_CASE(multibus_in_multipath_l_shape)
{
    auto s = with_map(mpath_map("mpatha", 0, multibus_table, multibus_status));
    BOOST_TEST(status_text(s) ==
               "mpatha (0QEMU_QEMU_HARDDISK_mpath0) dm-0 QEMU,QEMU HARDDISK\n"
               "size=1.5G features='0' hwhandler='0' wp=rw\n"
               "`-+- policy='service-time 0' prio=0 status=active\n"
               "  |- 0:0:0:0 sda 8:0  active undef running\n"
               "  `- 0:0:1:0 sdb 8:16 active undef running\n");
}

BOOST_AUTO_TEST_CASE(a_map_named_by_its_wwid_shows_it_once)
{
    auto s = with_map(mpath_map(wwid, 3, multibus_table, multibus_status));
    BOOST_TEST(status_text(s) ==
               "0QEMU_QEMU_HARDDISK_mpath0 dm-3 QEMU,QEMU HARDDISK\n"
               "size=1.5G features='0' hwhandler='0' wp=rw\n"
               "`-+- policy='service-time 0' prio=0 status=active\n"
               "  |- 0:0:0:0 sda 8:0  active undef running\n"
               "  `- 0:0:1:0 sdb 8:16 active undef running\n");
}

BOOST_AUTO_TEST_CASE(a_failed_offline_path_and_a_disabled_group)
{
    auto s = with_map(mpath_map(
        "mpatha", 0,
        "0 3145728 multipath 0 1 alua 2 2 round-robin 0 1 1 8:0 1 round-robin 0 1 1 8:16 1",
        "0 3145728 multipath 2 0 1 0 2 2 D 0 1 0 8:0 F 2 A 0 1 0 8:16 A 0"));
    s.devices[0].sysfs["state"] = "offline";
    s.devices[1].sysfs["hctl"] = "10:0:1:0";
    BOOST_TEST(status_text(s) ==
               "mpatha (0QEMU_QEMU_HARDDISK_mpath0) dm-0 QEMU,QEMU HARDDISK\n"
               "size=1.5G features='0' hwhandler='1 alua' wp=rw\n"
               "|-+- policy='round-robin 0' prio=0 status=disabled\n"
               "| `- 0:0:0:0  sda 8:0  failed undef offline\n"
               "`-+- policy='round-robin 0' prio=0 status=active\n"
               "  `- 10:0:1:0 sdb 8:16 active undef running\n");
}

// multipath-tools pads every column, the last one too.
BOOST_AUTO_TEST_CASE(a_path_with_no_device_pads_every_column)
{
    auto s = with_map(mpath_map(
        "mpatha", 0,
        "0 3145728 multipath 0 0 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:32 1 1",
        "0 3145728 multipath 2 0 0 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:32 F 1 0 1"));
    BOOST_TEST(status_text(s) ==
               "mpatha (0QEMU_QEMU_HARDDISK_mpath0) dm-0 QEMU,QEMU HARDDISK\n"
               "size=1.5G features='0' hwhandler='0' wp=rw\n"
               "|-+- policy='service-time 0' prio=0 status=active\n"
               "| `- 0:0:0:0 sda 8:0  active undef running\n"
               "`-+- policy='service-time 0' prio=0 status=enabled\n"
               "  `- #:#:#:# #   8:32 failed undef undef  \n");
}

BOOST_AUTO_TEST_CASE(read_only_maps_show_wp_ro)
{
    auto m = mpath_map("mpatha", 0, multibus_table, multibus_status);
    m.read_only = true;
    auto t = topology(with_map(m));
    BOOST_TEST_REQUIRE(t.size() == 1u);
    BOOST_TEST(t[0].wp == "ro");
    BOOST_TEST(format_status(t).find("wp=ro\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(maps_one_after_another_without_a_blank_line)
{
    auto s = with_map(mpath_map("mpatha", 0, multibus_table, multibus_status));
    s.devices.push_back(test::scsi_disk("sdc", 32, "data1", "0:0:2:0"));
    DmMap b = mpath_map("mpathb", 1, "0 2097152 multipath 0 0 1 1 service-time 0 1 2 8:32 1 1",
                        "0 2097152 multipath 2 0 0 0 1 1 A 0 1 2 8:32 A 0 0 1");
    b.uuid = "mpath-0QEMU_QEMU_HARDDISK_data1";
    s.maps.push_back(b);
    BOOST_TEST(status_text(s) ==
               "mpatha (0QEMU_QEMU_HARDDISK_mpath0) dm-0 QEMU,QEMU HARDDISK\n"
               "size=1.5G features='0' hwhandler='0' wp=rw\n"
               "`-+- policy='service-time 0' prio=0 status=active\n"
               "  |- 0:0:0:0 sda 8:0  active undef running\n"
               "  `- 0:0:1:0 sdb 8:16 active undef running\n"
               "mpathb (0QEMU_QEMU_HARDDISK_data1) dm-1 QEMU,QEMU HARDDISK\n"
               "size=1.0G features='0' hwhandler='0' wp=rw\n"
               "`-+- policy='service-time 0' prio=0 status=active\n"
               "  `- 0:0:2:0 sdc 8:32 active undef running\n");
}

BOOST_AUTO_TEST_CASE(no_maps_no_text)
{
    BOOST_TEST(status_text(two_paths()) == "");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(topology_from_a_snapshot)

BOOST_AUTO_TEST_CASE(only_whole_multipath_maps_are_listed)
{
    auto s = with_map(mpath_map("mpatha", 0, multibus_table, multibus_status));
    DmMap part;
    part.name = "mpatha-part1";
    part.uuid = "part1-mpath-" + wwid;
    part.devt = {254, 1};
    part.table = "0 2048 linear 254:0 2048";
    DmMap lvm;
    lvm.name = "vg-root";
    lvm.uuid = "LVM-abc";
    lvm.devt = {254, 2};
    lvm.table = "0 2048 linear 8:48 2048";
    DmMap bare;  // no UUID at all
    bare.name = "scratch";
    bare.table = "0 8 zero";
    s.maps = {part, s.maps[0], lvm, bare};
    auto t = topology(s);
    BOOST_TEST_REQUIRE(t.size() == 1u);
    BOOST_TEST(t[0].name == "mpatha");
    BOOST_TEST(t[0].wwid == wwid);
    BOOST_TEST(t[0].dm == "dm-0");
}

BOOST_AUTO_TEST_CASE(an_unknown_devt_is_shown_as_hash)
{
    auto s = with_map(mpath_map("mpatha", 0, multibus_table, multibus_status));
    s.devices.erase(s.devices.begin());  // sda gone from the snapshot
    auto t = topology(s);
    const auto& p = t.at(0).groups.at(0).paths.at(0);
    BOOST_TEST(p.dev == "#");
    BOOST_TEST(p.hctl == "#:#:#:#");
    BOOST_TEST(p.devnum == "8:0");
    BOOST_TEST(p.dm_state == "active");
    BOOST_TEST(p.checker_state == "undef");
    BOOST_TEST(p.online_state == "undef");
    BOOST_TEST(t[0].vendor == "QEMU");  // from sdb
}

BOOST_AUTO_TEST_CASE(vendor_and_product_from_the_first_path_that_has_both)
{
    auto s = with_map(mpath_map("mpatha", 0, multibus_table, multibus_status));
    s.devices[0].sysfs.erase("model");
    s.devices[1].sysfs["vendor"] = "LIO-ORG ";
    s.devices[1].sysfs["model"] = "disk01          ";
    auto t = topology(s);
    BOOST_TEST(t.at(0).vendor == "LIO-ORG");
    BOOST_TEST(t.at(0).product == "disk01");
    s.devices[1].sysfs.erase("vendor");
    BOOST_TEST(status_text(s).find(" dm-0 ##,##\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_status_leaves_states_undef_with_a_note)
{
    auto t = topology(with_map(mpath_map("mpatha", 0, failover_table, "")));
    BOOST_TEST(t.at(0).notes == std::vector<std::string>{"status of mpatha: not read"},
               boost::test_tools::per_element());
    BOOST_TEST(format_status(t) ==
               "mpatha (0QEMU_QEMU_HARDDISK_mpath0) dm-0 QEMU,QEMU HARDDISK\n"
               "size=1.5G features='1 queue_if_no_path' hwhandler='0' wp=rw\n"
               "|-+- policy='service-time 0' prio=0 status=undef\n"
               "| `- 0:0:0:0 sda 8:0  undef undef running\n"
               "`-+- policy='service-time 0' prio=0 status=undef\n"
               "  `- 0:0:1:0 sdb 8:16 undef undef running\n");
}

struct NoteCase {
    const char* name;
    const char* status;
    const char* note;
};

std::ostream& operator<<(std::ostream& os, const NoteCase& c) { return os << c.name; }

const NoteCase note_cases[] = {
    {"malformed", "0 3145728 multipath 2 0 0 0 2 1 A 0 1 2 8:0 X 0 0 1 E 0 1 2 8:16 A 0 0 1",
     "status of mpatha: expected a path state A or F after 8:0, got \"X\""},
    {"fewer groups", "0 3145728 multipath 2 0 0 0 1 1 A 0 1 2 8:0 A 0 0 1",
     "status of mpatha: 2 path groups in the table, 1 in the status"},
    {"more paths", "0 3145728 multipath 2 0 0 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 2 2 8:16 A 0 0 1 8:32 A 0 0 1",
     "status of mpatha: group 2 has 1 paths in the table, 2 in the status"},
    {"another path", "0 3145728 multipath 2 0 0 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:32 A 0 0 1",
     "status of mpatha: path 1 of group 2 is 8:16 in the table, 8:32 in the status"},
};

BOOST_DATA_TEST_CASE(a_status_that_does_not_fit_leaves_states_undef, bdata::make(note_cases), c)
{
    auto t = topology(with_map(mpath_map("mpatha", 0, failover_table, c.status)));
    BOOST_TEST(t.at(0).notes == std::vector<std::string>{c.note}, boost::test_tools::per_element());
    for (const auto& g : t[0].groups) {
        BOOST_TEST(g.status == "undef");
        for (const auto& p : g.paths)
            BOOST_TEST(p.dm_state == "undef");
    }
}

BOOST_AUTO_TEST_CASE(a_good_status_leaves_no_note)
{
    auto t = topology(with_map(mpath_map("mpatha", 0, failover_table, failover_status)));
    BOOST_TEST(t.at(0).notes.empty());
}

BOOST_AUTO_TEST_CASE(an_unreadable_table_fails_naming_the_map)
{
    auto s = with_map(mpath_map("mpatha", 0, "0 8 multipath 0 0 1 1 service-time 0 2 1 8:0 1", ""));
    auto t = topology_from_snapshot(s);
    BOOST_TEST_REQUIRE(!t.has_value());
    BOOST_TEST(t.error() == "table of mpatha: malformed path group 1");
    s.maps[0].table = "0 8 linear 8:0 0";
    BOOST_TEST(topology_from_snapshot(s).error() == "table of mpatha: not a multipath table");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(topology_json)

BOOST_AUTO_TEST_CASE(failover_as_json)
{
    auto s = with_map(mpath_map("mpatha", 0, failover_table, failover_status));
    s.devices[1].sysfs["state"] = "offline";
    BOOST_TEST(format_status_json(topology(s)) == R"JSON({
  "maps": [
    {
      "name": "mpatha",
      "wwid": "0QEMU_QEMU_HARDDISK_mpath0",
      "dm": "dm-0",
      "vendor": "QEMU",
      "product": "QEMU HARDDISK",
      "size_sectors": 3145728,
      "size": "1.5G",
      "features": "1 queue_if_no_path",
      "hwhandler": "0",
      "wp": "rw",
      "path_groups": [
        {
          "selector": "service-time 0",
          "prio": 0,
          "status": "active",
          "paths": [
            {
              "hctl": "0:0:0:0",
              "dev": "sda",
              "devnum": "8:0",
              "dm_state": "active",
              "checker_state": "undef",
              "online_state": "running"
            }
          ]
        },
        {
          "selector": "service-time 0",
          "prio": 0,
          "status": "enabled",
          "paths": [
            {
              "hctl": "0:0:1:0",
              "dev": "sdb",
              "devnum": "8:16",
              "dm_state": "active",
              "checker_state": "undef",
              "online_state": "offline"
            }
          ]
        }
      ]
    }
  ]
}
)JSON");
}

BOOST_AUTO_TEST_CASE(no_maps_as_json)
{
    BOOST_TEST(format_status_json({}) == "{\n  \"maps\": []\n}\n");
}

BOOST_AUTO_TEST_CASE(a_map_without_groups_as_json)
{
    auto t = topology(with_map(mpath_map("mpatha", 0, "0 2097152 multipath 0 0 0 0",
                                         "0 2097152 multipath 2 0 0 0 0 0")));
    BOOST_TEST(format_status_json(t).find("\"path_groups\": []") != std::string::npos);
    BOOST_TEST(format_status(t) == "mpatha (0QEMU_QEMU_HARDDISK_mpath0) dm-0 ##,##\n"
                                   "size=1.0G features='0' hwhandler='0' wp=rw\n");
}

BOOST_AUTO_TEST_SUITE_END()

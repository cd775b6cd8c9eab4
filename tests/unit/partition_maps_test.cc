// SPDX-License-Identifier: GPL-2.0-or-later
// Partition maps over mpatha (253:0) of WWID 0QEMU_QEMU_HARDDISK_mp0, as
// kpartx -p -part names and builds them.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "core/partition_maps.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;
using Action = PartitionMapPlan::Action;

namespace {

const std::string wwid = "0QEMU_QEMU_HARDDISK_mp0";
const DevT map_devt{253, 0};

const char* verb(Action a)
{
    switch (a) {
    case Action::create: return "create";
    case Action::reload: return "reload";
    case Action::keep: return "keep";
    case Action::blocked: return "blocked";
    }
    return "?";
}

// One plan as a line: "verb name uuid [table] devt: reason".
std::string line(const PartitionMapPlan& p)
{
    return std::string(verb(p.action)) + " " + p.name + " " + p.uuid + " [" + p.table + "] " +
           p.existing_devt.str() + (p.reason.empty() ? "" : ": " + p.reason);
}

std::vector<std::string> lines(const std::vector<PartitionMapPlan>& plans)
{
    std::vector<std::string> out;
    for (const auto& p : plans)
        out.push_back(line(p));
    return out;
}

DmMap part_map(const std::string& name, const std::string& uuid, unsigned minor,
               const std::string& table, int open)
{
    return {name, uuid, {253, minor}, table, open, "", false, {}, {}};
}

const std::vector<PartitionSpan> two_parts = {{1, 2048, 1048576}, {2, 1050624, 1046528}};
const std::string table1 = "0 1048576 linear 253:0 2048";
const std::string table2 = "0 1046528 linear 253:0 1050624";
const std::string uuid1 = "part1-mpath-" + wwid;
const std::string uuid2 = "part2-mpath-" + wwid;

struct Case {
    const char* name;
    std::string map_name;
    std::vector<PartitionSpan> parts;
    std::vector<DmMap> existing;
    std::vector<std::string> expected;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const Case cases[] = {
    {"new maps", "mpatha", two_parts, {},
     {"create mpatha-part1 " + uuid1 + " [" + table1 + "] 0:0",
      "create mpatha-part2 " + uuid2 + " [" + table2 + "] 0:0"}},
    {"a WWID-named map", wwid, {{1, 2048, 1048576}}, {},
     {"create " + wwid + "-part1 " + uuid1 + " [" + table1 + "] 0:0"}},
    {"spans of size 0 are skipped", "mpatha", {{1, 2048, 0}, {2, 1050624, 1046528}}, {},
     {"create mpatha-part2 " + uuid2 + " [" + table2 + "] 0:0"}},
    {"the same table is kept, spacing aside", "mpatha", two_parts,
     {part_map("mpatha-part1", uuid1, 1, "0  1048576 linear 253:0 2048 ", 1),
      part_map("mpatha-part2", uuid2, 2, table2, 0)},
     {"keep mpatha-part1 " + uuid1 + " [" + table1 + "] 253:1",
      "keep mpatha-part2 " + uuid2 + " [" + table2 + "] 253:2"}},
    {"a closed map with another table is reloaded", "mpatha", {{1, 2048, 1048576}},
     {part_map("mpatha-part1", uuid1, 1, "0 1000 linear 253:0 2048", 0)},
     {"reload mpatha-part1 " + uuid1 + " [" + table1 + "] 253:1"}},
    {"an open map with another table is left", "mpatha", {{1, 2048, 1048576}},
     {part_map("mpatha-part1", uuid1, 1, "0 1000 linear 253:0 2048", 2)},
     {"blocked mpatha-part1 " + uuid1 + " [" + table1 +
      "] 253:1: mpatha-part1 is open and its table differs; left as it is"}},
    {"the name taken by another UUID", "mpatha", {{1, 2048, 1048576}},
     {part_map("mpatha-part1", "LVM-xyz", 7, "0 10 linear 8:0 0", 0)},
     {"blocked mpatha-part1 " + uuid1 + " [" + table1 +
      "] 253:7: mpatha-part1 exists with UUID \"LVM-xyz\", not " + uuid1 + "; left as it is"}},
    {"the UUID under another name", "mpathb", {{1, 2048, 1048576}},
     {part_map("mpatha-part1", uuid1, 1, table1, 0)},
     {"blocked mpathb-part1 " + uuid1 + " [" + table1 + "] 253:1: " + uuid1 +
      " is mapped as mpatha-part1, not mpathb-part1; left as it is"}},
    {"other maps do not matter", "mpatha", {{1, 2048, 1048576}},
     {part_map("mpatha", "mpath-" + wwid, 0, "0 2097152 multipath ...", 1),
      part_map("mpathb-part1", "part1-mpath-other", 9, table1, 0)},
     {"create mpatha-part1 " + uuid1 + " [" + table1 + "] 0:0"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(partition_maps)

BOOST_DATA_TEST_CASE(plans, bdata::make(cases), c)
{
    auto plans = plan_partition_maps(c.map_name, wwid, map_devt, c.parts, c.existing);
    BOOST_TEST(lines(plans) == c.expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_name_over_127_bytes_is_blocked)
{
    std::string name(121, 'm');  // + "-part1" = 127: fits
    auto fits = plan_partition_maps(name, "w", map_devt, {{1, 0, 8}}, {});
    BOOST_TEST_REQUIRE(fits.size() == 1u);
    BOOST_TEST(std::string(verb(fits[0].action)) == "create");
    auto over = plan_partition_maps(name + "m", "w", map_devt, {{1, 0, 8}}, {});
    BOOST_TEST_REQUIRE(over.size() == 1u);
    BOOST_TEST(std::string(verb(over[0].action)) == "blocked");
    BOOST_TEST(over[0].reason == "name " + name + "m-part1 is 128 bytes, device-mapper allows 127; "
                                 "left as it is");
}

BOOST_AUTO_TEST_CASE(a_uuid_over_128_bytes_is_blocked)
{
    std::string w(116, 'w');  // "part1-mpath-" is 12: 128 fits
    auto fits = plan_partition_maps("mpatha", w, map_devt, {{1, 0, 8}}, {});
    BOOST_TEST(std::string(verb(fits.at(0).action)) == "create");
    auto over = plan_partition_maps("mpatha", w + "w", map_devt, {{1, 0, 8}}, {});
    BOOST_TEST(std::string(verb(over.at(0).action)) == "blocked");
    BOOST_TEST(over.at(0).reason == "UUID part1-mpath-" + w + "w is 129 bytes, device-mapper "
                                    "allows 128; left as it is");
}

// A disk with partitions as the kernel lists them, plus another disk's.
Snapshot disks(const std::string& disk, const std::vector<std::string>& parts)
{
    Snapshot s;
    BlockDevice d;
    d.name = disk;
    s.devices.push_back(d);
    unsigned long long start = 2048;
    for (const auto& name : parts) {
        BlockDevice p;
        p.name = name;
        p.partition = true;
        p.parent = disk;
        p.start = start;
        p.size = 1000;
        start += 1000;
        s.devices.push_back(p);
    }
    BlockDevice other;
    other.name = "sdz1";
    other.partition = true;
    other.parent = "sdz";
    s.devices.push_back(other);
    return s;
}

std::vector<std::string> spans(const std::vector<PartitionSpan>& v)
{
    std::vector<std::string> out;
    for (const auto& p : v)
        out.push_back(std::to_string(p.number) + "@" + std::to_string(p.start) + "+" +
                      std::to_string(p.size));
    return out;
}

BOOST_AUTO_TEST_CASE(numbers_from_sd_nvme_and_dasd_names)
{
    BOOST_TEST(spans(partitions_in_snapshot(disks("sda", {"sda1", "sda2", "sda10"}), "sda")) ==
                   (std::vector<std::string>{"1@2048+1000", "2@3048+1000", "10@4048+1000"}),
               boost::test_tools::per_element());
    BOOST_TEST(spans(partitions_in_snapshot(disks("nvme0n1", {"nvme0n1p2", "nvme0n1p1"}),
                                            "nvme0n1")) ==
                   (std::vector<std::string>{"1@3048+1000", "2@2048+1000"}),
               boost::test_tools::per_element());
    BOOST_TEST(spans(partitions_in_snapshot(disks("dasda", {"dasda1", "dasda3"}), "dasda")) ==
                   (std::vector<std::string>{"1@2048+1000", "3@3048+1000"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_disk_without_partitions_has_none)
{
    BOOST_TEST(partitions_in_snapshot(disks("sdc", {}), "sdc").empty());
    BOOST_TEST(partitions_in_snapshot(disks("sda", {"sda1"}), "sdq").empty());
}

BOOST_AUTO_TEST_CASE(replayed_partitions_give_kpartx_tables)
{
    auto parts = partitions_in_snapshot(disks("sda", {"sda1", "sda2"}), "sda");
    auto plans = plan_partition_maps("mpatha", wwid, map_devt, parts, {});
    BOOST_TEST(lines(plans) ==
                   (std::vector<std::string>{
                       "create mpatha-part1 " + uuid1 + " [0 1000 linear 253:0 2048] 0:0",
                       "create mpatha-part2 " + uuid2 + " [0 1000 linear 253:0 3048] 0:0"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// Group priorities of live maps as multipath -ll shows them: the mean of
// the up paths' priorities, from the snapshot's facts.
#include "core/topology_prio.hh"

#include <boost/test/unit_test.hpp>

#include "unit_fixtures.hh"

namespace {

using namespace mpb;

// Two paths of one map, one group each, ALUA states kept by scsi_dh_alua.
Snapshot alua_map(const char* state_a, const char* state_b)
{
    Snapshot s;
    s.devices.push_back(test::scsi_disk("sda", 0, "mp0", "0:0:0:0"));
    s.devices.push_back(test::scsi_disk("sdb", 16, "mp0", "0:0:1:0"));
    const char* states[] = {state_a, state_b};
    for (int i = 0; i < 2; ++i) {
        auto& d = s.devices[static_cast<std::size_t>(i)];
        d.sysfs["inquiry"] = "0000061230100002";
        d.sysfs["vpd_pg83"] = i == 0 ? "008300086195000400000001" : "008300086195000400000002";
        d.sysfs["access_state"] = states[i];
    }
    s.maps.push_back({"mpatha", "mpath-0QEMU_QEMU_HARDDISK_mp0", {253, 0},
                      "0 2097152 multipath 0 1 alua 2 1 service-time 0 1 1 8:0 1 "
                      "service-time 0 1 1 8:16 1",
                      0, "", false, {}, {}});
    return s;
}

std::vector<int> prios(const Snapshot& s, const Config& cfg)
{
    auto maps = topology_from_snapshot(s);
    BOOST_TEST_REQUIRE(maps.has_value());
    add_priorities(maps.value(), s, cfg);
    std::vector<int> out;
    for (const auto& g : maps->front().groups)
        out.push_back(g.prio);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(topology_prio)

BOOST_AUTO_TEST_CASE(sysfs_priorities_per_group)
{
    auto cfg = test::config_from("");
    BOOST_TEST(prios(alua_map("active/optimized", "active/non-optimized"), cfg) ==
                   (std::vector<int>{50, 10}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_down_path_counts_for_nothing)
{
    auto s = alua_map("standby", "active/optimized");
    s.devices[1].sysfs["state"] = "offline";
    BOOST_TEST(prios(s, test::config_from("")) == (std::vector<int>{1, 0}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(const_without_alua)
{
    Snapshot s = alua_map("active/optimized", "active/optimized");
    for (auto& d : s.devices)
        d.sysfs["inquiry"] = "0000051200000012";
    BOOST_TEST(prios(s, test::config_from("")) == (std::vector<int>{1, 1}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

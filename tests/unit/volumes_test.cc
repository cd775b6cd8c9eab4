// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/volumes.hh"

#include <boost/test/unit_test.hpp>

#include "diagnose_fixtures.hh"

using namespace mpb;
using namespace mpb::test;

namespace {
using Names = std::vector<std::string>;
}

BOOST_AUTO_TEST_SUITE(volumes)

BOOST_AUTO_TEST_CASE(disks_are_grouped_by_wwid_in_disk_order)
{
    Snapshot s = machine();
    auto map = multipath_map("mpatha", mp0, 0, {"8:0", "8:16"});
    s.maps = {map};
    auto v = volumes_of(s, builtin_config());
    BOOST_TEST_REQUIRE(v.size() == 2u);  // vda has no WWID
    BOOST_TEST(v[0].wwid == mp0);
    BOOST_TEST(v[0].disks == (Names{"sda", "sdb"}), boost::test_tools::per_element());
    BOOST_TEST(v[0].paths == (Names{"sda", "sdb"}), boost::test_tools::per_element());
    BOOST_TEST(v[0].map == &s.maps[0]);
    BOOST_TEST(v[1].wwid == d1);
    BOOST_TEST(!v[1].map);
    BOOST_TEST(find_volume(v, d1) == &v[1]);
    BOOST_TEST(!find_volume(v, "nope"));
    BOOST_TEST(volume_of_device(v, s, "sdb1") == &v[0]);
    BOOST_TEST(!volume_of_device(v, s, "vda"));
}

BOOST_AUTO_TEST_CASE(left_out_and_used_devices_say_why)
{
    Snapshot s = machine();
    dev(s, "sda1").mountpoints = {"/boot"};
    auto v = volumes_of(s, config_from("blacklist {\n\tdevnode \"^sdb\"\n}\n"));
    BOOST_TEST(v[0].paths == Names{"sda"}, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(v[0].not_paths.size() == 1u);
    BOOST_TEST(v[0].not_paths[0].device == "sdb");
    BOOST_TEST(v[0].not_paths[0].why.starts_with("blacklisted by devnode \"^sdb\""));
    BOOST_TEST_REQUIRE(v[0].in_use.size() == 1u);
    BOOST_TEST(v[0].in_use[0].why == "sda1 is mounted on /boot");
}

BOOST_AUTO_TEST_CASE(disks_hidden_by_native_nvme_multipath_are_no_volume_of_their_own)
{
    Snapshot s = machine();
    dev(s, "sdc").sysfs["hidden"] = "1";
    auto v = volumes_of(s, builtin_config());
    BOOST_TEST(v.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

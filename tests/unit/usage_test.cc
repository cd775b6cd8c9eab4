// SPDX-License-Identifier: GPL-2.0-or-later
// Parsing /proc/self/mountinfo and /proc/swaps: which devices are in use.
#include <boost/test/unit_test.hpp>

#include "sys/usage.hh"

BOOST_AUTO_TEST_SUITE(usage)

BOOST_AUTO_TEST_CASE(mountinfo_maps_device_numbers_to_mount_points)
{
    auto m = mpb::parse_mountinfo(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "23 22 0:5 / /dev rw,nosuid shared:2 - devtmpfs udev rw\n"
        "24 22 8:1 /srv /mnt/with\\040space rw - ext4 /dev/sda1 rw\n"
        "25 22 253:2 / /data rw - xfs /dev/mapper/mpatha-part1 rw\n");
    BOOST_TEST(m.size() == 3u);
    BOOST_TEST((m["8:1"] == std::vector<std::string>{"/", "/mnt/with space"}));
    BOOST_TEST((m["253:2"] == std::vector<std::string>{"/data"}));
}

BOOST_AUTO_TEST_CASE(mountinfo_skips_short_lines_and_keeps_bad_escapes)
{
    auto m = mpb::parse_mountinfo("garbage\n30 1 8:16 / /a\\09x rw - ext4 /dev/sdb rw\n");
    BOOST_TEST(m.size() == 1u);
    BOOST_TEST((m["8:16"] == std::vector<std::string>{"/a\\09x"}));
}

BOOST_AUTO_TEST_CASE(swaps_lists_file_names_after_the_header)
{
    auto s = mpb::parse_swaps(
        "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
        "/dev/sdb2                               partition\t1048572\t\t0\t\t-2\n"
        "/swap\\040file                           file\t\t1024\t\t0\t\t-3\n");
    BOOST_TEST((s == std::vector<std::string>{"/dev/sdb2", "/swap file"}));
    BOOST_TEST(mpb::parse_swaps("Filename Type Size Used Priority\n").empty());
}

BOOST_AUTO_TEST_CASE(apply_usage_marks_mounts_and_swap_by_device_number)
{
    mpb::DeviceUsage u;
    u.mounts["8:1"] = {"/boot"};
    u.swap.insert("8:2");
    mpb::BlockDevice a, b, c;
    a.devt = {8, 1};
    b.devt = {8, 2};
    c.devt = {8, 3};
    mpb::apply_usage(a, u);
    mpb::apply_usage(b, u);
    mpb::apply_usage(c, u);
    BOOST_TEST((a.mountpoints == std::vector<std::string>{"/boot"}));
    BOOST_TEST(!a.swap);
    BOOST_TEST(b.swap);
    BOOST_TEST(b.mountpoints.empty());
    BOOST_TEST(!c.swap);
    BOOST_TEST(c.mountpoints.empty());
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/root_device.hh"

#include <boost/test/unit_test.hpp>

#include "diagnose_fixtures.hh"

using namespace mpb;
using namespace mpb::test;

namespace {

using Names = std::vector<std::string>;

Snapshot with_file_systems()
{
    Snapshot s = machine();
    dev(s, "sda1").properties = {{"ID_FS_UUID", "AB12-CD34"}, {"ID_FS_LABEL", "root"},
                                 {"ID_PART_ENTRY_UUID", "p-1"}, {"DEVLINKS", "/dev/disk/by-id/x-part1 /dev/disk/by-uuid/AB12-CD34"}};
    dev(s, "sdb1").properties = {{"ID_FS_UUID", "AB12-CD34"}};
    auto map = multipath_map("mpatha", mp0, 0, {"8:0", "8:16"});
    s.maps = {map, partition_map(map, mp0, 1, 1)};
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(root_device)

BOOST_AUTO_TEST_CASE(the_last_root_of_the_command_line_counts)
{
    auto r = root_from_cmdline("BOOT_IMAGE=/vmlinuz root=UUID=1 ro root=/dev/mapper/mpatha-part1 quiet");
    BOOST_TEST(r.spec == "/dev/mapper/mpatha-part1");
    BOOST_TEST(r.source == "kernel command line");
    BOOST_TEST(root_from_cmdline("ro quiet").spec == "");
}

BOOST_AUTO_TEST_CASE(fstab_root_skips_comments_and_names_its_line)
{
    auto r = root_from_fstab("# / is below\n#/dev/sda1 / ext4 defaults 0 1\nUUID=9 /boot ext4 defaults 0 2\n"
                             "/dev/mapper/mpatha-part1  /  ext4 defaults 0 1\n",
                             "/etc/fstab");
    BOOST_TEST(r.spec == "/dev/mapper/mpatha-part1");
    BOOST_TEST(r.source == "/etc/fstab:4");
    BOOST_TEST(root_from_fstab("UUID=9 /boot ext4 defaults 0 2\n", "/etc/fstab").spec == "");
}

BOOST_AUTO_TEST_CASE(specs_resolve_to_devices_and_maps)
{
    const Snapshot s = with_file_systems();
    auto resolve = [&](const std::string& spec) { return resolve_root({spec, ""}, s); };
    // A file system UUID finds every raw device that shows it, case aside.
    BOOST_TEST(resolve("UUID=ab12-cd34").devices == (Names{"sda1", "sdb1"}), boost::test_tools::per_element());
    BOOST_TEST(resolve("LABEL=root").devices == Names{"sda1"}, boost::test_tools::per_element());
    BOOST_TEST(resolve("LABEL=ROOT").empty());
    BOOST_TEST(resolve("PARTUUID=p-1").devices == Names{"sda1"}, boost::test_tools::per_element());
    BOOST_TEST(resolve("/dev/mapper/mpatha-part1").maps == Names{"mpatha-part1"}, boost::test_tools::per_element());
    BOOST_TEST(resolve("/dev/mapper/rootdisk-part1").empty());
    BOOST_TEST(resolve("/dev/dm-0").maps == Names{"mpatha"}, boost::test_tools::per_element());
    BOOST_TEST(resolve("/dev/sdb1").devices == Names{"sdb1"}, boost::test_tools::per_element());
    BOOST_TEST(resolve("/dev/disk/by-id/x-part1").devices == Names{"sda1"}, boost::test_tools::per_element());
    BOOST_TEST(resolve("FOO=bar").empty());
    BOOST_TEST(resolve("").empty());
}

BOOST_AUTO_TEST_CASE(what_is_mounted_where)
{
    Snapshot s = with_file_systems();
    BOOST_TEST(!mounted_at(s, "/sysroot").found());
    s.maps[1].mountpoints = {"/sysroot"};
    BOOST_TEST(mounted_at(s, "/sysroot").map->name == "mpatha-part1");
    s.maps[1].mountpoints.clear();
    dev(s, "sdb1").mountpoints = {"/boot", "/sysroot"};
    auto m = mounted_at(s, "/sysroot");
    BOOST_TEST(m.device == "sdb1");
    BOOST_TEST(!m.map);
}

BOOST_AUTO_TEST_SUITE_END()

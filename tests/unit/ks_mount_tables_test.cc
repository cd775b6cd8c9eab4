// SPDX-License-Identifier: GPL-2.0-or-later
// fstab and crypttab as far as multipath names go.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "kickstart/mount_tables.hh"

using namespace mpb::ks;

namespace {

std::vector<std::string> refs(const std::vector<MapperRef>& v)
{
    std::vector<std::string> out;
    for (const auto& r : v)
        out.push_back(std::to_string(r.line) + " " + r.name + " " + r.written);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ks_mount_tables)

BOOST_AUTO_TEST_CASE(mapper_names_and_root)
{
    const std::string fstab =
        "# /etc/fstab\n"
        "\n"
        "/dev/mapper/sanroot-part1 / ext4 errors=remount-ro 0 1\n"
        "UUID=1234 /boot ext4 defaults 0 2\n"
        "  /dev/disk/by-id/dm-name-data /srv xfs defaults 0 0\n"
        "/dev/mapper/cryptdata /home ext4 defaults 0 2\n"
        "#/dev/mapper/old /old ext4 defaults 0 0\n"
        "/dev/mapper/ /x ext4 defaults 0 0\n";
    const std::string crypttab =
        "# target source key options\n"
        "cryptdata /dev/mapper/mpathb-part2 none luks\n"
        "cryptswap UUID=77 /dev/urandom swap\n";
    auto t = read_mount_tables(fstab, crypttab);
    BOOST_TEST(refs(t.fstab_refs) == (std::vector<std::string>{"3 sanroot-part1 /dev/mapper/sanroot-part1",
                                                               "5 data /dev/disk/by-id/dm-name-data",
                                                               "6 cryptdata /dev/mapper/cryptdata"}),
               boost::test_tools::per_element());
    BOOST_TEST(refs(t.crypttab_refs) == std::vector<std::string>{"2 mpathb-part2 /dev/mapper/mpathb-part2"},
               boost::test_tools::per_element());
    BOOST_TEST(t.crypt_targets == (std::vector<std::string>{"cryptdata", "cryptswap"}),
               boost::test_tools::per_element());
    BOOST_TEST(t.root_device.value_or("") == "/dev/mapper/sanroot-part1");
    BOOST_TEST(t.root_line == 3);
}

BOOST_AUTO_TEST_CASE(empty_tables)
{
    auto t = read_mount_tables("", "");
    BOOST_TEST(t.fstab_refs.empty());
    BOOST_TEST(t.crypttab_refs.empty());
    BOOST_TEST(!t.root_device.has_value());
    BOOST_TEST(!mapper_name("/dev/sda1").has_value());
    BOOST_TEST(mapper_name("/dev/mapper/a-b").value_or("") == "a-b");
}

BOOST_AUTO_TEST_SUITE_END()

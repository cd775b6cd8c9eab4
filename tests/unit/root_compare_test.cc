// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/root_compare.hh"

#include <boost/test/unit_test.hpp>

#include "diagnose_fixtures.hh"

using namespace mpb;
using namespace mpb::test;

namespace {

std::vector<std::string> files_of(const std::vector<Difference>& d)
{
    std::vector<std::string> out;
    for (const auto& x : d)
        out.push_back(x.file + " " + x.wwid);
    return out;
}

const std::string rd = "this initramfs";
const std::string real = "the real root (/sysroot)";

}  // namespace

BOOST_AUTO_TEST_SUITE(root_compare)

BOOST_AUTO_TEST_CASE(the_same_files_differ_in_nothing)
{
    RootTexts t{"defaults {\n}\n", "/W1/\n", "mpatha W1\n", ""};
    BOOST_TEST(compare_roots(root_files(rd, t), root_files(real, t)).empty());
}

BOOST_AUTO_TEST_CASE(wwids_and_bindings_compare_by_entry_not_by_text)
{
    auto a = root_files(rd, {"", "# a comment\n/W1/\n/W2/\n", "mpatha W1\n", ""});
    auto b = root_files(real, {"", "/W2/\n/W1/\n", "# header\nmpatha W1\n", ""});
    BOOST_TEST(compare_roots(a, b).empty());
}

BOOST_AUTO_TEST_CASE(each_difference_says_what_it_does)
{
    auto a = root_files(rd, {"defaults {\n}\n", "/W1/\n/W3/\n", "mpatha W1\nmpathc W3\n", ""});
    auto b = root_files(real, {"", "/W1/\n/W2/\n", "rootdisk W1\nmpathb W2\n", "[boot]\npath_wait = 5\n"});
    auto d = compare_roots(a, b);
    BOOST_TEST(files_of(d) == (std::vector<std::string>{"/etc/mpath-boot.conf ", "/etc/multipath.conf ",
                                                         "/etc/multipath/bindings W1", "/etc/multipath/bindings W2",
                                                         "/etc/multipath/bindings W3", "/etc/multipath/wwids W2",
                                                         "/etc/multipath/wwids W3"}),
               boost::test_tools::per_element());
    BOOST_TEST(d[0].what == "only the real root (/sysroot) has it");
    BOOST_TEST(d[1].what == "only this initramfs has it");
    BOOST_TEST(d[2].what == "this initramfs binds WWID W1 to mpatha, the real root (/sysroot) to rootdisk");
    BOOST_TEST(d[2].effect == "the handover renames the map to rootdisk before switch-root, once root is mounted");
    BOOST_TEST(d[5].what == "the real root (/sysroot) lists WWID W2, this initramfs does not");
    BOOST_TEST(d[5].effect.find("claims no path of it") != std::string::npos);
    BOOST_TEST(d[6].what == "this initramfs lists WWID W3, the real root (/sysroot) does not");
}

BOOST_AUTO_TEST_CASE(a_binding_difference_without_renaming_keeps_the_initramfs_name)
{
    auto a = root_files(rd, {"", "", "mpatha W1\n", "[boot]\nrename_at_handover = no\n"});
    auto b = root_files(real, {"", "", "rootdisk W1\n", "[boot]\nrename_at_handover = no\n"});
    auto d = compare_roots(a, b);
    BOOST_TEST_REQUIRE(d.size() == 1u);
    BOOST_TEST(d[0].effect == "the map keeps the initramfs's name (rename_at_handover no); the real root looks for "
                              "rootdisk");
}

BOOST_AUTO_TEST_SUITE_END()

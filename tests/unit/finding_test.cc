// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/finding.hh"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace mpb;

BOOST_AUTO_TEST_SUITE(finding)

BOOST_AUTO_TEST_CASE(every_code_has_its_own_name)
{
    std::set<std::string> names;
    for (auto c : all_finding_codes())
        names.insert(to_string(c));
    BOOST_TEST(names.size() == all_finding_codes().size());
    BOOST_TEST(names.count("wwid-not-listed") == 1u);
    BOOST_TEST(names.count("?") == 0u);
}

BOOST_AUTO_TEST_CASE(sorting_puts_causes_first_and_keeps_the_order_within_a_code)
{
    std::vector<Finding> f{{FindingCode::unclaimed_multipath, {"W1"}, "", ""},
                           {FindingCode::wwid_not_listed, {"W2"}, "", ""},
                           {FindingCode::unclaimed_multipath, {"W3"}, "", ""},
                           {FindingCode::initramfs_stale, {"F"}, "", ""}};
    sort_findings(f);
    std::vector<std::string> order;
    for (const auto& x : f)
        order.push_back(x.subjects.front());
    BOOST_TEST(order == (std::vector<std::string>{"F", "W2", "W1", "W3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(lists_read_as_prose)
{
    BOOST_TEST(and_list({}) == "");
    BOOST_TEST(and_list({"sda"}) == "sda");
    BOOST_TEST(and_list({"sda", "sdb"}) == "sda and sdb");
    BOOST_TEST(and_list({"sda", "sdb", "sdc"}) == "sda, sdb and sdc");
}

BOOST_AUTO_TEST_SUITE_END()

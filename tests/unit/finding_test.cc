// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/finding.hh"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>
#include <sstream>

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

// docs/diagnose.md lists each code in its table, mpath-boot-diagnose(8)
// as a tagged paragraph, in the order findings are listed.
BOOST_AUTO_TEST_CASE(every_code_is_documented_in_order)
{
    auto text_of = [](const std::string& file) {
        std::ifstream in(std::string(TOP_SRCDIR) + "/docs/" + file);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    };
    const std::string md = text_of("diagnose.md");
    const std::string man = text_of("mpath-boot-diagnose.8");
    std::size_t md_at = 0, man_at = 0;
    for (auto c : all_finding_codes()) {
        const std::string code = to_string(c);
        auto in_md = md.find("| `" + code + "` |");
        auto in_man = man.find(".TP\n.B " + code + "\n");
        BOOST_TEST((in_md != std::string::npos && in_md >= md_at), code << " in docs/diagnose.md");
        BOOST_TEST((in_man != std::string::npos && in_man >= man_at), code << " in docs/mpath-boot-diagnose.8");
        md_at = in_md == std::string::npos ? md_at : in_md;
        man_at = in_man == std::string::npos ? man_at : in_man;
    }
}

BOOST_AUTO_TEST_SUITE_END()

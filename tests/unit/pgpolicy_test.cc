// SPDX-License-Identifier: GPL-2.0-or-later
// Path groups, their priorities and order, and the first group, for every
// grouping policy. Most rows are the vectors of multipath-tools 0.9.4's
// tests/pgpolicy.c (all paths up, no marginal paths), taken as facts.
#include "core/pgpolicy.hh"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {

using P = mpb::PgPolicy;

struct Case {
    const char* name;
    P policy;
    std::vector<int> prios;
    std::string keys;   // one letter a path: its serial and node name
    std::string down;   // 'd' where the path is offline
    const char* groups;  // "0,2,7|3,5,6": path indices, groups in order
    const char* group_prios;
    std::size_t first;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

std::vector<mpb::PathRecord> paths(const Case& c)
{
    std::vector<mpb::PathRecord> out(c.prios.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].name = "p" + std::to_string(i);
        out[i].serial = c.keys.empty() ? "" : std::string(1, c.keys[i]);
        out[i].facts.tgt_node_name = out[i].serial;
        out[i].state = i < c.down.size() && c.down[i] == 'd' ? "offline" : "running";
    }
    return out;
}

std::string show(const std::vector<mpb::PathGroup>& groups, bool prios)
{
    std::string out;
    for (const auto& g : groups) {
        out += out.empty() ? "" : "|";
        if (prios) {
            out += std::to_string(g.priority);
            continue;
        }
        std::string members;
        for (auto i : g.members)
            members += (members.empty() ? "" : ",") + std::to_string(i);
        out += members;
    }
    return out;
}

const std::vector<int> same8{1, 1, 1, 1, 1, 1, 1, 1};
const std::vector<int> increasing8{1, 2, 3, 4, 5, 6, 7, 8};
const std::vector<int> decreasing8{8, 7, 6, 5, 4, 3, 2, 1};
const std::vector<int> mixed8{7, 1, 3, 3, 5, 2, 8, 2};

const Case cases[] = {
    // multibus: one group, whatever the priorities.
    {"multibus same8", P::multibus, same8, "", "", "0,1,2,3,4,5,6,7", "1", 1},
    {"multibus mixed8", P::multibus, mixed8, "", "", "0,1,2,3,4,5,6,7", "3", 1},
    {"multibus none", P::multibus, {}, "", "", "", "", 0},
    // failover: one group a path, sorted by priority; ties keep path order.
    {"failover same8", P::failover, same8, "", "", "0|1|2|3|4|5|6|7", "1|1|1|1|1|1|1|1", 1},
    {"failover increasing8", P::failover, increasing8, "", "", "7|6|5|4|3|2|1|0",
     "8|7|6|5|4|3|2|1", 1},
    {"failover decreasing8", P::failover, decreasing8, "", "", "0|1|2|3|4|5|6|7",
     "8|7|6|5|4|3|2|1", 1},
    {"failover mixed8", P::failover, mixed8, "", "", "6|0|4|2|3|5|7|1", "8|7|5|3|3|2|2|1", 1},
    // group_by_prio
    {"group_by_prio same8", P::group_by_prio, same8, "", "", "0,1,2,3,4,5,6,7", "1", 1},
    {"group_by_prio increasing8", P::group_by_prio, increasing8, "", "", "7|6|5|4|3|2|1|0",
     "8|7|6|5|4|3|2|1", 1},
    {"group_by_prio mixed8", P::group_by_prio, mixed8, "", "", "6|0|4|2,3|5,7|1", "8|7|5|3|2|1", 1},
    {"group_by_prio 2 groups8", P::group_by_prio, {1, 2, 2, 1, 2, 1, 1, 2}, "", "",
     "1,2,4,7|0,3,5,6", "2|1", 1},
    {"group_by_prio mixed4", P::group_by_prio, {2, 3, 1, 3}, "", "", "1,3|0|2", "3|2|1", 1},
    {"group_by_prio 2 groups4", P::group_by_prio, {2, 1, 1, 2}, "", "", "0,3|1,2", "2|1", 1},
    {"group_by_prio 1", P::group_by_prio, {1}, "", "", "0", "1", 1},
    {"group_by_prio ALUA", P::group_by_prio, {10, 50}, "", "", "1|0", "50|10", 1},
    // group_by_node_name: the group's priority is its up paths' mean.
    {"node_name same8", P::group_by_node_name, same8, "aaaaaaaa", "", "0,1,2,3,4,5,6,7", "1", 1},
    {"node_name increasing8", P::group_by_node_name, increasing8, "abcdefgh", "",
     "7|6|5|4|3|2|1|0", "8|7|6|5|4|3|2|1", 1},
    {"node_name 3 groups8", P::group_by_node_name, {4, 1, 4, 1, 1, 1, 1, 4}, "abacbcca", "",
     "0,2,7|3,5,6|1,4", "4|1|1", 1},
    {"node_name 2 groups8", P::group_by_node_name, {4, 1, 2, 1, 2, 2, 2, 1}, "aababbba", "",
     "2,4,5,6|0,1,3,7", "2|1", 1},
    {"node_name 3 groups4", P::group_by_node_name, {3, 1, 3, 1}, "abca", "", "2|0,3|1", "3|2|1", 1},
    {"node_name 2 groups4", P::group_by_node_name, {2, 1, 1, 2}, "abba", "", "0,3|1,2", "2|1", 1},
    // group_by_serial
    {"serial same8", P::group_by_serial, same8, "11111111", "", "0,1,2,3,4,5,6,7", "1", 1},
    {"serial increasing8", P::group_by_serial, increasing8, "12345678", "", "7|6|5|4|3|2|1|0",
     "8|7|6|5|4|3|2|1", 1},
    {"serial 3 groups8", P::group_by_serial, {4, 1, 4, 3, 1, 3, 1, 4}, "12132321", "",
     "0,2,7|3,5|1,4,6", "4|3|1", 1},
    // Paths that are down count for nothing.
    {"down path left out of the mean", P::group_by_node_name, {50, 10, 50}, "aab", "d", "2|0,1",
     "50|10", 1},
    {"group of down paths last", P::failover, {50, 10}, "", "d", "1|0", "10|0", 1},
    {"undefined priority below a down group", P::failover, {-1, -1}, "", "-d", "1|0", "0|-1", 2},
    {"all down", P::failover, {-1, -1}, "", "dd", "0|1", "0|0", 1},
    {"more up paths first on a tie", P::group_by_node_name, {5, 5, 5}, "abb", "", "1,2|0", "5|5", 1},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pgpolicy)

BOOST_DATA_TEST_CASE(groups_and_order, bdata::make(cases), c)
{
    auto ps = paths(c);
    auto groups = mpb::group_paths(c.policy, ps, c.prios);
    BOOST_TEST(show(groups, false) == c.groups);
    BOOST_TEST(show(groups, true) == c.group_prios);
    BOOST_TEST(mpb::first_group(groups) == c.first);
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// Paths inside a group under round-robin, as multipath-tools 0.9.4 orders
// them: alternating adapters, and host ports within each adapter.
#include "core/rr_order.hh"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {

struct Case {
    const char* name;
    const char* selector;
    // One path a word: adapter letter and host number ("a1"); "-1" for
    // an unknown adapter; "i" prefix for iSCSI, "v" for virtio (unspec).
    std::vector<std::string> paths;
    const char* order;  // member indices after ordering
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

std::vector<mpb::PathRecord> records(const Case& c)
{
    std::vector<mpb::PathRecord> out;
    for (auto w : c.paths) {
        mpb::PathRecord p;
        p.facts.scsi = true;
        p.facts.protocol = "scsi:fcp";
        if (w[0] == 'i' || w[0] == 'v') {
            p.facts.protocol = w[0] == 'i' ? "scsi:iscsi" : "scsi:unspec";
            w = w.substr(1);
        }
        p.facts.host_adapter = w[0] == '-' ? "" : "0000:00:0" + w.substr(0, 1) + ".0";
        p.hctl = w.substr(1) + ":0:0:1";
        out.push_back(p);
    }
    return out;
}

std::string show(const mpb::PathGroup& g)
{
    std::string out;
    for (auto i : g.members)
        out += (out.empty() ? "" : ",") + std::to_string(i);
    return out;
}

const char* const rr = "round-robin 0";

const Case cases[] = {
    {"two adapters alternate", rr, {"a1", "a1", "b2", "b2"}, "0,2,1,3"},
    {"two ports of one adapter alternate", rr, {"a1", "a1", "a2", "a2"}, "0,2,1,3"},
    {"adapters and ports", rr, {"a1", "a2", "a1", "b3", "b3", "a2"}, "0,3,1,4,2,5"},
    // An adapter's empty port passes the turn to the next adapter.
    {"uneven ports", rr, {"a1", "a1", "a1", "a2", "b3"}, "0,4,3,1,2"},
    {"two paths are left alone", rr, {"a1", "a1"}, "0,1"},
    {"service-time leaves the order", "service-time 0", {"a1", "a1", "b2", "b2"}, "0,1,2,3"},
    {"an unknown adapter leaves the order", rr, {"a1", "a1", "-2", "b2"}, "0,1,2,3"},
    {"iSCSI alternates too", rr, {"ia1", "ia1", "ib2"}, "0,2,1"},
    {"other transports keep their order", rr, {"va1", "va1", "vb2"}, "0,1,2"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rr_order)

BOOST_DATA_TEST_CASE(orders, bdata::make(cases), c)
{
    auto ps = records(c);
    mpb::PathGroup g;
    for (std::size_t i = 0; i < ps.size(); ++i)
        g.members.push_back(i);
    std::vector<mpb::PathGroup> groups{g};
    mpb::order_for_round_robin(groups, ps, c.selector);
    BOOST_TEST(show(groups.front()) == c.order);
}

BOOST_AUTO_TEST_SUITE_END()

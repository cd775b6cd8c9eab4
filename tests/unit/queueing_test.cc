// SPDX-License-Identifier: GPL-2.0-or-later
// Which maps get fail_if_no_path at shutdown.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/queueing.hh"

using namespace mpb;

namespace {

DmMap map(const std::string& name, const std::string& uuid, const std::string& table)
{
    DmMap m;
    m.name = name;
    m.uuid = uuid;
    m.table = table;
    return m;
}

const std::string queueing = "0 2097152 multipath 1 queue_if_no_path 0 1 1 service-time 0 2 1 8:0 1 8:16 1";
const std::string failing = "0 2097152 multipath 0 0 1 1 service-time 0 2 1 8:0 1 8:16 1";

std::string names(const std::vector<QueueSwitch>& s)
{
    std::string out;
    for (const auto& q : s)
        out += (out.empty() ? "" : " ") + q.name + "=" + q.wwid;
    return out;
}

const std::vector<DmMap> maps = {
    map("mpatha", "mpath-W1", queueing),
    map("mpatha-part1", "part1-mpath-W1", "0 2095104 linear 253:0 2048"),
    map("mpathb", "mpath-W2", failing),
    map("mpathc", "mpath-W3", "0 8 multipath 2 pg_init_retries 50 0 1 1 round-robin"),  // unreadable
    map("vg-lv", "LVM-abc", queueing),
};

}  // namespace

BOOST_AUTO_TEST_SUITE(queueing)

BOOST_AUTO_TEST_CASE(only_multipath_maps_that_queue_or_cannot_be_read)
{
    BOOST_TEST(names(maps_to_stop_queueing(maps, {})) == "mpatha=W1 mpathc=W3");
}

BOOST_AUTO_TEST_CASE(named_maps_only)
{
    BOOST_TEST(names(maps_to_stop_queueing(maps, {"mpathb", "mpathc"})) == "mpathc=W3");
    BOOST_TEST(names(maps_to_stop_queueing(maps, {"vg-lv"})) == "");
}

BOOST_AUTO_TEST_CASE(no_maps)
{
    BOOST_TEST(maps_to_stop_queueing({}, {}).empty());
}

BOOST_AUTO_TEST_SUITE_END()

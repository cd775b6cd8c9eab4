// SPDX-License-Identifier: GPL-2.0-or-later
// Whether each WWID of the wwids file has come, on the small machine of
// unit_fixtures.hh: volume mp0 through sda and sdb, d1 through sdc alone,
// a virtio root disk vda.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

#include "core/wwid_arrival.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;

namespace {

using test::d1;
using test::dev;
using test::machine;
using test::mp0;

const std::string absent = "3600a0b8000000000000000000000abcd";

const char* state_name(Arrival::State s)
{
    switch (s) {
    case Arrival::State::mapped: return "mapped";
    case Arrival::State::released: return "released";
    case Arrival::State::pending: return "pending";
    case Arrival::State::missing: return "missing";
    }
    return "?";
}

struct Case {
    const char* name;
    std::string conf;
    std::vector<std::string> wwids;         // the wwids file, in order
    std::function<void(Snapshot&)> change;  // to machine()
    std::vector<std::string> expected;      // "WWID state: reason"
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

void add_map(Snapshot& s, const std::string& name, const std::string& wwid)
{
    s.maps.push_back({name, "mpath-" + wwid, {253, 0}, "", 0, "", false, {}, {}});
}

const Case cases[] = {
    {"an empty wwids file", "", {}, nullptr, {}},
    {"a map exists", "", {mp0}, [](Snapshot& s) { add_map(s, "mpatha", mp0); },
     {mp0 + " mapped: map mpatha exists"}},
    {"a map without any path in the snapshot still counts", "", {mp0},
     [](Snapshot& s) {
         s.devices.clear();
         add_map(s, "root", mp0);
     },
     {mp0 + " mapped: map root exists"}},
    {"two paths, no map yet", "", {mp0}, nullptr,
     {mp0 + " pending: sda, sdb arrived but no map is built from them yet"}},
    {"one path, no map yet", "", {d1}, nullptr,
     {d1 + " pending: sdc arrived but no map is built from it yet"}},
    {"no device of the WWID", "", {absent}, nullptr, {absent + " missing: no path arrived"}},
    {"a partition is not the volume", "", {absent},
     [](Snapshot& s) { dev(s, "sda1").properties["ID_SERIAL"] = absent; },
     {absent + " missing: no path arrived"}},
    {"blacklisted by WWID", "blacklist {\n wwid \"" + d1 + "\"\n}\n", {d1}, nullptr,
     {d1 + " released: sdc arrived and is left out: blacklisted by wwid \"" + d1 +
      "\" (blacklist section, /etc/multipath.conf:2)"}},
    {"blacklisted before its WWID is read", "blacklist {\n devnode \"^sdc$\"\n}\n", {d1}, nullptr,
     {d1 + " released: sdc arrived and is left out: blacklisted by devnode \"^sdc$\" "
           "(blacklist section, /etc/multipath.conf:2)"}},
    {"in use", "", {mp0}, [](Snapshot& s) { dev(s, "sdb1").mountpoints = {"/"}; },
     {mp0 + " released: sda arrived and is left out: not claimed: sdb1 is mounted on /"}},
    {"a map counts before a device left out", "blacklist {\n devnode \"^sdc$\"\n}\n", {d1},
     [](Snapshot& s) { add_map(s, "data", d1); }, {d1 + " mapped: map data exists"}},
    {"a path of another size is left out, the map still comes", "", {mp0},
     [](Snapshot& s) { dev(s, "sdb").size = 4096; },
     {mp0 + " pending: sda arrived but no map is built from it yet"}},
    {"each WWID in file order", "", {absent, d1, mp0},
     [](Snapshot& s) { add_map(s, "mpatha", mp0); },
     {absent + " missing: no path arrived",
      d1 + " pending: sdc arrived but no map is built from it yet",
      mp0 + " mapped: map mpatha exists"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(wwid_arrival)

BOOST_DATA_TEST_CASE(arrivals, bdata::make(cases), c)
{
    Snapshot s = machine();
    if (c.change)
        c.change(s);
    Config cfg = test::config_from(c.conf);
    std::string text;
    for (const auto& w : c.wwids)
        text += "/" + w + "/\n";
    auto wwids = parse_wwids(text, "/etc/multipath/wwids");
    BindingsTable bindings;
    PlanInput in{cfg, wwids, bindings, s.maps, true, true};
    std::vector<std::string> got;
    for (const auto& a : wwid_arrivals(s, in))
        got.push_back(a.wwid + " " + state_name(a.state) + ": " + a.reason);
    BOOST_TEST(got == c.expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(settled_means_nothing_to_wait_for)
{
    auto settled = [](Arrival::State s) { return Arrival{"w", s, ""}.settled(); };
    BOOST_TEST(settled(Arrival::State::mapped));
    BOOST_TEST(settled(Arrival::State::released));
    BOOST_TEST(!settled(Arrival::State::pending));
    BOOST_TEST(!settled(Arrival::State::missing));
}

BOOST_AUTO_TEST_CASE(all_mapped_needs_a_map_for_every_wwid)
{
    auto table = [](const std::string& text) { return parse_wwids(text, "/etc/multipath/wwids"); };
    std::vector<DmMap> maps = {DmMap{"mpatha", "mpath-W1", {253, 0}, "", 0, "", false, {}, {}},
                               DmMap{"mpatha-part1", "part1-mpath-W2", {253, 1}, "", 0, "", false, {}, {}}};
    BOOST_TEST(all_wwids_mapped(maps, table("")));
    BOOST_TEST(all_wwids_mapped(maps, table("/W1/\n")));
    BOOST_TEST(!all_wwids_mapped(maps, table("/W1/\n/W2/\n")));  // W2 has only a partition map
    BOOST_TEST(!all_wwids_mapped({}, table("/W1/\n")));
}

BOOST_AUTO_TEST_SUITE_END()

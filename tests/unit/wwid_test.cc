// SPDX-License-Identifier: GPL-2.0-or-later
// WWID from udev properties, then VPD pages, and what a WWID may contain.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "core/alias.hh"
#include "core/wwid.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;

namespace {

struct Problem {
    std::string wwid;
    std::string problem;
};

std::ostream& operator<<(std::ostream& os, const Problem& p) { return os << p.wwid.size() << " bytes"; }

const Problem problems[] = {
    {"3600a0b80001234", ""},
    {"nvme.8086-3132-4d6f64656c-00000001", ""},
    {std::string(127, 'a'), ""},
    {std::string(128, 'a'), "longer than 127 bytes"},
    {"", "empty WWID"},
    {"a b", "contains whitespace or a control character"},
    {"a/b", "contains '/'"},
    {"a\nb", "contains whitespace or a control character"},
    {"a\x7f", "contains whitespace or a control character"},
    {"\"quoted\"", ""},
};

BlockDevice device_with(std::map<std::string, std::string> props,
                        std::map<std::string, std::string> sysfs)
{
    BlockDevice d;
    d.name = "sdx";
    d.properties = std::move(props);
    d.sysfs = std::move(sysfs);
    return d;
}

// Page 0x83 with one NAA 6 designator 6001405a1b2c3d4e5f60718293a4b5c6.
const std::string naa6_page = "0083001401030010" "6001405a1b2c3d4e5f60718293a4b5c6";
// Page 0x80 with serial "  SER123  ".
const std::string pg80 = "0080000a2020534552313233" "2020";

}  // namespace

BOOST_AUTO_TEST_SUITE(wwid)

BOOST_DATA_TEST_CASE(problems_of_a_wwid, bdata::make(problems), p)
{
    BOOST_TEST(wwid_problem(p.wwid) == p.problem);
}

BOOST_AUTO_TEST_CASE(the_uid_attribute_wins)
{
    auto w = derive_wwid(device_with({{"ID_SERIAL", "abc"}}, {{"vpd_pg83", naa6_page}}), "ID_SERIAL");
    BOOST_TEST_REQUIRE(w.has_value());
    BOOST_TEST(w->value == "abc");
    BOOST_TEST(w->source == "udev property ID_SERIAL");
}

BOOST_AUTO_TEST_CASE(an_empty_property_falls_back_to_page_83)
{
    auto w = derive_wwid(device_with({{"ID_SERIAL", ""}}, {{"vpd_pg83", naa6_page}}), "ID_SERIAL");
    BOOST_TEST_REQUIRE(w.has_value());
    BOOST_TEST(w->value == "36001405a1b2c3d4e5f60718293a4b5c6");
    BOOST_TEST(w->source == "sysfs vpd_pg83");
}

BOOST_AUTO_TEST_CASE(page_80_is_the_last_resort)
{
    auto w = derive_wwid(device_with({}, {{"vpd_pg83", "00830000"}, {"vpd_pg80", pg80}}),
                         "ID_SERIAL");
    BOOST_TEST_REQUIRE(w.has_value());
    BOOST_TEST(w->value == "SER123");
    BOOST_TEST(w->source == "sysfs vpd_pg80");
}

BOOST_AUTO_TEST_CASE(every_failure_is_reported_in_order)
{
    auto w = derive_wwid(device_with({}, {{"vpd_pg83", "00zz"}}), "ID_WWN");
    BOOST_TEST_REQUIRE(!w.has_value());
    BOOST_TEST(w.error().rfind("no udev property ID_WWN; sysfs vpd_pg83: ", 0) == 0u);
    BOOST_TEST(w.error().find("; no sysfs vpd_pg80") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_bad_property_value_is_refused_not_replaced)
{
    auto w = derive_wwid(device_with({{"ID_SERIAL", "has space"}}, {{"vpd_pg83", naa6_page}}),
                         "ID_SERIAL");
    BOOST_TEST(!w.has_value());
    BOOST_TEST(w.error() ==
               "udev property ID_SERIAL: invalid WWID \"has space\": contains whitespace or a "
               "control character");
}

BOOST_AUTO_TEST_SUITE_END()

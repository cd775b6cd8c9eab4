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
    {std::string(122, 'a'), ""},
    {std::string(123, 'a'), "its map's dm UUID (\"mpath-\" and the WWID) would be 129 bytes, "
                            "device-mapper allows 128"},
    {std::string(127, 'a'), "its map's dm UUID (\"mpath-\" and the WWID) would be 133 bytes, "
                            "device-mapper allows 128"},
    {"abc#def", "contains '#'"},
    {"#evil", "contains '#'"},
    {".", "\".\" is not a valid name (the map's name without a friendly name)"},
    {"..", "\"..\" is not a valid name (the map's name without a friendly name)"},
    {"control", "\"control\" is not a valid name (the map's name without a friendly name)"},
    {"controller", ""},
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

// multipath-tools 0.9.4 reads page 0x83 itself only for a SCSI disk whose
// uid_attribute is the default ID_SERIAL or "" (udev not asked).
struct FallbackCase {
    const char* name;
    std::map<std::string, std::string> props;
    std::map<std::string, std::string> sysfs;
    std::string uid_attribute;
    std::string wwid;    // "" when none
    std::string reason;  // source, or the error
};

std::ostream& operator<<(std::ostream& os, const FallbackCase& c) { return os << c.name; }

const FallbackCase fallback_cases[] = {
    {"empty property: page 0x83", {{"ID_SERIAL", ""}}, {{"hctl", "0:0:0:0"}, {"vpd_pg83", naa6_page}},
     "ID_SERIAL", "36001405a1b2c3d4e5f60718293a4b5c6", "sysfs vpd_pg83"},
    {"uid_attribute \"\": udev not asked", {{"ID_SERIAL", "abc"}},
     {{"hctl", "0:0:0:0"}, {"vpd_pg83", naa6_page}}, "", "36001405a1b2c3d4e5f60718293a4b5c6",
     "sysfs vpd_pg83"},
    {"a site's own attribute has no fallback", {}, {{"hctl", "0:0:0:0"}, {"vpd_pg83", naa6_page}},
     "ID_ACME", "",
     "no udev property ID_ACME; no VPD fallback for uid_attribute \"ID_ACME\""},
    {"not SCSI: no fallback", {}, {{"vpd_pg83", naa6_page}}, "ID_SERIAL", "",
     "no udev property ID_SERIAL; no VPD fallback for uid_attribute \"ID_SERIAL\" on a device "
     "that is not SCSI"},
    {"page 0x80 is not a WWID source", {}, {{"hctl", "0:0:0:0"}, {"vpd_pg83", "00830000"}, {"vpd_pg80", pg80}},
     "ID_SERIAL", "", "no udev property ID_SERIAL; sysfs vpd_pg83: "},
    {"a broken page is reported", {}, {{"hctl", "0:0:0:0"}, {"vpd_pg83", "00zz"}}, "ID_SERIAL", "",
     "no udev property ID_SERIAL; sysfs vpd_pg83: "},
};

BOOST_DATA_TEST_CASE(vpd_fallback, bdata::make(fallback_cases), c)
{
    auto w = derive_wwid(device_with(c.props, c.sysfs), c.uid_attribute);
    if (c.wwid.empty()) {
        BOOST_TEST_REQUIRE(!w.has_value());
        BOOST_TEST(w.error().rfind(c.reason, 0) == 0u, w.error());
        return;
    }
    BOOST_TEST_REQUIRE(w.has_value(), w.error());
    BOOST_TEST(w->value == c.wwid);
    BOOST_TEST(w->source == c.reason);
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

// SPDX-License-Identifier: GPL-2.0-or-later
// The wait's times: written and read back as /proc/uptime shows them.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/uptime.hh"

using namespace mpb;

BOOST_AUTO_TEST_SUITE(uptime)

BOOST_AUTO_TEST_CASE(format_and_parse_round_trip)
{
    const std::vector<std::pair<long long, std::string>> cases = {
        {0, "0.000\n"}, {7, "0.007\n"}, {12345, "12.345\n"}, {1000, "1.000\n"}, {86400999, "86400.999\n"}};
    for (const auto& [ms, text] : cases) {
        BOOST_TEST(format_uptime(ms) == text);
        BOOST_TEST(parse_uptime(text).value_or(-1) == ms);
    }
}

BOOST_AUTO_TEST_CASE(parse_refuses_other_shapes)
{
    for (std::string bad : {"", "12", "12.34", "12.3456", ".123", "-1.000", "1.-23", "a.123", "1.2x3", "1,234"})
        BOOST_TEST(!parse_uptime(bad).has_value(), "\"" << bad << "\"");
    BOOST_TEST(parse_uptime("  3.250 \n").value_or(-1) == 3250);
}

BOOST_AUTO_TEST_CASE(whole_seconds)
{
    BOOST_TEST(parse_whole_seconds("0").value() == 0);
    BOOST_TEST(parse_whole_seconds("42").value() == 42000);
    BOOST_TEST(parse_whole_seconds("1000000000").value() == 1000000000000LL);
    for (std::string bad : {"", "-1", "1.5", "1000000001", "x"}) {
        auto r = parse_whole_seconds(bad);
        BOOST_TEST(!r.has_value());
        BOOST_TEST(r.error() == "\"" + bad + "\" is not a whole number of seconds");
    }
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// Map name validity: each rule of alias_problem() and the names it lets by.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "core/alias.hh"

namespace bdata = boost::unit_test::data;

namespace {

const std::string whitespace_or_control = "contains whitespace or a control character";

struct AliasCase {
    const char* name;
    std::string alias;
    std::string problem;  // empty: valid
};

std::ostream& operator<<(std::ostream& os, const AliasCase& c) { return os << c.name; }

const AliasCase alias_cases[] = {
    {"empty", "", "empty name"},
    {"127 bytes", std::string(127, 'm'), ""},
    {"128 bytes", std::string(128, 'm'), "longer than 127 bytes"},
    {"dot", ".", "\".\" is not a valid name"},
    {"dot dot", "..", "\"..\" is not a valid name"},
    {"device-mapper's control node", "control", "\"control\" is not a valid name"},
    {"hash, which ends a bindings line", "mpath#a", "contains '#'"},
    {"slash", "a/b", "contains '/'"},
    {"leading slash", "/mpatha", "contains '/'"},
    {"space", "mpath a", whitespace_or_control},
    {"tab", "mpath\ta", whitespace_or_control},
    {"newline", "mpatha\n", whitespace_or_control},
    {"carriage return", "mpatha\r", whitespace_or_control},
    {"NUL", std::string("mp\0a", 4), whitespace_or_control},
    {"escape", "mp\x1b" "a", whitespace_or_control},
    {"DEL", "mp\x7f" "a", whitespace_or_control},
    {"plain friendly name", "mpatha", ""},
    {"dash underscore dot colon", "db-data_01.vol:a", ""},
    {"three dots", "...", ""},
    {"leading dot", ".hidden", ""},
    {"digits only", "0123", ""},
    {"UTF-8", "d\xc3\xa9j\xc3\xa0", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(alias)

BOOST_DATA_TEST_CASE(alias_problem, bdata::make(alias_cases), c)
{
    BOOST_TEST(mpb::alias_problem(c.alias) == c.problem);
}

BOOST_AUTO_TEST_SUITE_END()

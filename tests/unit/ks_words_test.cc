// SPDX-License-Identifier: GPL-2.0-or-later
// The words of a kickstart line (kickstart/words.hh), as Python's
// shlex.split(line, comments=True) gives them, and the options of a command.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "kickstart/words.hh"

namespace bdata = boost::unit_test::data;
using Words = std::vector<std::string>;

namespace {

struct SplitCase {
    const char* name;
    std::string line;
    Words words;
    std::string error;  // empty: split
};

std::ostream& operator<<(std::ostream& os, const SplitCase& c) { return os << c.name; }

const SplitCase split_cases[] = {
    {"blanks", " \ta  b\t", {"a", "b"}, ""},
    {"empty quotes are a word", "a \"\" ''", {"a", "", ""}, ""},
    {"quotes join a word", "a\"b c\"'d'", {"ab cd"}, ""},
    {"double quote escapes", R"("a\"b\\c\d")", {R"(a"b\c\d)"}, ""},
    {"single quotes keep backslashes", R"('a\b')", {R"(a\b)"}, ""},
    {"backslash outside quotes", R"(a\ b\"c)", {"a b\"c"}, ""},
    {"comment", "a # b", {"a"}, ""},
    {"comment in a word", "a#b c", {"a"}, ""},
    {"only a comment", "# a", {}, ""},
    {"unterminated double", "a \"b", {}, "no closing quotation"},
    {"unterminated single", "a 'b", {}, "no closing quotation"},
    {"final backslash", "a\\", {}, "no escaped character"},
    {"final backslash in double quotes", "\"a\\", {}, "no escaped character"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ks_words)

BOOST_DATA_TEST_CASE(split_shell_words, bdata::make(split_cases), c)
{
    auto r = mpb::ks::split_shell_words(c.line);
    BOOST_TEST(r.error() == c.error);
    if (r)
        BOOST_TEST(*r == c.words, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(read_options)
{
    std::vector<std::string> problems;
    auto opts = mpb::ks::read_options({"--a=1", "--b", "2", "x", "--c", "--a", "3", "--b"}, {"--a", "--b"},
                                      problems);
    BOOST_REQUIRE(opts.size() == 2u);
    BOOST_TEST(opts[0].name == "--a");
    BOOST_TEST(opts[0].value == "1");
    BOOST_TEST(opts[1].name == "--b");
    BOOST_TEST(opts[1].value == "2");
    BOOST_TEST(problems == (Words{"unexpected argument \"x\"", "unknown option --c", "option --a given twice",
                                  "option --b needs a value"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(find_options)
{
    auto opts = mpb::ks::find_options({"/", "--grow", "--ondisk", "sda", "--size=5", "--ondisk=sdb", "--ondisk"},
                                      {"--ondisk"});
    BOOST_REQUIRE(opts.size() == 3u);
    BOOST_TEST(opts[0].value == "sda");
    BOOST_TEST(opts[1].value == "sdb");
    BOOST_TEST(opts[2].value == "");
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// /etc/multipath/wwids: parsing and formatting.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/result.hh"
#include "core/wwids.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;

namespace {

const std::string file = "/etc/multipath/wwids";

const std::string& header = mpb::test::wwids_header;

const std::string malformed = "malformed line (expected /WWID/)";

std::string warning(int line, const std::string& what)
{
    return file + ":" + std::to_string(line) + ": warning: " + what + "; line ignored";
}

std::vector<std::string> texts(const mpb::Diagnostics& d)
{
    std::vector<std::string> out;
    for (const auto& x : d)
        out.push_back(x.text);
    return out;
}

struct ParseCase {
    const char* name;
    std::string text;
    std::vector<std::string> wwids;
    std::vector<std::string> problems;
};

std::ostream& operator<<(std::ostream& os, const ParseCase& c) { return os << c.name; }

// The longest WWID whose map's dm UUID ("mpath-WWID") fits in 128 bytes.
const std::string wwid122(122, 'w');
const std::string wwid128(128, 'w');

const ParseCase parse_cases[] = {
    {"empty", "", {}, {}},
    {"header only", header, {}, {}},
    {"entries after header",
     header + "/3600a0b80001/\n/eui.0025388b91d0/\n",
     {"3600a0b80001", "eui.0025388b91d0"},
     {}},
    {"removed entries are skipped silently",
     header + "#3600a0b80001/\n/3600a0b80002/\n#3600a0b80003/\n",
     {"3600a0b80002"},
     {}},
    {"removed then re-added",
     "#3600a0b80001/\n/3600a0b80001/\n",
     {"3600a0b80001"},
     {}},
    {"comments and blank lines",
     "# comment\n\n  \n\t# indented comment\n/3600a0b80001/\n",
     {"3600a0b80001"},
     {}},
    {"CRLF",
     "# Valid WWIDs:\r\n/3600a0b80001/\r\n\r\n/3600a0b80002/\r\n",
     {"3600a0b80001", "3600a0b80002"},
     {}},
    {"no final newline", "/3600a0b80001/\n/3600a0b80002/", {"3600a0b80001", "3600a0b80002"}, {}},
    {"trailing blanks and comment after the entry",
     "/3600a0b80001/  \t\n/3600a0b80002/ # by hand\n/3600a0b80003/#x\n",
     {"3600a0b80001", "3600a0b80002", "3600a0b80003"},
     {}},
    {"duplicate",
     header + "/3600a0b80001/\n/3600a0b80001/\n",
     {"3600a0b80001"},
     {warning(7, "duplicate WWID 3600a0b80001 (first on line 6)")}},
    {"no leading '/'", "3600a0b80001/\n", {}, {warning(1, malformed)}},
    {"no closing '/'", "/3600a0b80001\n", {}, {warning(1, malformed)}},
    {"a lone '/'", "/\n", {}, {warning(1, malformed)}},
    {"empty WWID", "//\n", {}, {warning(1, malformed)}},
    {"indented entry", "  /3600a0b80001/\n", {}, {warning(1, malformed)}},
    {"text after the entry", "/3600a0b80001/junk\n", {}, {warning(1, malformed)}},
    {"second WWID on the line", "/3600a0b80001/3600a0b80002/\n", {}, {warning(1, malformed)}},
    {"bare word", "3600a0b80001\n", {}, {warning(1, malformed)}},
    {"WWID of 122 bytes", "/" + wwid122 + "/\n", {wwid122}, {}},
    {"WWID of 128 bytes", "/" + wwid128 + "/\n", {}, {warning(1, "WWID longer than 127 bytes")}},
    {"WWID with a space",
     "/3600 1/\n",
     {},
     {warning(1, "invalid WWID \"3600 1\": contains whitespace or a control character")}},
    {"WWID with a tab, escaped in the message",
     "/3600\t1/\n",
     {},
     {warning(1, "invalid WWID \"3600\\x091\": contains whitespace or a control character")}},
    {"WWID with DEL",
     "/3600\x7f/\n",
     {},
     {warning(1, "invalid WWID \"3600\\x7f\": contains whitespace or a control character")}},
    {"line of 4097 bytes is overlong",
     "/" + std::string(4095, 'w') + "/\n/3600a0b80001/\n",
     {"3600a0b80001"},
     {warning(1, "line longer than 4096 bytes")}},
    {"line of 4096 bytes is parsed",
     "/" + std::string(4094, 'w') + "/\n",
     {},
     {warning(1, "WWID longer than 127 bytes")}},
    {"every problem once, in line order",
     header + "/3600a0b80001/\n"  // 6
              "/3600a0b80001/\n"  // 7
              "3600a0b80002\n"    // 8
              "/3600a0b80003\n"   // 9
              "/" + wwid128 + "/\n"  // 10
              "/3600a0b80004/\n",  // 11
     {"3600a0b80001", "3600a0b80004"},
     {warning(7, "duplicate WWID 3600a0b80001 (first on line 6)"),
      warning(8, malformed),
      warning(9, malformed),
      warning(10, "WWID longer than 127 bytes")}},
};

struct FormatCase {
    const char* name;
    std::vector<std::string> wwids;
};

std::ostream& operator<<(std::ostream& os, const FormatCase& c) { return os << c.name; }

std::vector<std::string> many_wwids(int n)
{
    std::vector<std::string> out;
    for (int i = 1; i <= n; ++i)
        out.push_back("3600a0b8" + std::to_string(i));
    return out;
}

const FormatCase format_cases[] = {
    {"no entries", {}},
    {"one entry", {"3600a0b80001"}},
    {"mixed WWID kinds", {"eui.0025388b91d0", "naa.600a0b80001", "36001405aaa"}},
    {"longest WWID", {wwid122}},
    {"ten thousand entries", many_wwids(10000)},
};

}  // namespace

namespace {

// append_wwids: `text` plus `wwids` gives `result` or fails with `error`.
struct AppendCase {
    const char* name;
    std::string text;
    std::vector<std::string> wwids;
    std::string result;
    std::string error;
};

std::ostream& operator<<(std::ostream& os, const AppendCase& c) { return os << c.name; }

const AppendCase append_cases[] = {
    {"empty file gets the header", "", {"3600a0b80001"}, header + "/3600a0b80001/\n", ""},
    {"appended after every existing line, foreign ones too",
     header + "/3600a0b80001/\n# by hand\njunk\n",
     {"3600a0b80002", "eui.02"},
     header + "/3600a0b80001/\n# by hand\njunk\n/3600a0b80002/\n/eui.02/\n",
     ""},
    {"no header added to a file without one", "/3600a0b80001/\n", {"3600a0b80002"},
     "/3600a0b80001/\n/3600a0b80002/\n", ""},
    {"missing final newline supplied", "/3600a0b80001/", {"3600a0b80002"},
     "/3600a0b80001/\n/3600a0b80002/\n", ""},
    {"listed WWID adds nothing", header + "/3600a0b80001/\n", {"3600a0b80001"},
     header + "/3600a0b80001/\n", ""},
    {"only the new one of two", header + "/3600a0b80001/\n", {"3600a0b80001", "3600a0b80002"},
     header + "/3600a0b80001/\n/3600a0b80002/\n", ""},
    {"given twice, added once", "", {"3600a0b80001", "3600a0b80001"}, header + "/3600a0b80001/\n", ""},
    {"removed entry is added again", "#3600a0b80001/\n", {"3600a0b80001"},
     "#3600a0b80001/\n/3600a0b80001/\n", ""},
    {"nothing to add keeps an empty file empty", "", {}, "", ""},
    {"invalid WWID", header, {"3600a0b80001", "36 00"}, "",
     file + ": cannot add WWID \"36 00\": contains whitespace or a control character"},
    {"overlong WWID", "", {wwid128}, "", file + ": cannot add WWID \"" + std::string(80, 'w') + "\"... (128 bytes): longer than 127 bytes"},
    {"WWID with '#', which would be read back cut", "", {"abc#def"}, "",
     file + ": cannot add WWID \"abc#def\": contains '#'"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(wwids)

BOOST_DATA_TEST_CASE(append, bdata::make(append_cases), c)
{
    auto r = mpb::append_wwids(c.text, c.wwids, file);
    if (!c.error.empty()) {
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST(r.error() == c.error);
        return;
    }
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(r.value() == c.result);
    BOOST_TEST(mpb::parse_wwids(r.value(), file).problems.size() ==
               mpb::parse_wwids(c.text, file).problems.size());
}

BOOST_DATA_TEST_CASE(parse, bdata::make(parse_cases), c)
{
    auto t = mpb::parse_wwids(c.text, file);
    BOOST_TEST(t.wwids == c.wwids, boost::test_tools::per_element());
    BOOST_TEST(texts(t.problems) == c.problems, boost::test_tools::per_element());
    for (const auto& d : t.problems)
        BOOST_TEST((d.severity == mpb::Severity::warning));
}

BOOST_DATA_TEST_CASE(format_starts_with_header, bdata::make(format_cases), c)
{
    auto text = mpb::format_wwids(c.wwids);
    BOOST_TEST(text.substr(0, header.size()) == header);
}

BOOST_DATA_TEST_CASE(format_then_parse_round_trip, bdata::make(format_cases), c)
{
    auto t = mpb::parse_wwids(mpb::format_wwids(c.wwids), file);
    BOOST_TEST(t.problems.empty());
    BOOST_TEST(t.wwids == c.wwids, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(format_exact_text)
{
    BOOST_TEST(mpb::format_wwids({"3600a0b80001", "eui.02"}) ==
               header + "/3600a0b80001/\n/eui.02/\n");
}

BOOST_AUTO_TEST_CASE(contains)
{
    auto t = mpb::parse_wwids("/3600a0b80001/\n#3600a0b80002/\n", file);
    BOOST_TEST(t.contains("3600a0b80001"));
    BOOST_TEST(!t.contains("3600a0b80002"));  // removed entry
    BOOST_TEST(!t.contains("3600a0b8000"));   // prefix only
    BOOST_TEST(!t.contains(""));
}

// remove_wwids marks the listed line as multipath -w does and touches no
// other byte.
BOOST_AUTO_TEST_CASE(remove_marks_only_the_listed_lines)
{
    const std::string text = "# header\n/W1/\n/W2/\n  /W3/\n#W4/\n/W1x/\n/W2/";
    auto r = mpb::remove_wwids(text, {"W2", "W3", "W4", "W9"}, file);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(r.value() == "# header\n/W1/\n#W2/\n  #W3/\n#W4/\n/W1x/\n#W2/");
    BOOST_TEST(mpb::parse_wwids(r.value(), file).wwids == (std::vector<std::string>{"W1", "W1x"}),
               boost::test_tools::per_element());
    auto same = mpb::remove_wwids(text, {"W9"}, file);
    BOOST_TEST_REQUIRE(same.has_value());
    BOOST_TEST(same.value() == text);
    auto bad = mpb::remove_wwids(text, {"a b"}, file);
    BOOST_TEST_REQUIRE(!bad.has_value());
    BOOST_TEST(bad.error() == file + ": cannot remove WWID \"a b\": contains whitespace or a control character");
}

// A line parse_wwids lists with a comment after it ("/W/ # root") is a line
// that lists the WWID, and is marked removed like any other (found by
// fuzz/wwids.cc: such a WWID stayed listed after `wwids remove`).
BOOST_AUTO_TEST_CASE(remove_marks_a_listed_line_with_a_comment)
{
    const std::string text = "/W1/ # the root disk\n/W2/# data\n/W3/\t#x\r\n/W4/\r\n";
    BOOST_TEST(mpb::parse_wwids(text, file).wwids == (std::vector<std::string>{"W1", "W2", "W3", "W4"}),
               boost::test_tools::per_element());
    auto r = mpb::remove_wwids(text, {"W1", "W2", "W3", "W4"}, file);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(r.value() == "#W1/ # the root disk\n#W2/# data\n#W3/\t#x\r\n#W4/\r\n");
    BOOST_TEST(mpb::parse_wwids(r.value(), file).wwids.empty());
}

BOOST_AUTO_TEST_SUITE_END()

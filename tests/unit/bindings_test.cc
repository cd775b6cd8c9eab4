// SPDX-License-Identifier: GPL-2.0-or-later
// /etc/multipath/bindings: suffix arithmetic, alias allocation, parsing and
// formatting.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <climits>
#include <ostream>
#include <string>
#include <vector>

#include "core/bindings.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;

namespace {

const std::string file = "/etc/multipath/bindings";

const std::string& header = mpb::test::bindings_header;

std::string warning(int line, const std::string& what)
{
    return file + ":" + std::to_string(line) + ": warning: " + what +
           "; line ignored (its alias stays taken)";
}

std::string note(int line, const std::string& what)
{
    return file + ":" + std::to_string(line) + ": warning: " + what;
}

std::vector<std::string> texts(const mpb::Diagnostics& d)
{
    std::vector<std::string> out;
    for (const auto& x : d)
        out.push_back(x.text);
    return out;
}

// ---- suffixes ---------------------------------------------------------------

struct SuffixCase {
    unsigned long index;
    const char* suffix;
};

std::ostream& operator<<(std::ostream& os, const SuffixCase& c)
{
    return os << c.index << " <-> " << c.suffix;
}

// Every place the suffix grows by a letter, from both sides.
const SuffixCase suffix_cases[] = {
    {1, "a"},        {2, "b"},         {26, "z"},       {27, "aa"},
    {52, "az"},      {53, "ba"},       {702, "zz"},     {703, "aaa"},
    {18278, "zzz"},  {18279, "aaaa"},  {475254, "zzzz"}, {475255, "aaaaa"},
};

struct RejectedSuffix {
    const char* name;
    std::string suffix;
};

std::ostream& operator<<(std::ostream& os, const RejectedSuffix& c) { return os << c.name; }

const RejectedSuffix rejected_suffixes[] = {
    {"empty", ""},
    {"uppercase", "A"},
    {"uppercase inside", "aBc"},
    {"digit", "1"},
    {"letters and digit", "a1"},
    {"leading space", " a"},
    {"trailing space", "a "},
    {"dash", "a-b"},
    {"non-ASCII", "\xc3\xa9"},
    {"NUL", std::string("a\0b", 3)},
    {"14 z overflows", std::string(14, 'z')},
    {"100 letters overflow", std::string(100, 'a')},
};

// ---- next_free_alias ----------------------------------------------------------

struct FreeAliasCase {
    const char* name;
    std::vector<std::string> aliases;  // bound, in file order
    std::string prefix;
    std::vector<std::string> taken;
    std::string expected;
};

std::ostream& operator<<(std::ostream& os, const FreeAliasCase& c) { return os << c.name; }

// A table with `aliases` bound to made-up WWIDs.
mpb::BindingsTable table_of(const std::vector<std::string>& aliases)
{
    mpb::BindingsTable t;
    for (std::size_t i = 0; i < aliases.size(); ++i)
        t.add({aliases[i], "wwid" + std::to_string(i), int(i) + 1});
    return t;
}

std::vector<std::string> a_to_z(const std::string& prefix)
{
    std::vector<std::string> out;
    for (char c = 'a'; c <= 'z'; ++c)
        out.push_back(prefix + c);
    return out;
}

const FreeAliasCase free_alias_cases[] = {
    {"empty table", {}, "mpath", {}, "mpatha"},
    {"first taken", {"mpatha"}, "mpath", {}, "mpathb"},
    {"gap", {"mpatha", "mpathc"}, "mpath", {}, "mpathb"},
    {"gap, file order irrelevant", {"mpathc", "mpatha"}, "mpath", {}, "mpathb"},
    {"a to z bound", a_to_z("mpath"), "mpath", {}, "mpathaa"},
    {"two-letter name does not fill a", {"mpathaa"}, "mpath", {}, "mpatha"},
    {"taken only", {}, "mpath", {"mpatha"}, "mpathb"},
    {"taken fills the gap", {"mpatha", "mpathc"}, "mpath", {"mpathb"}, "mpathd"},
    {"taken and bound overlap", {"mpatha"}, "mpath", {"mpatha", "mpathb"}, "mpathc"},
    {"other prefix bound", {"diska", "diskb"}, "mpath", {}, "mpatha"},
    {"other prefix taken", {}, "mpath", {"diska"}, "mpatha"},
    {"custom prefix", {"mpatha", "diska"}, "disk", {}, "diskb"},
    {"prefix of a prefix", {"mpatha"}, "mp", {}, "mpa"},
    {"non-letter suffixes hold no index", {"mpath1", "mpathA", "mpath", "mpath-a"}, "mpath", {},
     "mpatha"},
    {"empty prefix", {"a", "b", "mpatha"}, "", {}, "c"},
    // multipath-tools 0.9.4 counts up while the lines name the next index in
    // file order; a higher index seen before that sends it past the highest.
    {"0.9.4 order: a higher index first", {"mpathb", "mpathd", "mpatha"}, "mpath", {}, "mpathe"},
    {"0.9.4 order: counted up to the first higher", {"mpatha", "mpathb", "mpathd"}, "mpath", {},
     "mpathc"},
    {"0.9.4 order: taken up to a higher index jumps past the highest",
     {"mpatha", "mpathc", "mpathe"}, "mpath", {"mpathb"}, "mpathf"},
    {"index beyond an int is no name", {"mpatha", "mpath" + std::string(8, 'z')}, "mpath", {},
     "mpathb"},
};

// ---- parse_bindings -----------------------------------------------------------

struct ParseCase {
    const char* name;
    std::string text;
    std::vector<mpb::Binding> entries;
    std::vector<std::string> problems;
};

std::ostream& operator<<(std::ostream& os, const ParseCase& c) { return os << c.name; }

// The longest WWID whose map's dm UUID ("mpath-WWID") fits in 128 bytes.
const std::string wwid122(122, 'w');
const std::string wwid123(123, 'w');
const std::string wwid128(128, 'w');
const std::string alias127(127, 'm');
const std::string alias128(128, 'm');

const ParseCase parse_cases[] = {
    {"empty", "", {}, {}},
    {"header only", header, {}, {}},
    {"two entries after header",
     header + "mpatha 3600a0b80001\nmpathb 3600a0b80002\n",
     {{"mpatha", "3600a0b80001", 8}, {"mpathb", "3600a0b80002", 9}},
     {}},
    {"comments and blank lines",
     "# comment\n\n   \n\t# indented comment\nmpatha 3600a0b80001\n",
     {{"mpatha", "3600a0b80001", 5}},
     {}},
    {"tabs and runs of blanks",
     "  mpatha\t\t3600a0b80001  \nmpathb \t 3600a0b80002\t\n",
     {{"mpatha", "3600a0b80001", 1}, {"mpathb", "3600a0b80002", 2}},
     {}},
    {"trailing comment field",
     "mpatha 3600a0b80001 # added by hand\nmpathb 3600a0b80002 #x\n",
     {{"mpatha", "3600a0b80001", 1}, {"mpathb", "3600a0b80002", 2}},
     {}},
    {"CRLF",
     "# header\r\nmpatha 3600a0b80001\r\n\r\nmpathb 3600a0b80002\r\n",
     {{"mpatha", "3600a0b80001", 2}, {"mpathb", "3600a0b80002", 4}},
     {}},
    {"no final newline",
     "mpatha 3600a0b80001\nmpathb 3600a0b80002",
     {{"mpatha", "3600a0b80001", 1}, {"mpathb", "3600a0b80002", 2}},
     {}},
    {"CRLF without final newline",
     "mpatha 3600a0b80001\r\nmpathb 3600a0b80002\r",
     {{"mpatha", "3600a0b80001", 1}, {"mpathb", "3600a0b80002", 2}},
     {}},
    {"duplicate alias",
     "mpatha 3600a0b80001\nmpatha 3600a0b80002\n",
     {{"mpatha", "3600a0b80001", 1}},
     {warning(2, "duplicate alias \"mpatha\" (already bound to 3600a0b80001 on line 1)")}},
    {"WWID under a second alias",
     "mpatha 3600a0b80001\nmpathb 3600a0b80001\n",
     {{"mpatha", "3600a0b80001", 1}},
     {warning(2, "WWID 3600a0b80001 already bound to \"mpatha\" on line 1")}},
    {"identical line repeated",
     "mpatha 3600a0b80001\nmpatha 3600a0b80001\n",
     {{"mpatha", "3600a0b80001", 1}},
     {warning(2, "duplicate alias \"mpatha\" (already bound to 3600a0b80001 on line 1)")}},
    {"one field",
     "mpatha\n",
     {},
     {warning(1, "expected \"alias wwid\"")}},
    {"three fields: the third is ignored, as multipath-tools does",
     "mpatha 3600a0b80001 extra\n",
     {{"mpatha", "3600a0b80001", 1}},
     {note(1, "text after the WWID ignored")}},
    {"'#' inside a field ends the line",
     "mpatha 3600a0b8#0001\nmpathb#x 3600a0b80002\n",
     {{"mpatha", "3600a0b8", 1}},
     {warning(2, "expected \"alias wwid\"")}},
    {"comment where the WWID should be",
     "mpatha #3600a0b80001\n",
     {},
     {warning(1, "expected \"alias wwid\"")}},
    {"alias with '/'",
     "a/b 3600a0b80001\n",
     {},
     {warning(1, "invalid alias \"a/b\": contains '/'")}},
    {"alias \"..\"",
     ".. 3600a0b80001\n",
     {},
     {warning(1, "invalid alias \"..\": \"..\" is not a valid name")}},
    {"alias with a control character, escaped in the message",
     "mp\x01th 3600a0b80001\n",
     {},
     {warning(1, "invalid alias \"mp\\x01th\": contains whitespace or a control character")}},
    {"alias of 127 bytes", alias127 + " 3600a0b80001\n", {{alias127, "3600a0b80001", 1}}, {}},
    {"alias of 128 bytes",
     alias128 + " 3600a0b80001\n",
     {},
     {warning(1, "alias longer than 127 bytes")}},
    {"WWID of 122 bytes", "mpatha " + wwid122 + "\n", {{"mpatha", wwid122, 1}}, {}},
    {"WWID of 123 bytes: no map could have it",
     "mpatha " + wwid123 + "\n",
     {},
     {warning(1, "invalid WWID \"" + std::string(80, 'w') + "\"... (123 bytes): its map's dm UUID "
                 "(\"mpath-\" and the WWID) would be 129 bytes, device-mapper allows 128")}},
    {"WWID of 128 bytes",
     "mpatha " + wwid128 + "\n",
     {},
     {warning(1, "WWID longer than 127 bytes")}},
    {"WWID with '/'",
     "mpatha 3600/1\n",
     {},
     {warning(1, "invalid WWID \"3600/1\": contains '/'")}},
    {"a CR inside the line ends it",
     "mpatha 3600\r1\n",
     {{"mpatha", "3600", 1}},
     {}},
    {"line of 4096 bytes is parsed",
     "mpatha " + std::string(4096 - 7, 'w') + "\n",
     {},
     {warning(1, "WWID longer than 127 bytes")}},
    {"line of 4097 bytes is overlong",
     "mpatha " + std::string(4097 - 7, 'w') + "\nmpathb 3600a0b80002\n",
     {{"mpathb", "3600a0b80002", 2}},
     {warning(1, "line longer than 4096 bytes")}},
    {"overlong comment is still reported",
     "#" + std::string(5000, 'x') + "\n",
     {},
     {warning(1, "line longer than 4096 bytes")}},
    {"a rejected line leaves its alias to the next valid line",
     "mpatha 3600/1\nmpatha 3600a0b80001\n",
     {{"mpatha", "3600a0b80001", 2}},
     {warning(1, "invalid WWID \"3600/1\": contains '/'")}},
    {"every problem once, in line order",
     header + "mpatha 3600a0b80001\n"   // 8
              "mpatha 3600a0b80002\n"   // 9
              "mpathb 3600a0b80001\n"   // 10
              "mpathc\n"                // 11
              "a/b 3600a0b80003\n"      // 12
              "mpathd " + wwid128 + "\n"  // 13
              "mpathe 3600a0b80005\n",  // 14
     {{"mpatha", "3600a0b80001", 8}, {"mpathe", "3600a0b80005", 14}},
     {warning(9, "duplicate alias \"mpatha\" (already bound to 3600a0b80001 on line 8)"),
      warning(10, "WWID 3600a0b80001 already bound to \"mpatha\" on line 8"),
      warning(11, "expected \"alias wwid\""),
      warning(12, "invalid alias \"a/b\": contains '/'"),
      warning(13, "WWID longer than 127 bytes")}},
};

// ---- format -------------------------------------------------------------------

struct FormatCase {
    const char* name;
    std::vector<mpb::Binding> entries;
};

std::ostream& operator<<(std::ostream& os, const FormatCase& c) { return os << c.name; }

std::vector<mpb::Binding> many_entries(int n)
{
    std::vector<mpb::Binding> out;
    for (int i = 1; i <= n; ++i)
        out.push_back({"mpath" + mpb::index_to_suffix(i), "3600a0b8" + std::to_string(i), 0});
    return out;
}

const FormatCase format_cases[] = {
    {"no entries", {}},
    {"one entry", {{"mpatha", "3600a0b80001", 0}}},
    {"unsorted custom names", {{"yellow", "36001405aaa", 0}, {"db:data-1.x_y", "eui.0025", 0}}},
    {"a thousand entries", many_entries(1000)},
};

}  // namespace

namespace {

// append_bindings: `text` plus `entries` gives `result` or fails with `error`.
struct AppendCase {
    const char* name;
    std::string text;
    std::vector<mpb::Binding> entries;
    std::string result;
    std::string error;
};

std::ostream& operator<<(std::ostream& os, const AppendCase& c) { return os << c.name; }

const AppendCase append_cases[] = {
    {"empty file gets the header", "", {{"mpatha", "3600a0b80001", 0}}, header + "mpatha 3600a0b80001\n", ""},
    {"appended after every existing line, foreign ones too",
     header + "mpatha 3600a0b80001\n# by hand\nbad line here\n",
     {{"mpathb", "3600a0b80002", 0}, {"yellow", "eui.02", 0}},
     header + "mpatha 3600a0b80001\n# by hand\nbad line here\nmpathb 3600a0b80002\nyellow eui.02\n",
     ""},
    {"missing final newline supplied", "mpatha 3600a0b80001", {{"mpathb", "3600a0b80002", 0}},
     "mpatha 3600a0b80001\nmpathb 3600a0b80002\n", ""},
    {"same binding adds nothing", header + "mpatha 3600a0b80001\n", {{"mpatha", "3600a0b80001", 0}},
     header + "mpatha 3600a0b80001\n", ""},
    {"same binding given twice, added once", "",
     {{"mpatha", "3600a0b80001", 0}, {"mpatha", "3600a0b80001", 0}}, header + "mpatha 3600a0b80001\n", ""},
    {"alias bound to another WWID", header + "mpatha 3600a0b80001\n", {{"mpatha", "3600a0b80002", 0}}, "",
     file + ": alias \"mpatha\" is already bound to 3600a0b80001, not binding it to 3600a0b80002"},
    {"WWID bound to another alias", header + "mpatha 3600a0b80001\n", {{"mpathb", "3600a0b80001", 0}}, "",
     file + ": WWID 3600a0b80001 is already bound to \"mpatha\", not binding it to \"mpathb\""},
    {"two entries contradicting each other", "",
     {{"mpatha", "3600a0b80001", 0}, {"mpatha", "3600a0b80002", 0}}, "",
     file + ": alias \"mpatha\" is already bound to 3600a0b80001, not binding it to 3600a0b80002"},
    {"first valid line wins, as in parse_bindings", "mpatha 3600a0b80001\nmpatha 3600a0b80002\n",
     {{"mpatha", "3600a0b80002", 0}}, "",
     file + ": alias \"mpatha\" is already bound to 3600a0b80001, not binding it to 3600a0b80002"},
    {"invalid alias", "", {{"mpath/a", "3600a0b80001", 0}}, "",
     file + ": cannot bind \"mpath/a\" to \"3600a0b80001\": invalid alias \"mpath/a\": contains '/'"},
    {"invalid WWID", "", {{"mpatha", "36 00", 0}}, "",
     file + ": cannot bind \"mpatha\" to \"36 00\": invalid WWID \"36 00\": contains whitespace or a control character"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(bindings)

BOOST_DATA_TEST_CASE(append, bdata::make(append_cases), c)
{
    auto r = mpb::append_bindings(c.text, c.entries, file);
    if (!c.error.empty()) {
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST(r.error() == c.error);
        return;
    }
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(r.value() == c.result);
    BOOST_TEST(mpb::parse_bindings(r.value(), file).problems.size() ==
               mpb::parse_bindings(c.text, file).problems.size());
}

BOOST_DATA_TEST_CASE(index_to_suffix_at_boundaries, bdata::make(suffix_cases), c)
{
    BOOST_TEST(mpb::index_to_suffix(c.index) == c.suffix);
}

BOOST_DATA_TEST_CASE(suffix_to_index_at_boundaries, bdata::make(suffix_cases), c)
{
    auto n = mpb::suffix_to_index(c.suffix);
    BOOST_TEST_REQUIRE(n.has_value());
    BOOST_TEST(*n == c.index);
}

BOOST_AUTO_TEST_CASE(index_zero_is_empty_suffix)
{
    BOOST_TEST(mpb::index_to_suffix(0) == "");
}

BOOST_AUTO_TEST_CASE(suffix_round_trip_1_to_20000)
{
    std::string previous;
    for (unsigned long i = 1; i <= 20000; ++i) {
        auto s = mpb::index_to_suffix(i);
        auto back = mpb::suffix_to_index(s);
        BOOST_TEST_REQUIRE(back.has_value(), "index " << i << " suffix " << s);
        BOOST_TEST_REQUIRE(*back == i, "index " << i << " suffix " << s);
        // Shortlex order: each suffix comes after the one before.
        BOOST_TEST_REQUIRE((s.size() > previous.size() ||
                            (s.size() == previous.size() && s > previous)),
                           "index " << i);
        previous = s;
    }
}

BOOST_AUTO_TEST_CASE(largest_index_round_trips)
{
    auto s = mpb::index_to_suffix(ULONG_MAX);
    auto back = mpb::suffix_to_index(s);
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(*back == ULONG_MAX);
    // One more letter can only be larger, so it must be refused.
    BOOST_TEST(!mpb::suffix_to_index(s + "a").has_value());
}

BOOST_DATA_TEST_CASE(rejected_suffix, bdata::make(rejected_suffixes), c)
{
    BOOST_TEST(!mpb::suffix_to_index(c.suffix).has_value());
}

BOOST_DATA_TEST_CASE(next_free_alias, bdata::make(free_alias_cases), c)
{
    BOOST_TEST(mpb::next_free_alias(c.prefix, table_of(c.aliases), c.taken) == c.expected);
}

// 10,000 bindings with one hole: must find the hole, and quickly.
BOOST_AUTO_TEST_CASE(next_free_alias_ten_thousand_bindings, *boost::unit_test::timeout(10))
{
    std::vector<std::string> aliases;
    for (unsigned long i = 1; i <= 10000; ++i)
        if (i != 7777)
            aliases.push_back("mpath" + mpb::index_to_suffix(i));
    auto table = table_of(aliases);
    BOOST_TEST(mpb::next_free_alias("mpath", table, {}) ==
               "mpath" + mpb::index_to_suffix(7777));
    BOOST_TEST(mpb::next_free_alias("mpath", table, {"mpath" + mpb::index_to_suffix(7777)}) ==
               "mpath" + mpb::index_to_suffix(10001));
}

BOOST_DATA_TEST_CASE(parse, bdata::make(parse_cases), c)
{
    auto t = mpb::parse_bindings(c.text, file);
    BOOST_TEST_REQUIRE(t.entries.size() == c.entries.size());
    for (std::size_t i = 0; i < c.entries.size(); ++i) {
        BOOST_TEST(t.entries[i].alias == c.entries[i].alias);
        BOOST_TEST(t.entries[i].wwid == c.entries[i].wwid);
        BOOST_TEST(t.entries[i].line == c.entries[i].line);
    }
    BOOST_TEST(texts(t.problems) == c.problems, boost::test_tools::per_element());
    for (const auto& d : t.problems)
        BOOST_TEST((d.severity == mpb::Severity::warning));
}

// multipath-tools' own vector (tests/alias.c): a WWID bound twice keeps its
// first alias, and the second line's alias stays taken: WWID2 gets MPATHb,
// never MPATHd.
BOOST_AUTO_TEST_CASE(second_binding_of_a_wwid_keeps_its_alias_taken)
{
    auto t = mpb::parse_bindings("MPATHc WWID1\nMPATHa WWID0\nMPATHd WWID0\n", file);
    BOOST_TEST_REQUIRE(t.find_by_wwid("WWID0") != nullptr);
    BOOST_TEST(t.find_by_wwid("WWID0")->alias == "MPATHa");
    BOOST_TEST_REQUIRE(t.find_by_alias("MPATHd") != nullptr);
    BOOST_TEST(t.find_by_alias("MPATHd")->wwid == "WWID0");
    BOOST_TEST(mpb::next_free_alias("MPATH", t, {}) == "MPATHb");
    BOOST_TEST(mpb::next_free_alias("MPATH", t, {"MPATHb"}) == "MPATHe");
}

// A line with an alias and no WWID binds nothing, but its alias is taken.
BOOST_AUTO_TEST_CASE(alias_without_wwid_is_taken)
{
    auto t = mpb::parse_bindings("mpatha\n", file);
    BOOST_TEST(t.entries.empty());
    BOOST_TEST(mpb::next_free_alias("mpath", t, {}) == "mpathb");
}

BOOST_AUTO_TEST_CASE(find_by_alias_and_wwid)
{
    auto t = mpb::parse_bindings("mpatha 3600a0b80001\nmpathb 3600a0b80002\n", file);
    const auto* b = t.find_by_alias("mpathb");
    BOOST_TEST_REQUIRE(b != nullptr);
    BOOST_TEST(b->wwid == "3600a0b80002");
    const auto* w = t.find_by_wwid("3600a0b80001");
    BOOST_TEST_REQUIRE(w != nullptr);
    BOOST_TEST(w->alias == "mpatha");
    BOOST_TEST(t.find_by_alias("mpathc") == nullptr);
    BOOST_TEST(t.find_by_wwid("3600a0b80003") == nullptr);
    BOOST_TEST(t.find_by_alias("3600a0b80001") == nullptr);
}

BOOST_DATA_TEST_CASE(format_starts_with_header, bdata::make(format_cases), c)
{
    auto text = mpb::format_bindings(c.entries);
    BOOST_TEST(text.substr(0, header.size()) == header);
    BOOST_TEST(text.size() >= header.size());
}

BOOST_DATA_TEST_CASE(format_then_parse_round_trip, bdata::make(format_cases), c)
{
    auto t = mpb::parse_bindings(mpb::format_bindings(c.entries), file);
    BOOST_TEST(t.problems.empty());
    BOOST_TEST_REQUIRE(t.entries.size() == c.entries.size());
    for (std::size_t i = 0; i < c.entries.size(); ++i) {
        BOOST_TEST(t.entries[i].alias == c.entries[i].alias);
        BOOST_TEST(t.entries[i].wwid == c.entries[i].wwid);
        // The header is seven lines, so entries start on line 8.
        BOOST_TEST(t.entries[i].line == int(i) + 8);
    }
}

BOOST_AUTO_TEST_CASE(format_exact_text)
{
    std::vector<mpb::Binding> entries = {{"mpatha", "3600a0b80001", 3}, {"mpathb", "eui.02", 0}};
    BOOST_TEST(mpb::format_bindings(entries) == header + "mpatha 3600a0b80001\nmpathb eui.02\n");
}

BOOST_AUTO_TEST_SUITE_END()

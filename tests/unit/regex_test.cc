// SPDX-License-Identifier: GPL-2.0-or-later
// multipath.conf regular expressions: POSIX ERE, unanchored, case sensitive,
// a leading '!' inverts; copies share the compiled expression.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <regex.h>

#include "core/regex.hh"

namespace bdata = boost::unit_test::data;

namespace {

struct MatchCase {
    const char* name;
    std::string pattern;
    std::string text;
    bool matches;
};

std::ostream& operator<<(std::ostream& os, const MatchCase& c) { return os << c.name; }

const MatchCase match_cases[] = {
    {"plain, whole", "sda", "sda", true},
    {"plain, unanchored inside", "Disk", "ACME Disk 2", true},
    {"plain, unanchored at end", "da", "sda", true},
    {"plain, no match", "sdb", "sda", false},
    {"caret anchors the start", "^sd", "sda", true},
    {"caret rejects inside", "^sd", "dasd", false},
    {"dollar anchors the end", "a$", "sda", true},
    {"dollar rejects before end", "d$", "sda", false},
    {"both anchors, exact", "^VV$", "VV", true},
    {"both anchors, longer text", "^VV$", "VVX", false},
    {"case sensitive, lower vs upper", "nvme", "NVME", false},
    {"case sensitive, upper vs lower", "IBM", "ibm", false},
    {"ERE alternation", "^(HITACHI|HP)$", "HP", true},
    {"ERE alternation, none", "^(HITACHI|HP)$", "HPE", false},
    {"ERE bracket and plus", "^sd[a-z]+$", "sdaa", true},
    {"ERE interval", "^x{2}$", "xx", true},
    {"dot star matches empty", ".*", "", true},
    {"empty pattern matches anything", "", "whatever", true},
    {"inverted, body matches", "!^sd", "sda", false},
    {"inverted, body fails", "!^sd", "loop0", true},
    {"inverted built-in devnode, sd", "!^(sd[a-z]|dasd[a-z]|nvme[0-9])", "sdb", false},
    {"inverted built-in devnode, nvme", "!^(sd[a-z]|dasd[a-z]|nvme[0-9])", "nvme0n1", false},
    {"inverted built-in devnode, dasd", "!^(sd[a-z]|dasd[a-z]|nvme[0-9])", "dasda", false},
    {"inverted built-in devnode, loop", "!^(sd[a-z]|dasd[a-z]|nvme[0-9])", "loop0", true},
    {"inverted built-in devnode, dm", "!^(sd[a-z]|dasd[a-z]|nvme[0-9])", "dm-0", true},
    {"inverted built-in devnode, nvme controller", "!^(sd[a-z]|dasd[a-z]|nvme[0-9])", "nvme",
     true},
    {"only the first '!' inverts", "!!x", "!x", false},
    {"'!' later is literal", "a!b", "a!b", true},
    {"inverted empty body matches nothing", "!", "anything", false},
    // Patterns matched after a cheap check for a run of literal characters
    // every match contains: the run must really be required.
    {"required run before a bracket", "NVM[eE]", "NVMe", true},
    {"required run absent", "NVM[eE]", "NVMX", false},
    {"interval count is no literal", "^x{2}$", "xx", true},
    {"optional last character", "ab?c", "ac", true},
    {"starred last character", "abc*d", "abd", true},
    {"bracket with a leading ]", "[]x]y", "]y", true},
    {"negated bracket", "[^a]b", "cb", true},
    {"dot between runs", "IBM.2145", "IBM 2145", true},
};

struct BadCase {
    const char* name;
    std::string pattern;
    std::string reason;  // glibc's regerror() text
};

std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.name; }

const BadCase bad_cases[] = {
    {"unmatched parenthesis", "(", "Unmatched ( or \\("},
    {"unmatched bracket", "[a", "Unmatched [, [^, [:, [., or [="},
    {"leading star", "*a", "Invalid preceding regular expression"},
    {"unmatched brace", "a{1", "Unmatched \\{"},
    {"trailing backslash", "\\", "Trailing backslash"},
    {"inverted and invalid", "!(sd", "Unmatched ( or \\("},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(regex)

BOOST_DATA_TEST_CASE(matches, bdata::make(match_cases), c)
{
    auto r = mpb::Regex::compile(c.pattern);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(r.error().empty());
    BOOST_TEST(r->matches(c.text) == c.matches);
    BOOST_TEST(r->pattern() == c.pattern);  // as written, '!' included
    // The cheap check never rules out a text the pattern matches.
    if (c.matches)
        BOOST_TEST(!mpb::Regex::rules_out(c.pattern, c.text));
}

BOOST_DATA_TEST_CASE(invalid, bdata::make(bad_cases), c)
{
    auto r = mpb::Regex::compile(c.pattern);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(!r.error().empty());
    BOOST_TEST(r.error() == c.reason);
}

// Copies (and copies of copies, after the original is gone) keep working
// and keep their own inversion; two expressions do not share state.
BOOST_AUTO_TEST_CASE(copies_share_compiled_expression)
{
    std::vector<mpb::Regex> kept;
    {
        auto plain = mpb::Regex::compile("^sd").value();
        auto inverted = mpb::Regex::compile("!^sd").value();
        kept.push_back(plain);
        kept.push_back(inverted);
        mpb::Regex copy = plain;
        copy = inverted;  // assignment replaces, does not mix
        kept.push_back(copy);
        mpb::Regex moved = std::move(plain);
        kept.push_back(moved);
    }  // originals destroyed: copies must not dangle
    std::vector<mpb::Regex> copies = kept;
    kept.clear();
    BOOST_TEST_REQUIRE(copies.size() == 4u);
    BOOST_TEST(copies[0].matches("sda"));
    BOOST_TEST(!copies[0].matches("loop0"));
    BOOST_TEST(!copies[1].matches("sda"));
    BOOST_TEST(copies[1].matches("loop0"));
    BOOST_TEST(!copies[2].matches("sda"));
    BOOST_TEST(copies[2].pattern() == "!^sd");
    BOOST_TEST(copies[3].matches("sdb"));
    BOOST_TEST(copies[3].pattern() == "^sd");
}

BOOST_AUTO_TEST_CASE(many_compilations_independent)
{
    // Each compile owns its expression: a later compile must not change an
    // earlier one (a static or shared buffer would).
    auto a = mpb::Regex::compile("^a$").value();
    auto b = mpb::Regex::compile("^b$").value();
    auto bad = mpb::Regex::compile("(");
    BOOST_TEST(!bad.has_value());
    BOOST_TEST(a.matches("a"));
    BOOST_TEST(!a.matches("b"));
    BOOST_TEST(b.matches("b"));
    BOOST_TEST(!b.matches("a"));
}


// Literal-shaped patterns are matched without the regex library; they must
// match exactly what regcomp/regexec would.
namespace {

bool posix_match(const std::string& pattern, const std::string& text)
{
    regex_t re;
    BOOST_REQUIRE(regcomp(&re, pattern.c_str(), REG_EXTENDED | REG_NOSUB) == 0);
    bool hit = regexec(&re, text.c_str(), 0, nullptr, 0) == 0;
    regfree(&re);
    return hit;
}

const std::vector<std::string> literal_patterns = {
    "sda", "^DGC", "EMC$", "^VV$", "(SCSI_IDENT_|ID_WWN)", "^(HITACHI|HP)$", "^(HITACHI|HP)",
    "(HITACHI|HP)$", "NETAPP|LSI", "^OPEN-", "QEMU HARDDISK", "^1814", "a:b/c,d#e@f%g=h",
};
const std::vector<std::string> regex_patterns = {
    "^sd[a-z]+$", ".*", "", "^x{2}$", "^A|B", "A|^B", "(A|B)C", "A(B|C)", "()", "(A||B)", "^(A)(B)$",
    "a.b", "a\\.b",
};
const std::vector<std::string> texts = {
    "", "sda", "sdaa", "DGC", "xDGC", "EMC", "EMCx", "VV", "VVX", "SCSI_IDENT_LUN_NAA", "ID_WWN",
    "ID_WWN_WITH_EXTENSION", "ID_SERIAL", "HP", "HPE", "HITACHI", "xHITACHI", "NETAPP", "LSI",
    "OPEN-V", "QEMU HARDDISK", "1814", "A", "B", "AC", "BC", "AB", "ABC", "a.b", "axb",
    "a:b/c,d#e@f%g=h",
};

}  // namespace

BOOST_AUTO_TEST_CASE(literal_shapes_skip_the_regex_library)
{
    for (const auto& p : literal_patterns)
        BOOST_TEST(mpb::Regex::compile(p).value().literal(), p);
    for (const auto& p : regex_patterns)
        BOOST_TEST(!mpb::Regex::compile(p).value().literal(), p);
}

BOOST_AUTO_TEST_CASE(literal_matching_agrees_with_posix)
{
    std::vector<std::string> all = literal_patterns;
    all.insert(all.end(), regex_patterns.begin(), regex_patterns.end());
    for (const auto& p : all)
        for (const auto& t : texts) {
            BOOST_TEST(mpb::Regex::compile(p).value().matches(t) == posix_match(p, t),
                       "pattern " << p << " on " << t);
            BOOST_TEST(mpb::Regex::compile("!" + p).value().matches(t) == !posix_match(p, t),
                       "pattern !" << p << " on " << t);
            BOOST_TEST(mpb::Regex::builtin(p).matches(t) == posix_match(p, t), "built-in " << p << " on " << t);
        }
}

// glibc's regcomp copies a part for '+' and for each count of "{m,n}":
// stacked repetitions multiply its time and memory (20 stacked '+' took
// 0.8 s and 718 MB), so such patterns are refused before regcomp sees them.
struct SizeCase {
    std::string pattern;
    std::size_t size;
};

std::ostream& operator<<(std::ostream& os, const SizeCase& c) { return os << c.pattern; }

const SizeCase size_cases[] = {
    {"abc", 3},
    {"!abc", 3},
    {"a*", 2},
    {"a+", 3},
    {"a++", 7},
    {"a{3}", 4},
    {"a{2,5}", 6},
    {"a{4,}", 6},
    {"(ab){10}", 31},
    {"((ab){10}){10}", 321},
    {"[a-z]{100}", 101},
    {"\\+{5}", 6},
    {"^(DS4|FAStT)$", 12},
};

BOOST_DATA_TEST_CASE(expanded_size, bdata::make(size_cases), c)
{
    BOOST_TEST(mpb::Regex::expanded_size(c.pattern) == c.size);
}

BOOST_AUTO_TEST_CASE(patterns_that_expand_too_far_are_refused)
{
    auto stacked = mpb::Regex::compile("a" + std::string(20, '+'));
    BOOST_TEST_REQUIRE(!stacked.has_value());
    BOOST_TEST(stacked.error() == "its repetitions expand it to 2097151 parts, more than the 32768 "
                                  "mpath-boot compiles (stacked '+' or counts multiply)");
    auto counted = mpb::Regex::compile("(a{32767}){32767}{32767}");
    BOOST_TEST_REQUIRE(!counted.has_value());
    BOOST_TEST(counted.error().starts_with("its repetitions expand it to over a trillion parts"));
    // The largest glibc allows alone is still compiled.
    BOOST_TEST(mpb::Regex::compile("x{32767}").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

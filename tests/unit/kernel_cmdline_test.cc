// SPDX-License-Identifier: GPL-2.0-or-later
// The kernel command line: words split as the kernel splits them, the
// switches that turn mpath-boot off, and the wait from path_wait,
// rd.mpath_boot.wait and rd.timeout with the bound that applied.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/kernel_cmdline.hh"

namespace bdata = boost::unit_test::data;

namespace {

const std::string source = "/proc/cmdline";

// ----- splitting -------------------------------------------------------------

struct SplitCase {
    const char* name;
    std::string text;
    std::vector<std::string> words;  // "name" or "name=value" after quote removal
};

std::ostream& operator<<(std::ostream& os, const SplitCase& c) { return os << c.name; }

const SplitCase split_cases[] = {
    {"empty", "", {}},
    {"blanks only", " \t\n", {}},
    {"plain words, /proc's newline", "ro quiet root=/dev/sda1\n", {"ro", "quiet", "root=/dev/sda1"}},
    {"runs of blanks and tabs", "  a\t\tb   c ", {"a", "b", "c"}},
    {"quoted value keeps its spaces", "x=\"a b\" y", {"x=a b", "y"}},
    {"quoted word keeps its spaces", "\"x=a b\" y", {"x=a b", "y"}},
    {"quoted flag", "\"a b\"", {"a b"}},
    {"quotes inside a value are kept", "x=a\"b c\"d", {"x=a\"b c\"d"}},
    {"unterminated quote runs to the end", "x=\"a b", {"x=a b"}},
    {"a lone quote as the value", "x=\" y", {"x= y"}},
    {"the value after the first '='", "x=y=z", {"x=y=z"}},
    {"empty value", "x=", {"x="}},
    {"a '=' opening the word is part of the name", "=x", {"=x"}},
};

std::string written(const mpb::CmdlineParam& p) { return p.value ? p.name + "=" + *p.value : p.name; }

// ----- parsing ---------------------------------------------------------------

struct ParseCase {
    const char* name;
    std::string text;
    std::string disabled_by;  // "" when not disabled
    std::optional<int> wait;
    std::optional<int> timeout;
    std::vector<std::string> problems;
};

std::ostream& operator<<(std::ostream& os, const ParseCase& c) { return os << c.name; }

std::string bad(const std::string& value, const std::string& param, const std::string& expected)
{
    return source + ": warning: invalid value " + value + " for " + param + ": expected " +
           expected + "; ignored";
}

const std::string wait_range = "a whole number of seconds from 0 to 3600";

const ParseCase parse_cases[] = {
    {"nothing for us", "BOOT_IMAGE=/vmlinuz ro quiet", "", {}, {}, {}},
    {"rd.mpath_boot=0", "ro rd.mpath_boot=0", "rd.mpath_boot=0", {}, {}, {}},
    {"rd.multipath=0", "rd.multipath=0 ro", "rd.multipath=0", {}, {}, {}},
    {"nompath", "nompath", "nompath", {}, {}, {}},
    {"nompath with a value", "nompath=1", "nompath=1", {}, {}, {}},
    {"multipath=off", "multipath=off", "multipath=off", {}, {}, {}},
    {"quoted switch", "\"rd.mpath_boot=0\"", "rd.mpath_boot=0", {}, {}, {}},
    {"the last occurrence wins", "rd.mpath_boot=0 rd.mpath_boot=1", "", {}, {}, {}},
    {"the last occurrence wins, off", "rd.multipath=1 rd.multipath=0", "rd.multipath=0", {}, {}, {}},
    {"other values do not turn it off", "rd.mpath_boot=1 rd.multipath=default multipath=on", "", {},
     {}, {}},
    {"a name must match whole", "rd.mpath_boot_x=0 xnompath", "", {}, {}, {}},
    {"several switches: the first of the list is named", "multipath=off rd.mpath_boot=0",
     "rd.mpath_boot=0", {}, {}, {}},
    {"rd.mpath_boot.wait", "rd.mpath_boot.wait=12", "", 12, {}, {}},
    {"rd.mpath_boot.wait quoted", "rd.mpath_boot.wait=\"0\"", "", 0, {}, {}},
    {"rd.mpath_boot.wait, last wins", "rd.mpath_boot.wait=5 rd.mpath_boot.wait=7", "", 7, {}, {}},
    {"rd.mpath_boot.wait bad: not set", "rd.mpath_boot.wait=ten", "", {}, {},
     {bad("\"ten\"", "rd.mpath_boot.wait", wait_range)}},
    {"rd.mpath_boot.wait, the last is bad: not set", "rd.mpath_boot.wait=5 rd.mpath_boot.wait=5s",
     "", {}, {}, {bad("\"5s\"", "rd.mpath_boot.wait", wait_range)}},
    {"rd.mpath_boot.wait over the maximum", "rd.mpath_boot.wait=3601", "", {}, {},
     {bad("\"3601\"", "rd.mpath_boot.wait", wait_range)}},
    {"rd.mpath_boot.wait without a value", "rd.mpath_boot.wait", "", {}, {},
     {bad("(none)", "rd.mpath_boot.wait", wait_range)}},
    {"rd.mpath_boot.wait empty", "rd.mpath_boot.wait=", "", {}, {},
     {bad("\"\"", "rd.mpath_boot.wait", wait_range)}},
    {"rd.timeout", "rd.timeout=20", "", {}, 20, {}},
    {"rd.timeout=0", "rd.timeout=0", "", {}, 0, {}},
    {"rd.timeout large", "rd.timeout=86400", "", {}, 86400, {}},
    {"rd.timeout negative", "rd.timeout=-5", "", {}, {},
     {bad("\"-5\"", "rd.timeout", "a whole number of seconds")}},
    {"a bad value is quoted safely", "rd.timeout=\"1\t2\"", "", {}, {},
     {bad("\"1\\x092\"", "rd.timeout", "a whole number of seconds")}},
    {"disabled and a bad number: both said", "rd.mpath_boot=0 rd.timeout=x", "rd.mpath_boot=0", {},
     {}, {bad("\"x\"", "rd.timeout", "a whole number of seconds")}},
};

// ----- the wait ----------------------------------------------------------------

struct WaitCase {
    const char* name;
    int path_wait;
    std::string set_at;  // "" for the built-in default
    std::string cmdline;
    int seconds;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const WaitCase& c) { return os << c.name; }

const std::string conf3 = "/etc/mpath-boot.conf:3";

const WaitCase wait_cases[] = {
    {"the built-in default", 30, "", "", 30, "path_wait = 30 (built-in default)"},
    {"path_wait from the file", 45, conf3, "", 45, "path_wait = 45 (/etc/mpath-boot.conf:3)"},
    {"rd.mpath_boot.wait overrides path_wait", 45, conf3, "rd.mpath_boot.wait=10", 10,
     "rd.mpath_boot.wait=10 on the kernel command line"},
    {"rd.mpath_boot.wait may be longer", 30, "", "rd.mpath_boot.wait=90", 90,
     "rd.mpath_boot.wait=90 on the kernel command line"},
    {"rd.mpath_boot.wait=0: no wait", 30, "", "rd.mpath_boot.wait=0", 0,
     "rd.mpath_boot.wait=0 on the kernel command line"},
    {"rd.timeout shorter caps path_wait", 30, "", "rd.timeout=20", 20,
     "rd.timeout=20 on the kernel command line, shorter than path_wait = 30 (built-in default)"},
    {"rd.timeout shorter caps rd.mpath_boot.wait", 30, "", "rd.mpath_boot.wait=60 rd.timeout=20", 20,
     "rd.timeout=20 on the kernel command line, shorter than rd.mpath_boot.wait=60 on the kernel "
     "command line"},
    {"rd.timeout longer: the wait applies", 45, conf3, "rd.timeout=60", 45,
     "path_wait = 45 (/etc/mpath-boot.conf:3)"},
    {"rd.timeout equal: the wait applies", 30, "", "rd.timeout=30", 30,
     "path_wait = 30 (built-in default)"},
    {"rd.timeout=0 is forever, no cap", 30, "", "rd.timeout=0", 30, "path_wait = 30 (built-in default)"},
    {"path_wait = 0 stays 0", 0, conf3, "rd.timeout=20", 0, "path_wait = 0 (/etc/mpath-boot.conf:3)"},
    {"a bad rd.mpath_boot.wait leaves path_wait", 45, conf3, "rd.mpath_boot.wait=x", 45,
     "path_wait = 45 (/etc/mpath-boot.conf:3)"},
    {"a bad rd.timeout caps nothing", 30, "", "rd.timeout=x", 30, "path_wait = 30 (built-in default)"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(kernel_cmdline)

BOOST_DATA_TEST_CASE(split, bdata::make(split_cases), c)
{
    std::vector<std::string> got;
    for (const auto& p : mpb::split_cmdline(c.text))
        got.push_back(written(p));
    BOOST_TEST(got == c.words, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(flag_and_empty_value_differ)
{
    auto ps = mpb::split_cmdline("nompath x=");
    BOOST_TEST_REQUIRE(ps.size() == 2u);
    BOOST_TEST(!ps[0].value.has_value());
    BOOST_TEST((ps[1].value == std::string()));
}

BOOST_DATA_TEST_CASE(parse, bdata::make(parse_cases), c)
{
    auto k = mpb::parse_kernel_cmdline(c.text, source);
    BOOST_TEST(k.disabled == !c.disabled_by.empty());
    BOOST_TEST(k.disabled_by == c.disabled_by);
    BOOST_TEST((k.wait == c.wait));
    BOOST_TEST((k.timeout == c.timeout));
    std::vector<std::string> problems;
    for (const auto& d : k.diagnostics)
        problems.push_back(d.text);
    BOOST_TEST(problems == c.problems, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(effective_wait, bdata::make(wait_cases), c)
{
    mpb::BootSettings s;
    s.path_wait = c.path_wait;
    s.path_wait_set_at = c.set_at;
    auto w = mpb::effective_path_wait(s, mpb::parse_kernel_cmdline(c.cmdline, source));
    BOOST_TEST(w.seconds == c.seconds);
    BOOST_TEST(w.reason == c.reason);
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// /etc/mpath-boot.conf: keys, values, defaults, and the exact warning for
// every problem, with the default (or the last good value) kept.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/boot_settings.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::BootLogLevel;

const std::string file = "/etc/mpath-boot.conf";

std::string warning(int line, const std::string& what)
{
    return file + ":" + std::to_string(line) + ": warning: " + what;
}

std::string bad_value(int line, const std::string& value, const std::string& key,
                      const std::string& expected)
{
    return warning(line, "invalid value \"" + value + "\" for \"" + key + "\": " + expected +
                             "; ignored");
}

const std::string seconds = "expected a whole number of seconds from 0 to 3600";
const std::string syntax = "syntax error (expected [section], key = value or a comment); line ignored";

struct Case {
    const char* name;
    std::string text;
    int path_wait;
    bool rename;
    BootLogLevel level;
    std::string path_wait_set_at;
    std::vector<std::string> problems;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const auto W = BootLogLevel::warning;

const Case cases[] = {
    {"empty: the defaults", "", 30, true, W, "", {}},
    {"comments and blank lines", "# a comment\n; another\n\n   \n[boot]\n", 30, true, W, "", {}},
    {"every key",
     "[boot]\npath_wait = 10\nrename_at_handover = no\nlog_level = debug\n",
     10, false, BootLogLevel::debug, file + ":2", {}},
    {"no spaces, colon form, CRLF",
     "[boot]\r\npath_wait=0\r\nrename_at_handover: yes\r\nlog_level=error\r\n",
     0, true, BootLogLevel::error, file + ":2", {}},
    {"a UTF-8 byte order mark", "\xEF\xBB\xBF[boot]\npath_wait = 3\n", 3, true, W, file + ":2", {}},
    {"indented keys are keys, not continuations",
     "[boot]\n  path_wait = 5\n\tlog_level = info\n",
     5, true, BootLogLevel::info, file + ":2", {}},
    {"inline ';' comment", "[boot]\npath_wait = 12 ; seconds\n", 12, true, W, file + ":2", {}},
    {"the last good value wins",
     "[boot]\npath_wait = 10\npath_wait = 20\npath_wait = x\n",
     20, true, W, file + ":3",
     {bad_value(4, "x", "path_wait", seconds)}},
    {"sections may repeat", "[boot]\npath_wait = 1\n[boot]\npath_wait = 2\n", 2, true, W,
     file + ":4", {}},
    {"path_wait at its maximum", "[boot]\npath_wait = 3600\n", 3600, true, W, file + ":2", {}},
    {"path_wait over the maximum", "[boot]\npath_wait = 3601\n", 30, true, W, "",
     {bad_value(2, "3601", "path_wait", seconds)}},
    {"path_wait negative", "[boot]\npath_wait = -1\n", 30, true, W, "",
     {bad_value(2, "-1", "path_wait", seconds)}},
    {"path_wait with a unit", "[boot]\npath_wait = 30s\n", 30, true, W, "",
     {bad_value(2, "30s", "path_wait", seconds)}},
    {"path_wait with '#' after it", "[boot]\npath_wait = 30 # s\n", 30, true, W, "",
     {bad_value(2, "30 # s", "path_wait", seconds)}},
    {"path_wait empty", "[boot]\npath_wait =\n", 30, true, W, "",
     {bad_value(2, "", "path_wait", seconds)}},
    {"rename_at_handover is yes or no only", "[boot]\nrename_at_handover = true\n", 30, true, W, "",
     {bad_value(2, "true", "rename_at_handover", "expected yes or no")}},
    {"keys are case-sensitive", "[boot]\nPath_Wait = 5\n", 30, true, W, "",
     {warning(2, "unknown key \"Path_Wait\" in section [boot]; ignored")}},
    {"log_level names Logger's levels only", "[boot]\nlog_level = notice\n", 30, true, W, "",
     {bad_value(2, "notice", "log_level", "expected error, warning, info or debug")}},
    {"unknown key", "[boot]\npath_wiat = 5\n", 30, true, W, "",
     {warning(2, "unknown key \"path_wiat\" in section [boot]; ignored")}},
    {"key before any section", "path_wait = 5\n[boot]\n", 30, true, W, "",
     {warning(1, "key \"path_wait\" outside a section (expected [boot]); ignored")}},
    {"unknown section, each key named",
     "[Boot]\npath_wait = 5\nlog_level = debug\n[boot]\nrename_at_handover = no\n",
     30, false, W, "",
     {warning(2, "key \"path_wait\" in unknown section \"Boot\" (expected [boot]); ignored"),
      warning(3, "key \"log_level\" in unknown section \"Boot\" (expected [boot]); ignored")}},
    {"a user string is quoted", "[boot]\nlog_level = \"debug\"\n", 30, true, W, "",
     {bad_value(2, "\\\"debug\\\"", "log_level", "expected error, warning, info or debug")}},
    {"syntax error: the rest still read",
     "[boot]\npath_wait 5\nlog_level = info\n", 30, true, BootLogLevel::info, "",
     {warning(2, syntax)}},
    {"every syntax error named, in line order, among other problems",
     "[boot\npath_wait = 7\nrename_at_handover\nlog_level = loud\n[boot]\nnonsense\npath_wait = 8\n",
     8, true, W, file + ":7",
     {warning(1, syntax),
      warning(2, "key \"path_wait\" outside a section (expected [boot]); ignored"),
      warning(3, syntax),
      warning(4, "key \"log_level\" outside a section (expected [boot]); ignored"),
      warning(6, syntax)}},
    {"a line too long for inih",
     "[boot]\npath_wait = " + std::string(186, '1') + "\nlog_level = debug\n",
     30, true, BootLogLevel::debug, "",
     {warning(2, "line longer than 197 bytes; ignored")}},
    {"a long comment is no problem",
     "[boot]\n# " + std::string(300, 'c') + "\npath_wait = 9\n", 9, true, W, file + ":3", {}},
    {"a line of 197 bytes is read",
     "[boot]\npath_wait = " + std::string(184, ' ') + "4\n", 4, true, W, file + ":2", {}},
};

std::vector<std::string> texts(const mpb::Diagnostics& ds)
{
    std::vector<std::string> out;
    for (const auto& d : ds)
        out.push_back(d.text);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(boot_settings)

BOOST_DATA_TEST_CASE(parse, bdata::make(cases), c)
{
    auto s = mpb::parse_boot_settings(c.text, file);
    BOOST_TEST(s.path_wait == c.path_wait);
    BOOST_TEST(s.rename_at_handover == c.rename);
    BOOST_TEST(mpb::to_string(s.log_level) == mpb::to_string(c.level));
    BOOST_TEST(s.path_wait_set_at == c.path_wait_set_at);
    BOOST_TEST(texts(s.diagnostics) == c.problems, boost::test_tools::per_element());
    for (const auto& d : s.diagnostics)
        BOOST_TEST((d.severity == mpb::Severity::warning));
}

struct TimeoutCase {
    const char* text;
    int ms;
    std::vector<std::string> problems;
};

std::ostream& operator<<(std::ostream& os, const TimeoutCase& c) { return os << c.text; }

const std::string millis = "expected a whole number of milliseconds from 1 to 60000";

const TimeoutCase timeout_cases[] = {
    {"[boot]\n", 1000, {}},
    {"[boot]\nscsi_timeout_ms = 250\n", 250, {}},
    {"[boot]\nscsi_timeout_ms = 60000\n", 60000, {}},
    {"[boot]\nscsi_timeout_ms = 0\n", 1000, {bad_value(2, "0", "scsi_timeout_ms", millis)}},
    {"[boot]\nscsi_timeout_ms = 60001\n", 1000, {bad_value(2, "60001", "scsi_timeout_ms", millis)}},
    {"[boot]\nscsi_timeout_ms = 1s\n", 1000, {bad_value(2, "1s", "scsi_timeout_ms", millis)}},
};

BOOST_DATA_TEST_CASE(scsi_timeout, bdata::make(timeout_cases), c)
{
    auto s = mpb::parse_boot_settings(c.text, file);
    BOOST_TEST(s.scsi_timeout_ms == c.ms);
    BOOST_TEST(texts(s.diagnostics) == c.problems, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(log_levels_are_logger_verbosities)
{
    BOOST_TEST(mpb::verbosity_of(BootLogLevel::error) == 0);    // -q
    BOOST_TEST(mpb::verbosity_of(BootLogLevel::warning) == 1);  // the default
    BOOST_TEST(mpb::verbosity_of(BootLogLevel::info) == 2);     // -v
    BOOST_TEST(mpb::verbosity_of(BootLogLevel::debug) == 3);    // -vv
}

// Every broken line is named, however many there are (the reading is
// linear: 8,000 broken lines used to take 5 s, read again for each).
BOOST_AUTO_TEST_CASE(every_broken_line_is_named)
{
    std::string text = "[boot]\n";
    for (int i = 0; i < 8000; ++i)
        text += "broken\n";
    text += "path_wait = 7\n";
    auto s = mpb::parse_boot_settings(text, file);
    BOOST_TEST(s.path_wait == 7);
    BOOST_TEST_REQUIRE(s.diagnostics.size() == 8000u);
    BOOST_TEST(s.diagnostics.front().text ==
               file + ":2: warning: syntax error (expected [section], key = value or a comment); line ignored");
    BOOST_TEST(s.diagnostics.back().text ==
               file + ":8001: warning: syntax error (expected [section], key = value or a comment); line ignored");
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// String helpers: trim, split_words, split_lines, starts_with, quoted, parse_int.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/text.hh"

namespace bdata = boost::unit_test::data;

namespace {

struct TrimCase {
    const char* name;
    std::string in;
    std::string out;
};

std::ostream& operator<<(std::ostream& os, const TrimCase& c) { return os << c.name; }

const TrimCase trim_cases[] = {
    {"empty", "", ""},
    {"only whitespace", " \t\r\n ", ""},
    {"nothing to trim", "a b", "a b"},
    {"both ends, inner kept", "  \ta  b\t ", "a  b"},
    {"CRLF tail", "value\r\n", "value"},
    {"leading newline", "\nvalue", "value"},
};

struct WordsCase {
    const char* name;
    std::string in;
    std::vector<std::string> out;
};

std::ostream& operator<<(std::ostream& os, const WordsCase& c) { return os << c.name; }

const WordsCase words_cases[] = {
    {"empty", "", {}},
    {"blanks only", " \t  ", {}},
    {"one word", "alua", {"alua"}},
    {"runs of spaces and tabs", "  1 \t\t queue_if_no_path  ", {"1", "queue_if_no_path"}},
    {"three words", "2 pg_init_retries 50", {"2", "pg_init_retries", "50"}},
    // Only spaces and tabs separate words.
    {"newline is not a separator", "a\nb c", {"a\nb", "c"}},
};

struct LinesCase {
    const char* name;
    std::string in;
    std::vector<std::string> out;
};

std::ostream& operator<<(std::ostream& os, const LinesCase& c) { return os << c.name; }

const LinesCase lines_cases[] = {
    {"empty text", "", {}},
    {"one line with newline", "a\n", {"a"}},
    {"no final newline", "a\nb", {"a", "b"}},
    {"empty lines kept", "a\n\n\nb\n", {"a", "", "", "b"}},
    {"only a newline", "\n", {""}},
    {"CRLF", "a\r\nb\r\n", {"a", "b"}},
    {"CRLF without final newline", "a\r\nb\r", {"a", "b"}},
    {"mixed LF and CRLF", "a\nb\r\n\r\nc", {"a", "b", "", "c"}},
    {"CR inside a line kept", "a\rb\n", {"a\rb"}},
    {"only one CR dropped", "a\r\r\n", {"a\r"}},
};

struct QuotedCase {
    const char* name;
    std::string in;
    std::string out;
};

std::ostream& operator<<(std::ostream& os, const QuotedCase& c) { return os << c.name; }

// quoted() output must read back unambiguously: '"' and '\' are escaped.

const QuotedCase quoted_cases[] = {
    {"empty", "", "\"\""},
    {"plain", "mpatha", "\"mpatha\""},
    {"spaces kept", "a b", "\"a b\""},
    {"newline", "a\nb", "\"a\\x0ab\""},
    {"tab", "\t", "\"\\x09\""},
    {"carriage return", "x\r", "\"x\\x0d\""},
    {"NUL", std::string("a\0b", 3), "\"a\\x00b\""},
    {"escape, lower-case hex", "\x1b[", "\"\\x1b[\""},
    {"unit separator", "\x1f", "\"\\x1f\""},
    {"DEL", "\x7f", "\"\\x7f\""},
    {"UTF-8 kept", "d\xc3\xa9j\xc3\xa0", "\"d\xc3\xa9j\xc3\xa0\""},
    {"quote escaped", "a\"b", "\"a\\\"b\""},
    {"backslash escaped", "a\\b", "\"a\\\\b\""},
    {"value that would close the message quote", "x\" y", "\"x\\\" y\""},
};

struct IntCase {
    const char* name;
    std::string in;
    bool ok;
    long long value;  // when ok
};

std::ostream& operator<<(std::ostream& os, const IntCase& c) { return os << c.name; }

const IntCase int_cases[] = {
    {"zero", "0", true, 0},
    {"positive", "42", true, 42},
    {"leading zeros", "007", true, 7},
    {"negative", "-10", true, -10},
    {"largest", "9223372036854775807", true, 9223372036854775807LL},
    {"smallest", "-9223372036854775808", true, -9223372036854775807LL - 1},
    {"overflow", "9223372036854775808", false, 0},
    {"negative overflow", "-9223372036854775809", false, 0},
    {"huge", "99999999999999999999999", false, 0},
    {"empty", "", false, 0},
    {"sign alone", "-", false, 0},
    {"double sign", "--1", false, 0},
    {"trailing junk", "10s", false, 0},
    {"leading junk", "x10", false, 0},
    {"trailing space", "10 ", false, 0},
    {"leading space", " 10", false, 0},
    {"decimal point", "1.5", false, 0},
    {"hex", "0x10", false, 0},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_DATA_TEST_CASE(trim, bdata::make(trim_cases), c)
{
    BOOST_TEST(std::string(mpb::trim(c.in)) == c.out);
}

BOOST_DATA_TEST_CASE(split_words, bdata::make(words_cases), c)
{
    auto got = mpb::split_words(c.in);
    BOOST_TEST(got == c.out, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(split_lines, bdata::make(lines_cases), c)
{
    std::vector<std::string> got;
    for (auto l : mpb::split_lines(c.in))
        got.emplace_back(l);
    BOOST_TEST(got == c.out, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(quoted, bdata::make(quoted_cases), c)
{
    BOOST_TEST(mpb::quoted(c.in) == c.out);
}

BOOST_DATA_TEST_CASE(parse_int, bdata::make(int_cases), c)
{
    long long v = 12345;
    bool ok = mpb::parse_int(c.in, v);
    BOOST_TEST(ok == c.ok);
    if (c.ok)
        BOOST_TEST(v == c.value);
}

BOOST_AUTO_TEST_CASE(starts_with)
{
    BOOST_TEST(mpb::starts_with("nvme0n1", "nvme"));
    BOOST_TEST(mpb::starts_with("sda", ""));
    BOOST_TEST(mpb::starts_with("sd", "sd"));
    BOOST_TEST(!mpb::starts_with("sd", "sda"));
    BOOST_TEST(!mpb::starts_with("dasda", "sd"));
}

BOOST_AUTO_TEST_CASE(quoted_values_stay_short)
{
    BOOST_TEST(mpb::quoted(std::string(80, 'x')) == "\"" + std::string(80, 'x') + "\"");
    BOOST_TEST(mpb::quoted(std::string(900000, 'x')) == "\"" + std::string(80, 'x') + "\"... (900000 bytes)");
    BOOST_TEST(mpb::quoted("a\nb") == "\"a\\x0ab\"");
}

// A device's vendor and model end up in lines that people and scripts
// read: a newline in them must not make a second line, nor an escape
// sequence reach a terminal.
BOOST_AUTO_TEST_CASE(printable_escapes_control_characters_only)
{
    BOOST_TEST(mpb::printable("QEMU HARDDISK,\"x\"\\") == "QEMU HARDDISK,\"x\"\\");
    BOOST_TEST(mpb::printable("QE\nMU") == "QE\\x0aMU");
    BOOST_TEST(mpb::printable("X\x1b[31mY\x7f") == "X\\x1b[31mY\\x7f");
    BOOST_TEST(mpb::printable("d\xc3\xa9j\xc3\xa0") == "d\xc3\xa9j\xc3\xa0");
}

BOOST_AUTO_TEST_SUITE_END()

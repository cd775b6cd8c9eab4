// SPDX-License-Identifier: GPL-2.0-or-later
// Hex digits: bytes to lowercase hex text, one byte as "0xNN", digit tests,
// and hex text (as snapshots keep VPD pages) back to bytes.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/hex.hh"

namespace bdata = boost::unit_test::data;

namespace {

// ----- bytes to text ------------------------------------------------------

struct ToTextCase {
    const char* name;
    std::string bytes;
    std::string text;  // hex_text
};

std::ostream& operator<<(std::ostream& os, const ToTextCase& c) { return os << c.name; }

const ToTextCase to_text_cases[] = {
    {"empty", "", ""},
    {"NUL", std::string(1, '\0'), "00"},
    {"VPD header", std::string("\x00\x83\x00\x0c", 4), "0083000c"},
    {"lowercase only", "\xde\xad\xbe\xef", "deadbeef"},
    {"ASCII", "AB", "4142"},
    {"top bit and DEL", "\xff\x7f\x80", "ff7f80"},
};

struct ByteCase {
    unsigned char byte;
    std::string pair;  // hex_pair
    std::string shown; // hex_byte
};

std::ostream& operator<<(std::ostream& os, const ByteCase& c) { return os << c.shown; }

const ByteCase byte_cases[] = {
    {0x00, "00", "0x00"}, {0x09, "09", "0x09"}, {0x0a, "0a", "0x0a"},
    {0x7f, "7f", "0x7f"}, {0x80, "80", "0x80"}, {0xff, "ff", "0xff"},
};

// ----- digits ---------------------------------------------------------------

struct DigitCase {
    char c;
    std::optional<unsigned> value;
};

std::ostream& operator<<(std::ostream& os, const DigitCase& c) { return os << int(c.c); }

const DigitCase digit_cases[] = {
    {'0', 0u}, {'9', 9u}, {'a', 10u}, {'f', 15u}, {'A', 10u}, {'F', 15u},
    {'g', std::nullopt}, {'G', std::nullopt}, {'x', std::nullopt}, {'/', std::nullopt},
    {':', std::nullopt}, {'@', std::nullopt}, {'`', std::nullopt}, {' ', std::nullopt},
    {'\0', std::nullopt}, {'\xff', std::nullopt},
};

// ----- text to bytes ------------------------------------------------------

struct FromTextCase {
    std::string name;
    std::string hex;
    std::string value;
    std::string reason;  // "" when it parses
};

std::ostream& operator<<(std::ostream& os, const FromTextCase& c) { return os << c.name; }

FromTextCase gives(std::string name, std::string hex, std::string value)
{
    return {std::move(name), std::move(hex), std::move(value), {}};
}

FromTextCase fails(std::string name, std::string hex, std::string reason)
{
    return {std::move(name), std::move(hex), {}, std::move(reason)};
}

// Bytes shown as hex by hand (not by the code under test), so a mismatch
// is readable.
std::string outcome(const mpb::Result<std::string>& r)
{
    if (!r)
        return "reason: " + r.error();
    static constexpr char digits[] = "0123456789abcdef";
    std::string shown = "value:";
    for (unsigned char b : r.value()) {
        shown += ' ';
        shown += digits[b >> 4];
        shown += digits[b & 0xf];
    }
    return shown;
}

const std::vector<FromTextCase> from_text_cases = {
    gives("lowercase", "0083000c", std::string("\x00\x83\x00\x0c", 4)),
    gives("uppercase", "DEADBEEF", "\xde\xad\xbe\xef"),
    gives("mixed case", "aBcD", "\xab\xcd"),
    gives("whitespace between pairs", " 00 83\n00\t0c\r\n", std::string("\x00\x83\x00\x0c", 4)),
    gives("sg_vpd style groups", "0080 0004 4142 4344", std::string("\x00\x80\x00\x04" "ABCD", 8)),
    gives("empty", "", ""),
    gives("whitespace only", " \n", ""),
    fails("non-hex letter", "0083g0", "invalid hex digit 'g' at offset 4"),
    fails("0x prefix", "0x83", "invalid hex digit 'x' at offset 1"),
    fails("control character", std::string("00\x01", 3), "invalid hex digit 0x01 at offset 2"),
    fails("NUL", std::string("00\0" "0", 4), "invalid hex digit 0x00 at offset 2"),
    fails("odd digit count", "008", "odd number of hex digits (unpaired digit at offset 2)"),
    fails("whitespace splitting a pair", "0 083", "whitespace inside the hex byte at offset 0"),
};

}  // namespace

BOOST_AUTO_TEST_SUITE(hex)

BOOST_DATA_TEST_CASE(bytes_to_text, bdata::make(to_text_cases), c)
{
    BOOST_TEST(mpb::hex_text(c.bytes) == c.text);
    auto back = mpb::bytes_from_hex(c.text);
    BOOST_TEST_REQUIRE(bool(back));
    BOOST_TEST(back.value() == c.bytes);
}

BOOST_DATA_TEST_CASE(one_byte, bdata::make(byte_cases), c)
{
    BOOST_TEST(mpb::hex_pair(c.byte) == c.pair);
    BOOST_TEST(mpb::hex_byte(c.byte) == c.shown);
}

BOOST_DATA_TEST_CASE(digits, bdata::make(digit_cases), c)
{
    BOOST_TEST((mpb::hex_digit_value(c.c) == c.value));
    BOOST_TEST(mpb::is_hex_digit(c.c) == c.value.has_value());
}

BOOST_DATA_TEST_CASE(text_to_bytes, bdata::make(from_text_cases), c)
{
    const std::string want = c.reason.empty() ? outcome(mpb::Result<std::string>::ok(c.value))
                                              : "reason: " + c.reason;
    BOOST_TEST(outcome(mpb::bytes_from_hex(c.hex)) == want);
}

// Any text gives bytes (at most one per two characters) or a reason.
BOOST_AUTO_TEST_CASE(random_text_is_handled)
{
    std::mt19937 rng(7);
    static const std::string_view alphabet = "0123456789abcdefABCDEF \n\tgx";
    std::uniform_int_distribution<std::size_t> length(0, 40), pick(0, alphabet.size() - 1);
    for (int i = 0; i < 2000; ++i) {
        std::string hex(length(rng), ' ');
        for (char& c : hex)
            c = alphabet[pick(rng)];
        const auto r = mpb::bytes_from_hex(hex);
        const bool ok = r ? r->size() * 2 <= hex.size() : !r.error().empty();
        BOOST_TEST(ok, "input \"" << hex << "\"");
    }
}

BOOST_AUTO_TEST_SUITE_END()

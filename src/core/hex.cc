// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/hex.hh"

namespace mpb {

namespace {

constexpr char digits[] = "0123456789abcdef";

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Quoted when printable, else as 0x.., so the reason stays on one line.
std::string shown_char(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u > ' ' && u < 0x7f)
        return std::string{'\'', c, '\''};
    return hex_byte(u);
}

}  // namespace

std::string hex_pair(unsigned char byte) { return {digits[byte >> 4], digits[byte & 0xf]}; }

std::string hex_byte(unsigned char byte) { return "0x" + hex_pair(byte); }

std::string hex_text(std::string_view bytes)
{
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (unsigned char b : bytes)
        hex += hex_pair(b);
    return hex;
}

bool is_hex_digit(char c) { return hex_digit_value(c).has_value(); }

std::optional<unsigned> hex_digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f')
        return static_cast<unsigned>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return static_cast<unsigned>(c - 'A' + 10);
    return std::nullopt;
}

Result<std::string> bytes_from_hex(std::string_view hex)
{
    std::string bytes;
    int high = -1;  // first digit of the pair being read, -1 between pairs
    std::size_t high_offset = 0;
    for (std::size_t i = 0; i < hex.size(); ++i) {
        if (is_space(hex[i])) {
            if (high >= 0)
                return Result<std::string>::fail("whitespace inside the hex byte at offset " +
                                                 std::to_string(high_offset));
            continue;
        }
        const auto value = hex_digit_value(hex[i]);
        if (!value)
            return Result<std::string>::fail("invalid hex digit " + shown_char(hex[i]) +
                                             " at offset " + std::to_string(i));
        if (high < 0) {
            high = static_cast<int>(*value);
            high_offset = i;
        } else {
            bytes += static_cast<char>(static_cast<unsigned>(high) << 4 | *value);
            high = -1;
        }
    }
    if (high >= 0)
        return Result<std::string>::fail("odd number of hex digits (unpaired digit at offset " +
                                         std::to_string(high_offset) + ")");
    return Result<std::string>::ok(std::move(bytes));
}

}  // namespace mpb

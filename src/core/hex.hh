// SPDX-License-Identifier: GPL-2.0-or-later
// Hex digits in one place: bytes shown as lowercase hex (VPD pages in
// snapshots, WWIDs from binary designators, bytes in messages) and hex
// text read back into bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hh"

namespace mpb {

// "3f": the two lowercase hex digits of one byte.
std::string hex_pair(unsigned char byte);

// "0x3f": one byte as messages show it.
std::string hex_byte(unsigned char byte);

// "00830a": every byte as its two lowercase digits, nothing between.
std::string hex_text(std::string_view bytes);

// 0-9, a-f, A-F.
bool is_hex_digit(char c);

// The value of one hex digit (either case); nullopt for anything else.
std::optional<unsigned> hex_digit_value(char c);

// "0083000c..." (as stored in snapshots) to bytes; whitespace between byte
// pairs is allowed. Fails with a reason on odd length or non-hex characters.
Result<std::string> bytes_from_hex(std::string_view hex);

}  // namespace mpb

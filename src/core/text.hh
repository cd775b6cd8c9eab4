// SPDX-License-Identifier: GPL-2.0-or-later
// Small string helpers shared by the core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpb {

std::string_view trim(std::string_view s);
// Splits on runs of spaces and tabs; no empty words.
std::vector<std::string> split_words(std::string_view s);
// Lines without their terminator; a final "\r" is dropped (CRLF files).
std::vector<std::string_view> split_lines(std::string_view text);

// `text` with the whole lines `lines` appended, a missing final newline
// supplied first; an empty `text` becomes `header` then `lines`. Nothing to
// append gives `text` back unchanged, so callers can tell that nothing changed.
std::string with_appended_lines(std::string_view text, std::string_view lines, std::string_view header);
bool starts_with(std::string_view s, std::string_view prefix);
// Quotes a user-supplied value for a message: "value", with control
// characters shown as \xNN and '"' and '\' escaped, so a message stays one
// line whatever the input holds; beyond max_quoted bytes it is cut,
// "first bytes"... (N bytes), so that a message stays short too.
inline constexpr std::size_t max_quoted = 80;
std::string quoted(std::string_view s);
// `s` with control characters shown as \xNN and nothing else changed: for a
// device's own strings (vendor, model) in lines people and parsers read.
std::string printable(std::string_view s);
// Parses a whole decimal integer; nullopt-like false on junk or overflow.
bool parse_int(std::string_view s, long long& out);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/text.hh"

#include <charconv>

#include "core/hex.hh"

namespace mpb {

std::string_view trim(std::string_view s)
{
    const char* ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos)
        return {};
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split_words(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
        std::size_t b = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t')
            ++i;
        if (i > b)
            out.emplace_back(s.substr(b, i - b));
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t b = 0;
    while (b < text.size()) {
        auto e = text.find('\n', b);
        if (e == std::string_view::npos)
            e = text.size();
        auto line = text.substr(b, e - b);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        out.push_back(line);
        b = e + 1;
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

std::string printable(std::string_view s)
{
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7f)
            out += "\\x" + hex_pair(c);
        else
            out += static_cast<char>(c);
    }
    return out;
}

std::string quoted(std::string_view s)
{
    std::string out = "\"";
    for (unsigned char c : s.substr(0, max_quoted)) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
            out += "\\x" + hex_pair(c);
        } else {
            out += static_cast<char>(c);
        }
    }
    out += "\"";
    if (s.size() > max_quoted)
        out += "... (" + std::to_string(s.size()) + " bytes)";
    return out;
}

bool parse_int(std::string_view s, long long& out)
{
    if (s.empty())
        return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

std::string with_appended_lines(std::string_view text, std::string_view lines, std::string_view header)
{
    std::string out(text);
    if (lines.empty())
        return out;
    if (out.empty())
        out = header;
    else if (out.back() != '\n')
        out += '\n';
    out += lines;
    return out;
}

}  // namespace mpb

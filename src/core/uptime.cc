// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/uptime.hh"

#include "core/text.hh"

namespace mpb {

std::string format_uptime(long long ms)
{
    auto frac = std::to_string(ms % 1000);
    return std::to_string(ms / 1000) + "." + std::string(3 - frac.size(), '0') + frac + "\n";
}

std::optional<long long> parse_uptime(std::string_view text)
{
    auto t = trim(text);
    auto dot = t.find('.');
    long long s = -1, ms = -1;
    if (dot == std::string_view::npos || t.size() != dot + 4 || !parse_int(t.substr(0, dot), s) ||
        !parse_int(t.substr(dot + 1), ms) || s < 0 || ms < 0)
        return std::nullopt;
    return s * 1000 + ms;
}

Result<long long> parse_whole_seconds(std::string_view text)
{
    long long s = -1;
    if (!parse_int(text, s) || s < 0 || s > 1000000000)
        return Result<long long>::fail(quoted(text) + " is not a whole number of seconds");
    return Result<long long>::ok(s * 1000);
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// Times on the boot's monotonic clock as the wait keeps them: seconds with
// three decimals, as /proc/uptime shows them ("12.345").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hh"

namespace mpb {

// "12.345\n" for 12345 ms.
std::string format_uptime(long long ms);

// The time of a line format_uptime wrote (surrounding white space
// allowed), in ms; nullopt for anything else.
std::optional<long long> parse_uptime(std::string_view text);

// A whole number of seconds as given on a command line ("--now 42"), from
// 0 to 10^9, in ms; the error quotes the text.
Result<long long> parse_whole_seconds(std::string_view text);

}  // namespace mpb

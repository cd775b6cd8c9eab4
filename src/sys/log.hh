// SPDX-License-Identifier: GPL-2.0-or-later
// Messages for people: stderr, prefixed with the program name; in the
// initramfs also the kernel log (/dev/kmsg) with a syslog priority.
#pragma once

#include <string>

namespace mpb {

// syslog priorities, for /dev/kmsg.
enum class LogLevel { error = 3, warning = 4, info = 6, debug = 7 };

struct Logger {
    int verbosity = 1;  // 0: errors only (-q), 1: + warnings, 2: + info (-v), 3: + debug (-vv)
    bool kmsg = false;  // also write to /dev/kmsg
    const char* program = "mpath-boot";  // the prefix of every line

    void log(LogLevel level, const std::string& text) const;
    void error(const std::string& t) const { log(LogLevel::error, t); }
    void warning(const std::string& t) const { log(LogLevel::warning, t); }
    void info(const std::string& t) const { log(LogLevel::info, t); }
};

}  // namespace mpb

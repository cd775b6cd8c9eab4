// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot's own settings file, /etc/mpath-boot.conf: how long the
// initramfs waits for paths, whether maps are renamed at the handover, how
// much is logged. INI text in (section [boot]), typed settings out; every
// problem is a warning with file and line, and that key keeps its value.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hh"

namespace mpb {

// The message levels a person can choose; the numbers are Logger's
// verbosity (sys/log.hh): 0 errors only, 1 + warnings, 2 + info, 3 + debug.
enum class BootLogLevel { error = 0, warning = 1, info = 2, debug = 3 };

inline constexpr int default_path_wait = 30;
inline constexpr int max_path_wait = 3600;
// SCSI commands a prioritizer sends (REPORT TARGET PORT GROUPS, vendor
// pages): at most 1 s by default, so a path that does not answer cannot
// hold up the boot.
inline constexpr int default_scsi_timeout_ms = 1000;
inline constexpr int max_scsi_timeout_ms = 60000;

struct BootSettings {
    // Seconds the initramfs waits for a path of each WWID of the wwids
    // file (mpath-boot wait); 0: it does not wait.
    int path_wait = default_path_wait;
    // Whether the handover renames maps to the names the real root expects.
    bool rename_at_handover = true;
    // Milliseconds each SCSI command of a prioritizer may take.
    int scsi_timeout_ms = default_scsi_timeout_ms;
    BootLogLevel log_level = BootLogLevel::warning;
    // Where path_wait was set, "FILE:LINE"; "" for the built-in default.
    std::string path_wait_set_at;
    Diagnostics diagnostics;  // the file is used as far as it can be
};

// `filename` names the text in messages: "/etc/mpath-boot.conf:3: warning:
// invalid value "abc" for "path_wait": expected ...; ignored". Comments
// start with '#' or ';' at the start of a line (';' also after a value);
// leading blanks are ignored, so a value never continues on the next line;
// the last valid value of a key wins.
BootSettings parse_boot_settings(std::string_view text, const std::string& filename);

// The Logger verbosity that shows messages up to `level`.
inline int verbosity_of(BootLogLevel level) { return static_cast<int>(level); }

const char* to_string(BootLogLevel level);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// What the kernel command line (/proc/cmdline) says to mpath-boot in the
// initramfs: whether it is turned off, and how long to wait for paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boot_settings.hh"
#include "core/diagnostic.hh"

namespace mpb {

// One parameter as the kernel splits the line (next_arg() in lib/cmdline.c):
// words end at white space outside double quotes; a quote opening the word
// or the value and the quote ending the word are removed, so
// `rd.x="a b"` and `"rd.x=a b"` are both rd.x with the value "a b".
struct CmdlineParam {
    std::string name;
    std::optional<std::string> value;  // nullopt: no '='
};

std::vector<CmdlineParam> split_cmdline(std::string_view text);

struct KernelCmdline {
    // Turned off by the switches the udev rules honour too: rd.mpath_boot=0,
    // rd.multipath=0, multipath=off, nompath (with any value or none).
    bool disabled = false;
    std::string disabled_by;            // the parameter as written: "rd.multipath=0"
    std::optional<int> wait;            // rd.mpath_boot.wait: seconds, 0..max_path_wait
    std::optional<int> timeout;         // rd.timeout: seconds; 0, dracut's default, is forever
    Diagnostics diagnostics;            // bad numbers; the parameter is then as if absent
};

// The last occurrence of a parameter wins. `source` names the text in
// messages: "/proc/cmdline: warning: invalid value "x" for rd.timeout: ...".
KernelCmdline parse_kernel_cmdline(std::string_view text, const std::string& source);

struct PathWait {
    int seconds = 0;     // 0: do not wait
    std::string reason;  // the bound that applied: "path_wait = 30 (built-in default)", ...
};

// rd.mpath_boot.wait when given, else path_wait; rd.timeout caps it unless
// it is 0 (forever). The reason names the bound that applied.
PathWait effective_path_wait(const BootSettings& s, const KernelCmdline& k);

}  // namespace mpb

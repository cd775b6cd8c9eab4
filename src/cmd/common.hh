// SPDX-License-Identifier: GPL-2.0-or-later
// What several subcommands do the same way: the configuration and state
// files, logging diagnostics, device-name arguments.
#pragma once

#include <string>

#include "cmd/options.hh"
#include "core/boot_settings.hh"
#include "core/config.hh"
#include "core/diagnostic.hh"
#include "core/result.hh"
#include "sys/config_files.hh"
#include "sys/log.hh"

namespace mpb {

// A broken file can have a warning a line: the first ones say what is
// wrong, the rest are counted, so that a udev event logs a screenful.
inline constexpr std::size_t max_shown_warnings = 20;

// Logs every error and the first max_shown_warnings warnings.
void report(const Logger& log, const Diagnostics& ds);

// `log` at the log_level of mpath-boot.conf, unless -v or -q was given.
Logger with_log_level(const Logger& log, const CliOptions& o, const BootSettings& s);

struct Inputs {
    Config config;
    StateFiles state;
};

// multipath.conf, conf.d, bindings and wwids as the global options name
// them; every problem is logged, none is fatal.
Inputs read_inputs(const FileSource& files, const CliOptions& o, const Logger& log);

// "sda" from "sda" or "/dev/sda"; fails for anything that is not a plain
// kernel name, so it can never point outside /sys/class/block.
Result<std::string> kernel_name_arg(const std::string& command, const std::string& arg);

}  // namespace mpb

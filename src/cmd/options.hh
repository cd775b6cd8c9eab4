// SPDX-License-Identifier: GPL-2.0-or-later
// Command-line options shared by every subcommand.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hh"

namespace mpb {

// Where multipath-tools' files are: --config, --config-dir and --state-dir,
// options of both mpath-boot and mpath-boot-ks.
struct MultipathPaths {
    std::string config = "/etc/multipath.conf";
    std::string config_dir = "/etc/multipath/conf.d";
    std::string state_dir = "/etc/multipath";
};

// The field option `name` sets; nullptr for any other option.
std::string* multipath_path_slot(MultipathPaths& p, std::string_view name);

struct CliOptions : MultipathPaths {
    std::string settings = "/etc/mpath-boot.conf";  // mpath-boot's own settings
    int verbosity = 1;
    bool verbosity_set = false;       // -v or -q given: log_level of the settings does not apply
    bool help = false;
    bool version = false;
    std::set<std::string> given;      // the valued global options given ("--state-dir")
    std::string command;              // first non-option word
    std::vector<std::string> args;    // everything after it that is not a global option
};

// Global options may stand before or after the command. Fails with a
// one-line reason naming the option at fault.
Result<CliOptions> parse_cli(int argc, char** argv);

}  // namespace mpb

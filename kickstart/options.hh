// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot-ks's command line.
#pragma once

#include <string>

#include "cmd/options.hh"
#include "core/result.hh"

namespace mpb::ks {

struct KsOptions : MultipathPaths {
    std::string kickstart;  // --kickstart FILE (required)
    std::string sysroot;    // --sysroot DIR (required)
    std::string replay;     // --replay SNAPSHOT: "" for the live system
    bool dry_run = false;
    bool check = false;
    bool help = false;
    bool version = false;
    int verbosity = 1;
};

// Options take "--x V" or "--x=V". Fails with a one-line reason naming the
// argument at fault: unknown, missing value, given twice, --dry-run with
// --check, a required option missing, a positional argument.
Result<KsOptions> parse_ks_options(int argc, char** argv);

}  // namespace mpb::ks

// SPDX-License-Identifier: GPL-2.0-or-later
// The installed system's multipath files that a kickstart and the
// installer's own files make: whole texts, checked for consistency before
// anything is written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/config.hh"
#include "core/snapshot.hh"
#include "kickstart/consistency.hh"
#include "kickstart/kickstart.hh"

namespace mpb::ks {

// The installer's (the running system's) multipath files.
struct RunningFiles {
    std::vector<ConfigText> config;         // the main file when it exists, then conf.d's *.conf in order
    std::optional<std::string> bindings;    // nullopt: missing
    std::optional<std::string> wwids;
    std::string bindings_file, wwids_file;  // as messages name them
};

struct PlannedFile {
    const char* path = nullptr;       // inside the sysroot: conf_path, wwids_path, ...
    std::string text;                 // the whole new file
    unsigned mode = 0644;
    unsigned dir_mode = 0755;         // for missing directories: etc/multipath is 0700, as multipath-tools makes it
    std::vector<std::string> added;   // "wwid 3600...", "binding sanroot 3600...", for the report
};

struct Plan {
    std::vector<PlannedFile> files;   // multipath.conf, wwids, bindings, the dracut snippet
    std::vector<std::string> notes;   // decisions worth a line with -v
    Diagnostics diagnostics;          // with an error, nothing may be written
};

// `installed` holds the sysroot's directory and its fstab and crypttab,
// which the names of the planned files must serve.
Plan plan_sysroot(const Kickstart& ks, const Snapshot& topology, const RunningFiles& running,
                  const InstalledTexts& installed);

// What --check reports of the installed system as it is: one line each.
std::vector<std::string> check_sysroot(const Kickstart& ks, const Snapshot& topology,
                                       const RunningFiles& running, const InstalledTexts& installed);

}  // namespace mpb::ks

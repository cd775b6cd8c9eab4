// SPDX-License-Identifier: GPL-2.0-or-later
// The commands of a kickstart file that mpath-boot-ks acts on, one command
// line at a time, into the Kickstart being read (reader.cc feeds them).
#pragma once

#include <string>
#include <vector>

#include "kickstart/kickstart.hh"

namespace mpb::ks {

// One command: its words (the name first) and where it stands.
struct Command {
    std::vector<std::string> words;
    Place at;
};

// Appends an error or a warning at `at` to ks.diagnostics.
void report(Kickstart& ks, Severity s, const Place& at, const std::string& what);

// mpath --wwid --alias | --friendly-names | --find-multipaths |
// --no-path-retry | --blacklist-wwid | --blacklist-devnode |
// --blacklist-exception-wwid (mpath.cc).
void read_mpath(const Command& c, Kickstart& ks);

// The legacy multipath --name --device [--rule] (mpath.cc).
void read_legacy_multipath(const Command& c, Kickstart& ks);

// Disk references of ignoredisk, clearpart, part, partition, logvol, raid
// and bootloader; false when `c` is none of these (disks.cc).
bool read_disk_refs(const Command& c, Kickstart& ks);

}  // namespace mpb::ks

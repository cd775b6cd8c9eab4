// SPDX-License-Identifier: GPL-2.0-or-later
// What a kickstart file asks of multipath storage, as mpath-boot-ks reads it
// (reader.hh), and what it turns into in the installed system (plan.hh).
// Pure data: no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hh"

namespace mpb::ks {

// Where a directive stands: the file as the reader names it, 1-based line
// (the first line of a continued line).
struct Place {
    std::string file;
    int line = 0;
    std::string str() const { return file + ":" + std::to_string(line); }
};

template <class T>
struct At {
    T value;
    Place at;
};

// mpath --wwid=WWID --alias=NAME, or a legacy multipath --name group.
struct Alias {
    std::string wwid;
    std::string alias;
    Place at;
};

// A legacy `multipath --name=NAME --device=DEV [--rule=RULE]` group: the
// lines with the same --name; its WWID is DEV's, through the topology.
struct LegacyMap {
    std::string name;
    std::vector<At<std::string>> devices;  // as written: "sdb", "/dev/sdb", "disk/by-id/..."
    Place at;                              // the group's first line
};

// A disk named by an installation command: "disk/by-id/scsi-WWID",
// "/dev/mapper/mpatha", "mpatha", "sdb", ...
struct DiskRef {
    std::string text;     // as written, one item of a comma-separated list
    std::string command;  // "ignoredisk --only-use", "part --ondisk", ...
    Place at;
};

struct Kickstart {
    std::vector<Alias> aliases;                       // mpath --wwid --alias, in file order
    std::vector<LegacyMap> legacy;                    // multipath --name groups, in file order
    std::optional<At<bool>> friendly_names;           // mpath --friendly-names=yes|no
    std::optional<At<std::string>> find_multipaths;   // strict|yes|greedy|smart|off
    std::optional<At<std::string>> no_path_retry;     // N|queue|fail
    std::vector<At<std::string>> blacklist_wwids;
    std::vector<At<std::string>> blacklist_devnodes;  // regular expressions, as written
    std::vector<At<std::string>> blacklist_exception_wwids;
    std::vector<DiskRef> disks;                       // every disk reference, in file order
    // Warnings (a deprecated directive, with what to write instead) and
    // errors, each "FILE:LINE: error|warning: what". With an error nothing
    // may be written.
    Diagnostics diagnostics;
};

}  // namespace mpb::ks

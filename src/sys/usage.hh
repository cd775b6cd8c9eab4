// SPDX-License-Identifier: GPL-2.0-or-later
// What the running system uses block devices for: mounts and active swap.
// A device in use is never claimed as a path.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/snapshot.hh"

namespace mpb {

struct DeviceUsage {
    std::map<std::string, std::vector<std::string>> mounts;  // "MAJ:MIN" -> mount points
    std::set<std::string> swap;                              // "MAJ:MIN" of active swap devices
};

// The MAJ:MIN and mount point fields of /proc/self/mountinfo lines, octal
// escapes ("\040") decoded.
std::map<std::string, std::vector<std::string>> parse_mountinfo(std::string_view text);

// The file names of /proc/swaps (first column after the header), "\040" decoded.
std::vector<std::string> parse_swaps(std::string_view text);

// Reads /proc/self/mountinfo and /proc/swaps (swap files resolved to their
// block devices by stat). Unreadable files count as "nothing in use".
DeviceUsage read_usage();

void apply_usage(BlockDevice& d, const DeviceUsage& u);
void apply_usage(DmMap& m, const DeviceUsage& u);

}  // namespace mpb

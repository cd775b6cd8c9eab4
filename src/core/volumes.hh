// SPDX-License-Identifier: GPL-2.0-or-later
// The machine by volume: the disks that show each WWID, which of them are
// paths, which are left out and why, what uses them, and the map that has
// them. What diagnose's report and findings both read.
#pragma once

#include <string>
#include <vector>

#include "core/config.hh"
#include "core/snapshot.hh"

namespace mpb {

struct DeviceNote {
    std::string device;
    std::string why;
};

struct Volume {
    std::string wwid;
    std::vector<std::string> disks;      // every disk showing it, snapshot order
    std::vector<std::string> paths;      // those evaluate_path takes
    std::vector<DeviceNote> not_paths;   // the others: why (blacklist rule, file:line, ...)
    std::vector<DeviceNote> in_use;      // paths in use: what uses them
    const DmMap* map = nullptr;          // the map with dm UUID mpath-WWID
};

// One entry per WWID shown by a disk (not a partition), in the order the
// disks come; disks without a WWID are left out.
std::vector<Volume> volumes_of(const Snapshot& snap, const Config& cfg);

// The volume of `wwid`, nullptr for none.
const Volume* find_volume(const std::vector<Volume>& volumes, const std::string& wwid);

// The volume a device (disk or partition) belongs to, nullptr for none.
const Volume* volume_of_device(const std::vector<Volume>& volumes, const Snapshot& snap,
                               const std::string& device);

}  // namespace mpb

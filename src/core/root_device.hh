// SPDX-License-Identifier: GPL-2.0-or-later
// The root file system as a boot names it and as the machine has it: what
// root= (or fstab's "/") names, what that resolves to among the snapshot's
// devices and maps, and what is mounted as root now.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/snapshot.hh"

namespace mpb {

struct RootSpec {
    std::string spec;    // "UUID=...", "/dev/mapper/mpatha-part1"; "" when nothing names root
    std::string source;  // "kernel command line", "/etc/fstab:3"
};

// root= of the kernel command line (the last one counts).
RootSpec root_from_cmdline(std::string_view cmdline);

// The "/" entry of fstab text; `file` names it in the source.
RootSpec root_from_fstab(std::string_view fstab, const std::string& file);

// What a spec resolves to now: kernel names of block devices ("sda1") and
// names of dm maps ("mpatha-part1"), each once.
struct RootTarget {
    std::vector<std::string> devices;
    std::vector<std::string> maps;
    bool empty() const { return devices.empty() && maps.empty(); }
};

// UUID=, LABEL=, PARTUUID=, PARTLABEL= (udev properties of the devices),
// /dev/mapper/NAME, /dev/dm-N, /dev/NAME and udev symlinks (DEVLINKS).
// Maps carry no udev properties in a snapshot, so a file system UUID
// finds only the raw devices that show it.
RootTarget resolve_root(const RootSpec& spec, const Snapshot& snap);

// What is mounted at `mountpoint`: a block device or a map.
struct RootMount {
    std::string device;  // kernel name, "" when a map
    const DmMap* map = nullptr;
    bool found() const { return !device.empty() || map; }
};

RootMount mounted_at(const Snapshot& snap, std::string_view mountpoint);

}  // namespace mpb

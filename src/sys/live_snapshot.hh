// Snapshots of the running system, in the shape --replay reads.
#pragma once

#include <map>
#include <string>

#include "core/result.hh"
#include "core/snapshot.hh"
#include <vector>

namespace mpb {

// Disk `name` with `properties` (udev's), its partitions and the dm maps as
// sysfs lists them: what decides one device without enumerating the others.
Result<Snapshot> device_snapshot(const std::string& name,
                                 const std::map<std::string, std::string>& properties);

// Every block device (libudev) with `maps` and the kernel command line.
Result<Snapshot> system_snapshot(std::vector<DmMap> maps);

// The dm devices under /sys/class/block: names, UUIDs, device numbers.
std::vector<DmMap> sysfs_dm_maps();

}  // namespace mpb

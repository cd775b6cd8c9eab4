// SPDX-License-Identifier: GPL-2.0-or-later
// Block devices as udev knows them: properties from the udev database,
// sysfs facts from sysfs.hh, usage from usage.hh.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.hh"
#include "core/snapshot.hh"
#include "sys/usage.hh"

namespace mpb {

// Every block device of subsystem "block" in udev's order (disks before
// their partitions). Fails only when libudev cannot be used at all.
Result<std::vector<BlockDevice>> enumerate_block_devices(const DeviceUsage& usage);

// The udev properties handed to an IMPORT{program} callout: its environment.
std::map<std::string, std::string> properties_from_environment(char** envp);

}  // namespace mpb

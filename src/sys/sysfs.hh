// SPDX-License-Identifier: GPL-2.0-or-later
// What sysfs says about one block device: the facts a snapshot holds apart
// from udev properties. Reads only that device's directory.
#pragma once

#include <string>
#include <vector>

#include "core/result.hh"
#include "core/snapshot.hh"

namespace mpb {

// `name` is a kernel name ("sda", "sda1"); `sys` the sysfs mount point.
// Fails only when the device does not exist or its "dev" cannot be read;
// attributes a device does not have are left out.
Result<BlockDevice> read_sysfs_device(const std::string& name, const std::string& sys = "/sys");

// Adds to SCSI disk `d` what prioritizers and group_by_node_name read from
// sysfs (docs/snapshot.md): access_state, preferred_path, inquiry,
// tgt_node_name, host_adapter. Not read by read_sysfs_device, which the udev callout uses.
void read_priority_attrs(BlockDevice& d, const std::string& sys = "/sys");

// The kernel name of block device "MAJ:MIN" (/sys/dev/block), "" when none.
std::string kernel_name_of(const std::string& devnum, const std::string& sys = "/sys");

// Kernel names of every block device, /sys/class/block.
std::vector<std::string> block_device_names(const std::string& sys = "/sys");

// Kernel names of the partitions of disk `name` ("sda1", "sda2").
// The kernel names in /sys/class/block/NAME/holders.
std::vector<std::string> holders_of(const std::string& name, const std::string& sys = "/sys");

std::vector<std::string> partitions_of(const std::string& name, const std::string& sys = "/sys");

// A dm device as sysfs shows it (name, UUID, device number; no table):
// enough to tell whether a holder is a multipath map.
Result<DmMap> read_sysfs_dm(const std::string& kernel_name, const std::string& sys = "/sys");

// The transport as multipath-tools names it ("scsi:fcp", "scsi:iscsi",
// "scsi:sas", "scsi:unspec", "nvme:tcp", "ccw"), from the resolved sysfs path
// of the device and, for NVMe, its controller's "transport"; "" when unknown.
std::string protocol_from_path(const std::string& device_path, const std::string& nvme_transport);

}  // namespace mpb

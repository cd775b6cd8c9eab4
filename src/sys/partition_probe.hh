// SPDX-License-Identifier: GPL-2.0-or-later
// The partition table of a block device, read with libblkid.
#pragma once

#include <string>
#include <vector>

#include "core/partition_maps.hh"
#include "core/result.hh"

namespace mpb {

// Partitions of `devnode` in 512-byte sectors. Extended (container)
// partitions are left out: they hold no data of their own. No table is an
// empty list, not an error.
Result<std::vector<PartitionSpan>> probe_partitions(const std::string& devnode);

}  // namespace mpb

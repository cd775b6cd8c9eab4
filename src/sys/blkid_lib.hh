// SPDX-License-Identifier: GPL-2.0-or-later
// libblkid, loaded when a command first reads a partition table
// (dynlib.hh): assemble and handover do, the udev callout never does, and
// linked in it would be a fifth of the binary.
#pragma once

#include <blkid/blkid.h>

#include "core/result.hh"
#include "sys/dynlib.hh"

namespace mpb {

#define MPB_BLKID_FUNCTIONS(X)                                                                   \
    X(blkid_new_probe) X(blkid_free_probe) X(blkid_probe_set_device)                              \
    X(blkid_probe_enable_superblocks) X(blkid_probe_enable_partitions)                            \
    X(blkid_probe_set_partitions_flags) X(blkid_do_safeprobe) X(blkid_probe_get_partitions)       \
    X(blkid_partlist_numof_partitions) X(blkid_partlist_get_partition)                            \
    X(blkid_partition_is_extended) X(blkid_partition_get_partno) X(blkid_partition_get_start)     \
    X(blkid_partition_get_size)

struct BlkidLib {
    MPB_BLKID_FUNCTIONS(MPB_DYNLIB_POINTER)
};

// Loaded once per process; the error says why it could not be.
const Result<BlkidLib>& blkid_lib();

}  // namespace mpb

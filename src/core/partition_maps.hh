// SPDX-License-Identifier: GPL-2.0-or-later
// Partition maps on top of a multipath map, named and identified as
// multipath-tools' udev rules have kpartx make them (`kpartx -un -p -part`):
// name "<map>-part<N>", dm UUID "part<N>-<map UUID>" = "part<N>-mpath-<WWID>",
// table "0 <size> linear <map maj:min> <start>" in 512-byte sectors.
#pragma once

#include <string>
#include <vector>

#include "core/snapshot.hh"

namespace mpb {

struct PartitionSpan {
    unsigned number = 0;            // N in "<map>-part<N>"
    unsigned long long start = 0;   // first sector on the disk
    unsigned long long size = 0;    // sectors
};

struct PartitionMapPlan {
    enum class Action { create, reload, keep, blocked };
    Action action = Action::create;
    std::string name, uuid, table;
    std::string reason;             // why, for blocked
    DevT existing_devt;             // for reload, keep, and blocked by an existing map
};

// One plan per span of nonzero size, in the order of `parts`. An existing
// map is matched by UUID: same table -> keep; another table -> reload when
// closed, blocked when open. Blocked too: a name over 127 bytes or a UUID
// over 128 (device-mapper's limits), the UUID mapped under another name,
// the name taken by a map with another UUID.
std::vector<PartitionMapPlan> plan_partition_maps(const std::string& map_name,
                                                  const std::string& wwid, DevT map_devt,
                                                  const std::vector<PartitionSpan>& parts,
                                                  const std::vector<DmMap>& existing);

// The partitions of path disk `disk` as the snapshot lists them, by
// number: N from the name's trailing digits (sda1 -> 1, nvme0n1p2 -> 2,
// dasda1 -> 1); start and size from the snapshot. Names without trailing
// digits are skipped.
std::vector<PartitionSpan> partitions_in_snapshot(const Snapshot& snap, const std::string& disk);

}  // namespace mpb

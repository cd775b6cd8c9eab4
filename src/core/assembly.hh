// SPDX-License-Identifier: GPL-2.0-or-later
// What assemble decides beyond the plan: which planned maps the command
// line asks for, whether an open map may take a new table, and which paths
// udev must be asked to claim again once their map is built.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/coalesce.hh"
#include "core/snapshot.hh"

namespace mpb {

struct Selection {
    std::vector<MapPlan> maps;           // the maps asked for, in plan order
    std::vector<std::string> unmatched;  // "WORD: no map to build with this WWID or path"
};

// `wanted` holds WWIDs and path device names ("sda" or "/dev/sda"); a map
// is chosen when one of them is its WWID or one of its paths. Nothing
// wanted: every map.
Selection select_maps(std::vector<MapPlan> maps, const std::vector<std::string>& wanted);

// Why the reload `map` must not happen: the map is open and the new table
// would change its size ("mpatha: is open and would change size from 100 to
// 200 sectors; left as it is"); nullopt when it may be reloaded.
std::optional<std::string> reload_refusal(const MapPlan& map, const Snapshot& snap);

// Whether assemble must read the partition table of the map it built from
// `map`: when it created or reloaded it, or kept one without any partition
// map in `maps` yet. A kept map's partition maps were made from a reading
// of the same table, by an earlier run or by kpartx.
bool needs_partition_probe(const MapPlan& map, const std::vector<DmMap>& maps);

struct Reclaim {
    std::vector<std::string> disks;       // first: their verdict decides the partitions'
    std::vector<std::string> partitions;
};

// The disks whose udev verdict the run changed, and their partitions:
// their rules must run again. They are the paths of the maps created or
// reloaded (`built` holds their WWIDs) whose last verdict (MPATH_BOOT_PATH)
// was not 1, to claim them now that the WWID has its map (a path without a
// verdict yet only when its WWID is new to the wwids file), and the disks a
// reloaded map no longer holds, to release them. Kept maps' paths were
// claimed already.
Reclaim paths_to_reclaim(const Plan& plan, const std::vector<std::string>& built, const Snapshot& snap);

}  // namespace mpb

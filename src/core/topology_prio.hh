// SPDX-License-Identifier: GPL-2.0-or-later
// The priorities multipath -ll shows for live maps: each path's as prio.hh
// computes it from the snapshot's facts, each group's the mean over its
// paths that are up (sysfs state; mpath-boot runs no path checker).
#pragma once

#include <vector>

#include "core/config.hh"
#include "core/snapshot.hh"
#include "core/topology.hh"

namespace mpb {

// Sets every group's prio in `maps`; a path the snapshot does not know, or
// that is no path by the configuration, counts as down.
void add_priorities(std::vector<MapTopology>& maps, const Snapshot& snap, const Config& cfg);

}  // namespace mpb

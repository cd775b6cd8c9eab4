// SPDX-License-Identifier: GPL-2.0-or-later
// Path groups as multipath-tools 0.9.4 forms and orders them: the grouping
// policy, each group's priority, the order of the groups (for every policy)
// and the group the map starts on.
#pragma once

#include <cstddef>
#include <vector>

#include "core/config.hh"
#include "core/path.hh"

namespace mpb {

struct PathGroup {
    std::vector<std::size_t> members;  // indices into the map's paths, in path order
    int priority = 0;                  // mean priority of its up paths (integer), 0 when none
    int enabled_paths = 0;             // its up paths
    bool operator==(const PathGroup&) const = default;
};

// failover: one path a group; multibus: one group; group_by_serial,
// group_by_node_name, group_by_prio: one group per unit serial, target node
// name, priority, in the order each value first appears. `prios[i]` is
// paths[i]'s priority (prio_undef counts as -1, as in multipath-tools).
// The groups are then sorted: higher priority first, on a tie more up
// paths first, else the earlier group first.
std::vector<PathGroup> group_paths(PgPolicy policy, const std::vector<PathRecord>& paths,
                                   const std::vector<int>& prios);

// The group the map starts on (1-based, as the table's first group): the
// one with up paths and the highest priority, on a tie more up paths, else
// the earlier; 1 when no group has an up path; 0 when there are no groups.
std::size_t first_group(const std::vector<PathGroup>& groups);

}  // namespace mpb

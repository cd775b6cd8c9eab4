// SPDX-License-Identifier: GPL-2.0-or-later
// Which multipath maps queue I/O when they have no path, and so must be
// switched to failing it before the system goes down.
#pragma once

#include <string>
#include <vector>

#include "core/snapshot.hh"

namespace mpb {

struct QueueSwitch {
    std::string name;    // dm name
    std::string wwid;    // from the dm UUID mpath-WWID
};

// Every multipath map (dm UUID mpath-*) whose table has queue_if_no_path,
// in the order given; with `names` non-empty only those maps. A table
// that cannot be read counts as queueing: sending fail_if_no_path to a
// map that does not queue is harmless, leaving one queueing is not.
std::vector<QueueSwitch> maps_to_stop_queueing(const std::vector<DmMap>& maps,
                                               const std::vector<std::string>& names);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// Whether the volumes of the wwids file have come: what `mpath-boot wait`
// asks before it lets the initramfs go on. The answer comes from the same
// plan assemble builds from, so the two never disagree.
#pragma once

#include <string>
#include <vector>

#include "core/coalesce.hh"
#include "core/snapshot.hh"

namespace mpb {

struct Arrival {
    enum class State {
        mapped,    // a map with dm UUID "mpath-<WWID>" exists
        released,  // a device of the WWID is there but is no path: nothing to build
        pending,   // paths are there, their map is not built yet
        missing,   // no device of the WWID is there
    };
    std::string wwid;
    State state = State::missing;
    // "map mpatha exists", "sdc arrived and is left out: blacklisted by
    // ...", "sda arrived but no map is built from it yet", "no path arrived"
    std::string reason;

    // Nothing left to wait for.
    bool settled() const { return state == State::mapped || state == State::released; }
};

// One entry per WWID of `in.wwids`, in file order. A map counts first, then
// paths the plan would build a map from, then a device the plan leaves out
// (its WWID derived as for a path, blacklisted or not).
std::vector<Arrival> wwid_arrivals(const Snapshot& snap, const PlanInput& in);

// Whether every WWID of `wwids` has a map among `maps`: then nothing is
// awaited, and the block devices need not be read at all.
bool all_wwids_mapped(const std::vector<DmMap>& maps, const WwidsTable& wwids);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// The order of paths inside each group under a round-robin selector, as
// multipath-tools 0.9.4 rearranges groups of more than two FC, SAS or iSCSI
// paths: alternating between host adapters, and between the host ports of
// each adapter, so that consecutive I/O goes through different hardware.
#pragma once

#include <string>
#include <vector>

#include "core/path.hh"
#include "core/pgpolicy.hh"

namespace mpb {

// Rearranges the members of every group of `groups` that needs it when
// `selector` is a round-robin one. The adapter of a path is its
// facts.host_adapter (PCIe port or iSCSI address), its host port the H of
// its H:C:T:L; a group with a path of another transport keeps its order,
// and so does one with a path whose adapter is unknown.
void order_for_round_robin(std::vector<PathGroup>& groups, const std::vector<PathRecord>& paths,
                           const std::string& selector);

}  // namespace mpb

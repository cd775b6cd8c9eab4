// SPDX-License-Identifier: GPL-2.0-or-later
// The device-mapper table of a multipath map:
// "0 <sectors> multipath <features> <hwhandler> <nr_groups> <first_group>
//  then per group: <selector> <nr_paths> 1 then per path: <maj:min> <repeat>"
#pragma once

#include <string>
#include <vector>

#include "core/path.hh"
#include "core/pgpolicy.hh"
#include "core/result.hh"
#include "core/settings.hh"

namespace mpb {

// The features word list with queue_if_no_path set from no_path_retry
// (queue or N > 0 adds it, fail removes it); when no_path_retry is not set
// anywhere, the features setting decides alone. As in multipath-tools,
// queue_if_no_path comes last.
std::string effective_features(const EffectiveSettings& s);

// The table of `groups` (pgpolicy.hh) over `paths`, starting on
// first_group(groups), with the hardware handler chosen for the map. Each
// path repeats rr_min_io_rq times, times its priority `prios[i]` (when
// above 0) under rr_weight priorities, as multipath-tools assembles it.
std::string multipath_table(unsigned long long sectors, const EffectiveSettings& s,
                            const std::string& hwhandler, const std::vector<PathRecord>& paths,
                            const std::vector<PathGroup>& groups, const std::vector<int>& prios);

// What a multipath table means, as far as deciding to reload goes.
struct TableShape {
    unsigned long long sectors = 0;
    std::vector<std::string> features;             // sorted
    std::string hardware_handler;                  // name, "" for none
    std::vector<std::vector<std::string>> groups;  // "maj:min" per path, per group
    bool operator==(const TableShape&) const = default;
};

// Reads a table as we write it or as the kernel prints it (`dmsetup table`
// shows e.g. two path arguments for service-time). Fails with a reason.
Result<TableShape> parse_multipath_table(std::string_view table);

// A multipath table part by part, each part as the table spells it: what
// multipath -l shows of a live map.
struct TableGroup {
    std::string selector;            // name and counted arguments: "service-time 0"
    std::vector<std::string> paths;  // "maj:min", in table order
    bool operator==(const TableGroup&) const = default;
};

struct MultipathTable {
    unsigned long long sectors = 0;
    std::string features;            // the count and words: "0", "1 queue_if_no_path"
    std::string hwhandler;           // the count and words: "0", "1 alua"
    std::vector<TableGroup> groups;
    bool operator==(const MultipathTable&) const = default;
};

// Reads a table as parse_multipath_table does, failing with the same reasons.
Result<MultipathTable> read_multipath_table(std::string_view table);

// True when both tables build the same map: size, features, handler, and the
// same paths in the same groups. Selector arguments are not compared.
bool same_map(std::string_view a, std::string_view b);

}  // namespace mpb

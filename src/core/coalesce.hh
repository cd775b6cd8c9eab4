// SPDX-License-Identifier: GPL-2.0-or-later
// Coalescing: which paths form which maps, under which names and tables,
// and for every device left out, why.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/bindings.hh"
#include "core/config.hh"
#include "core/hwhandler.hh"
#include "core/path.hh"
#include "core/pgpolicy.hh"
#include "core/prio.hh"
#include "core/settings.hh"
#include "core/snapshot.hh"
#include "core/wwids.hh"

namespace mpb {

struct MapPlan {
    enum class Action { create, reload, keep };
    Action action = Action::create;
    std::string name;
    std::string name_reason;
    std::string wwid;
    std::string taken_because;        // the find_multipaths reason it is built
    std::vector<PathRecord> paths;
    std::vector<PathPriority> prios;  // one per path
    std::vector<PathGroup> groups;    // sorted, as the table has them
    HwHandlerChoice hwhandler;
    std::vector<std::string> warnings;  // "mpatha: prioritizer ... const used"
    EffectiveSettings settings;
    unsigned long long size = 0;      // sectors
    std::string table;
    std::string existing_table;       // for reload/keep
    DevT existing_devt;               // for reload/keep
};

struct LeftOut {
    std::string device;
    std::string reason;
};

struct Plan {
    std::vector<MapPlan> maps;
    std::vector<LeftOut> left_out;         // every device not in a map, in snapshot order
    std::vector<Binding> new_bindings;     // to append to the bindings file
    std::vector<std::string> new_wwids;    // to add to the wwids file
};

struct PlanInput {
    const Config& config;
    const WwidsTable& wwids;
    const BindingsTable& bindings;
    const std::vector<DmMap>& maps;        // existing dm maps
    // find_multipaths smart: whether the wait for a second path is over.
    bool smart_wait_over = false;
    // False when the bindings file could not be read: no new friendly names.
    bool may_bind = true;
};

// ----- The find_multipaths rule, shared with udev-check -----------------------

// Where a single new path under find_multipaths smart stands: the timer
// running or expired (multipathd's wait), or absent, as in udev-check,
// which has no timer and so treats smart like yes.
enum class SmartTimer { running, expired, absent };

// What the rule knows about one WWID.
struct WwidFacts {
    std::string wwid;
    bool has_map = false;                // a dm map with UUID "mpath-<WWID>" exists
    bool in_wwids = false;               // listed in the wwids file
    std::optional<std::size_t> paths;    // paths seen with it; nullopt: not counted yet
};

struct Claim {
    enum class Verdict { take, leave, count_paths };
    Verdict verdict = Verdict::leave;
    std::string reason;  // "find_multipaths strict: WWID X is not in the wwids file", ...
};

// Decides one WWID, in order: an existing map, the wwids file, off/greedy,
// strict, two or more paths, a single path. count_paths only for on/smart
// when `f.paths` is not known. With `cite_origin`, the mode is followed by
// where it was set: "find_multipaths strict (built-in default): ...".
Claim find_multipaths_claim(const WwidFacts& f, const EffectiveSettings& s, SmartTimer smart,
                            bool cite_origin = false);

// "not claimed: <what uses it>" for the first path in use, "" when none is:
// a WWID with a path in use is not claimed at all.
std::string in_use_reason(const std::vector<const PathRecord*>& paths);

// The multipath maps that hold each path device in their tables, each
// table read once: a run looks up every path, and parsing every table for
// every path cost 57% of a plan's instructions at 64 maps of 4 paths.
class MapsByPath {
public:
    explicit MapsByPath(const std::vector<DmMap>& maps);
    // The map whose table holds `p` although the map's WWID is not p's: the
    // LUN behind the path changed since the map was built. nullptr when
    // none; the first such map of `maps` when several are. Such a path is
    // left out and its old map reloaded without it, as multipathd drops a
    // path whose WWID changed.
    const DmMap* former_map(const PathRecord& p) const;
    // The first map of `maps` whose table holds `devt`, nullptr when none.
    const DmMap* holding(const DevT& devt) const;

private:
    struct Holder {
        std::string devt;  // "maj:min"
        std::string wwid;  // of the map
        const DmMap* map;
    };
    using Holders = std::vector<Holder>;
    // The holders of `devt`, in the maps' order.
    std::pair<Holders::const_iterator, Holders::const_iterator> holders_of(const DevT& devt) const;

    Holders holders_;  // sorted by devt, then in the maps' order
};

// "a path of mpathb (WWID A), but its WWID is now B: ..." -- why `p` is
// left out; `m` is MapsByPath::former_map(p).
std::string wwid_changed_reason(const PathRecord& p, const DmMap& m);

// Names that must not be handed to `wwid`: aliases configured for other
// WWIDs and names of `maps` that belong to other WWIDs.
std::vector<std::string> names_taken(const Config& c, const std::vector<DmMap>& maps,
                                     const std::string& wwid);

// ----- Coalescing --------------------------------------------------------------

// Groups path records by WWID and decides each group with find_multipaths:
//   strict: only WWIDs in the wwids file or with a map;
//   on/yes: also any WWID seen on two or more paths;
//   smart: like yes, a single new path is held until the wait is over;
//   greedy, off: every path.
// A group with a path in use is not claimed at all.
Plan coalesce(const std::vector<PathRecord>& paths, const PlanInput& in);

// evaluate_path for every device of the snapshot, then coalesce.
Plan plan_from_snapshot(const Snapshot& snap, const PlanInput& in);

}  // namespace mpb

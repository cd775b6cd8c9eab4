// SPDX-License-Identifier: GPL-2.0-or-later
// The handover before switch-root: which maps assembled in the initramfs
// must be renamed so that the real root (the sysroot) finds them under the
// names its own files give them, and multipathd there adopts them as they
// are. Decisions only; the command renames.
#pragma once

#include <string>
#include <vector>

#include "core/bindings.hh"
#include "core/config.hh"
#include "core/snapshot.hh"
#include "core/wwids.hh"

namespace mpb {

// The files one root names maps with.
struct NamingFiles {
    const Config& config;
    const BindingsTable& bindings;
};

struct HandoverInput {
    const Snapshot& machine;           // devices: the vendor and product of each map's paths
    const std::vector<DmMap>& maps;    // every dm map now, partition maps included
    NamingFiles initramfs;             // what named the maps; quoted in reasons
    NamingFiles sysroot;
    const WwidsTable& sysroot_wwids;
    std::string sysroot_dir;           // "/sysroot", for messages
};

struct PartitionRename {
    std::string before, after;
};

struct MapHandover {
    // The core decides keep, rename or conflict; the command turns a rename
    // into would_rename (--no-rename) or failed.
    enum class Action { keep, rename, conflict, would_rename, failed };
    Action action = Action::keep;
    std::string wwid, name_before, name_after;
    std::string reason;
    // For rename: the partition maps "OLD-partN" (dm UUID partN-mpath-WWID)
    // that become "NEW-partN", renamed before the map as multipath-tools does.
    std::vector<PartitionRename> partitions;
};

struct HandoverPlan {
    // One entry per multipath map (dm UUID mpath-WWID), in an order that
    // can be applied as it stands: a rename that frees a name comes before
    // the rename that takes it. Conflicts come last.
    std::vector<MapHandover> maps;
    std::vector<std::string> warnings;
};

// The real root's name for each map comes from choose_name() with the
// sysroot's files (multipaths alias > binding with user_friendly_names >
// WWID). When the sysroot would only hand out a new friendly name, the map
// keeps its name: multipathd adopts the existing name of a map (warning
// when it cannot: the name is not of the alias_prefix form or is bound to
// another WWID there). A rename whose name, or the name of one of its
// partition maps, another map holds is a conflict, never forced. Every
// assembled WWID missing from the sysroot's wwids file is a warning.
HandoverPlan plan_handover(const HandoverInput& in);

struct RenameGate {
    bool rename = true;
    std::string why;       // why nothing is renamed though no --no-rename asked for it; "" otherwise
    bool warning = false;  // `why` is a problem (a broken configuration), not a choice
};

// Whether the handover renames: not with --no-rename, not with
// rename_at_handover off in `settings_file`, and not when the real root's
// multipath configuration is broken: the built-in defaults that stand in
// for it are not the names the real root will use, and renaming by them
// could break its fstab.
RenameGate rename_gate(bool no_rename, bool rename_at_handover, const std::string& settings_file,
                       bool sysroot_config_broken);

// Every rename of `plan` becomes would_rename: what the plan shows when the
// gate is closed.
void hold_renames(HandoverPlan& plan);

// "keep", "rename", "conflict", "would-rename", "failed".
const char* to_string(MapHandover::Action a);

// One line for stdout, in the style of assemble:
//   rename: mpatha -> rootdisk (WWID) with mpatha-part1 -> rootdisk-part1
//   would rename: mpatha -> rootdisk (WWID) with mpatha-part1 -> rootdisk-part1
//   keep: rootdisk (WWID)
//   conflict: mpatha (WWID) not renamed to rootdisk
//   failed: mpatha (WWID) not renamed to rootdisk
std::string handover_line(const MapHandover& m);

// handover.json (2-space indent, keys in this order, a final newline):
//   {"sysroot", "maps": [{"wwid", "name_before", "name_after", "action",
//    "reason", "partitions": [{"name_before", "name_after"}]}], "warnings": []}
// "partitions" lists the partition maps renamed (rename), or that would be
// (would-rename); it is empty otherwise.
std::string format_handover_json(const std::string& sysroot, const HandoverPlan& plan);

}  // namespace mpb

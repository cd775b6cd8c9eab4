// SPDX-License-Identifier: GPL-2.0-or-later
// The live multipath topology that `mpath-boot status` shows: the multipath
// maps of a snapshot read back from their dm tables and status lines, printed
// in the shape of multipath -l (multipath-tools 0.9.4) or as JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hh"
#include "core/snapshot.hh"

namespace mpb {

// ---- the status line of a multipath target --------------------------------

enum class GroupState { active, enabled, disabled };  // A, E, D in the status

struct PathStatus {
    std::string devt;                        // "8:0" as the kernel prints it
    bool failed = false;                     // F; A is active
    unsigned long long fail_count = 0;
    std::vector<std::string> selector_info;  // the path selector's words for it
};

struct GroupStatus {
    GroupState state = GroupState::enabled;
    std::vector<std::string> selector_status;  // words after their count
    std::vector<PathStatus> paths;
};

struct MultipathStatus {
    std::vector<std::string> features;   // words after their count: queue_io pg_init_count
    std::vector<std::string> hwhandler;  // words after their count; none on current kernels
    unsigned long long current_group = 0;  // 1-based; the kernel prints 0 without groups
    std::vector<GroupStatus> groups;
};

// Reads "<start> <length> multipath ..." as `dmsetup status` prints it
// (drivers/md/dm-mpath.c, multipath_status). Fails saying what is wrong and
// where: "expected a path state A or F after 8:0, got \"X\"".
Result<MultipathStatus> parse_multipath_status(std::string_view status);

// ---- the topology -----------------------------------------------------------

// Every string is what multipath -l prints in its place.
struct TopologyPath {
    std::string hctl;           // sysfs "hctl"; "#:#:#:#" when unknown
    std::string dev;            // kernel name of the device with that devt; "#" when none
    std::string devnum;         // "8:0" as the table names the path
    std::string dm_state;       // "active", "failed"; "undef" without a usable status
    std::string checker_state;  // always "undef": mpath-boot runs no path checker
    std::string online_state;   // sysfs "state" ("running", "offline", ...); "undef"
};

struct TopologyGroup {
    std::string selector;  // "service-time 0"
    int prio = 0;          // as multipath -ll: topology_prio.hh sets it
    std::string status;    // "active", "enabled", "disabled"; "undef"
    std::vector<TopologyPath> paths;
};

struct MapTopology {
    std::string name;       // "mpatha"
    std::string wwid;       // the dm UUID without "mpath-"
    std::string dm;         // "dm-0"
    std::string vendor;     // of the first path with both; "##" when none has them
    std::string product;
    unsigned long long size = 0;  // 512-byte sectors, from the table
    std::string features;   // "1 queue_if_no_path", "0"
    std::string hwhandler;  // "0", "1 alua"
    std::string wp;         // "rw", "ro"
    std::vector<TopologyGroup> groups;
    // Why group and path states are undef ("status of mpatha: not read"),
    // for the caller to show apart from the topology.
    std::vector<std::string> notes;
};

// One entry per map whose dm UUID starts with "mpath-" (partition maps and
// other dm devices are left out), in snapshot order. A table that cannot be
// read fails, naming the map: "table of mpatha: malformed path group 1".
Result<std::vector<MapTopology>> topology_from_snapshot(const Snapshot& s);

// multipath -l text, maps one after another:
//   mpatha (WWID) dm-0 QEMU,QEMU HARDDISK        (no "(WWID)" when the name is the WWID)
//   size=1.0G features='0' hwhandler='0' wp=rw
//   `-+- policy='service-time 0' prio=0 status=active
//     |- 0:0:0:0 sda 8:0  active undef running
//     `- 0:0:1:0 sdb 8:16 active undef running
// Every column of the path lines, the last one too, is padded to the widest
// value in its map, as multipath-tools pads them.
std::string format_status(const std::vector<MapTopology>& maps);

// The same content as JSON (2-space indent, keys in this order, a final
// newline); the values are the strings the text shows, numbers as numbers:
//   {"maps": [{"name", "wwid", "dm", "vendor", "product",
//              "size_sectors" (number), "size" ("1.0G"), "features",
//              "hwhandler", "wp",
//              "path_groups": [{"selector", "prio" (number), "status",
//                               "paths": [{"hctl", "dev", "devnum", "dm_state",
//                                          "checker_state", "online_state"}]}]}]}
std::string format_status_json(const std::vector<MapTopology>& maps);

}  // namespace mpb

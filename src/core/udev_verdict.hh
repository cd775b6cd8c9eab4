// SPDX-License-Identifier: GPL-2.0-or-later
// The decision behind `mpath-boot udev-check DEVNAME`, the udev callout run
// for every sd*/dasd*/nvme* disk at every boot: is this device a multipath
// path (kept from systemd) or not (released to it)? When mpath-boot's and
// multipath-tools' udev rules are both installed they must give a device the
// same verdict, so the order and meaning are those of multipath-tools
// 0.9.4's `multipath -u` (is_path_valid in libmultipath/valid.c,
// check_path_valid in multipath/main.c), with one deliberate deviation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/bindings.hh"
#include "core/config.hh"
#include "core/snapshot.hh"
#include "core/wwids.hh"

namespace mpb {

struct UdevVerdict {
    enum class Kind { path, not_path, need_siblings };
    Kind kind = Kind::not_path;
    std::string wwid;    // "" when unknown
    std::string alias;   // the known name (existing map, multipaths alias, binding), else ""
    std::string reason;  // one line a person reads: why
};

struct UdevInput {
    const Config& config;
    const WwidsTable& wwids;
    const BindingsTable& bindings;
    std::string earlier;  // this device's previous verdict from the udev db: "", "0" or "1"
};

// In order, the first step that applies decides:
//   1. held by an mpath map (a holder of the disk with dm UUID "mpath-...")
//      -> path, the WWID and alias taken from the map; before the blacklist
//      and without the released check: a path already in a map stays
//      claimed even if it is blacklisted now or was released earlier;
//   2. not a path (partition, blacklist, no WWID; evaluate_path's reason)
//      -> not_path;
//   3. in use (mounted, active swap, held by something other than an mpath
//      map, also through its partitions) -> not_path, under EVERY
//      find_multipaths mode. The deliberate deviation: multipath-tools
//      checks this only for greedy and smart; mpath-boot never claims a
//      device in use, so that the boot cannot deadlock on it (SUSE
//      guide 17.15.1);
//   4. find_multipaths greedy -> path (+);
//   5. WWID in the wwids file -> path, without the released check
//      (multipath-tools' PATH_IS_VALID_NO_CHECK): a WWID the admin,
//      multipathd or `mpath-boot assemble` listed is claimed even if an
//      earlier event released the device; this is how paths are claimed
//      once their map was built and their change uevent is re-run;
//   6. a map with dm UUID "mpath-<WWID>" exists -> path (+);
//   7. find_multipaths strict, on/yes and off -> not_path: in udev they
//      all act as strict and never count paths; multipathd (or `mpath-boot
//      assemble`) builds the map from two paths, lists the WWID and
//      re-triggers the paths, which then pass step 5;
//   8. find_multipaths smart -> need_siblings when !enumerated; enumerated,
//      path (+) when another path of the snapshot, not in use, has the
//      WWID, else not_path: mpath-boot has no wait timer, so a single path
//      is released at once where multipath-tools would hold it for
//      find_multipaths_timeout.
// (+) The released check: when `earlier` is "0" (released to systemd by an
// earlier event) the verdict is not_path instead. Under smart it is made
// before the other devices are asked for, as multipath-tools makes it
// before it counts paths.
// Reasons are worded as dry-run words them where the concept is the same
// (find_multipaths_claim and in_use_reason in coalesce.hh), the mode citing
// where it was set.
// `snap` holds the device, its partitions, and the dm maps that hold them
// or carry UUID "mpath-<WWID>"; with `enumerated`, every block device and
// dm map of the system. need_siblings only comes back when !enumerated.
// A device missing from `snap` is not_path.
UdevVerdict udev_verdict(const Snapshot& snap, std::string_view devname, const UdevInput& in,
                         bool enumerated);

struct UdevOutput {
    std::string text;                   // KEY=VALUE lines for IMPORT{program}
    std::vector<std::string> warnings;  // one line per property left out, for the log
};

// DM_MULTIPATH_DEVICE_PATH and MPATH_BOOT_PATH (1 or 0), then
// MPATH_BOOT_WWID and MPATH_BOOT_ALIAS when known. A value is printed only
// when it is made of [A-Za-z0-9_.:/-]; otherwise that property is left out
// with a warning.
// need_siblings prints nothing (no decision yet) and warns.
UdevOutput udev_properties(const UdevVerdict& v);

}  // namespace mpb

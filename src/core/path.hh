// SPDX-License-Identifier: GPL-2.0-or-later
// One block device judged as a possible path: either a path record with its
// WWID and identity, or the reason it is not a path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/config.hh"
#include "core/snapshot.hh"

namespace mpb {

// What a path's priority and grouping are computed from, as recorded in
// the snapshot (docs/snapshot.md). Replies are raw bytes, "" when absent.
struct PrioFacts {
    bool scsi = false;                        // a SCSI device (has an H:C:T:L)
    std::optional<std::string> access_state;  // sysfs, kept by scsi_dh_alua
    std::optional<std::string> preferred_path;
    std::string dh_state;                     // the kernel's handler, "detached" for none
    std::string inquiry;                      // standard INQUIRY data
    std::string vpd_pg83;                     // VPD page 0x83
    std::string rtpg;                         // REPORT TARGET PORT GROUPS reply
    std::string vpd_pgc0, vpd_pgc9;           // vendor pages: EMC (0xc0), RDAC (0xc9)
    std::string tur;                          // TEST UNIT READY: status, host, driver, sense
    std::string tgt_node_name;                // FC target node name or iSCSI target name
    std::string protocol;                     // "scsi:fcp", ... as the snapshot's sysfs
    std::string host_adapter;                 // PCIe port of the HBA, or iSCSI address
};

struct PathRecord {
    std::string name;                      // "sda"
    DevT devt;
    std::string wwid;
    std::string wwid_source;               // where the WWID came from
    std::string vendor, product;           // as the device reports them
    std::string hctl;                      // "H:C:T:L", "" when unknown
    std::string serial;                    // unit serial (for group_by_serial)
    std::string state;                     // sysfs state ("running", "offline"), "" unknown
    unsigned long long size = 0;           // sectors
    bool read_only = false;                // sysfs "ro" is 1 (write-protected)
    std::vector<const DeviceEntry*> devices;  // matching device entries, precedence order
    std::string in_use;                    // "" when free, else what uses it
    PrioFacts facts;
};

// Whether multipath-tools would treat the path as up (its sysfs state is
// "running", NVMe "live", or not known): only such paths get a priority and
// count for their group's.
bool path_is_up(const PathRecord& p);

struct PathVerdict {
    std::optional<PathRecord> path;
    std::string reason;  // why not a path, when !path
};

// Applies, in multipath-tools' order: devnode, vendor/product, udev property
// (with the uid attribute), protocol, WWID derivation, WWID blacklist. Notes
// what uses the device (mounts, swap, holders other than an mpath map, also
// through its partitions) without deciding on it.
PathVerdict evaluate_path(const BlockDevice& dev, const Snapshot& snap, const Config& cfg);

// The WWID `dev` would have as a path (the uid attribute resolved as for
// one), whether or not it is one, "" when none can be derived: which volume
// a device left out belongs to.
std::string device_wwid(const BlockDevice& dev, const Config& cfg);

// The vendor and product multipath-tools matches device entries against:
// sysfs vendor/model, "NVME" + model for NVMe namespaces.
std::pair<std::string, std::string> vendor_product(const BlockDevice& dev);

// The address multipath -d / -l show in the path's first column: sysfs
// "hctl" for SCSI; for an NVMe namespace disk nvmeXnY, as multipath-tools
// 0.9.4 forms it, "X:CNTLID:Y:NSID" (0 where not recorded); "" otherwise.
std::string path_address(const BlockDevice& dev);

// The online column of multipath -d / -l: "offline" for a SCSI device in
// state offline* or an NVMe controller in state dead*, else "running"
// (multipath-tools 0.9.4 shows nothing else).
std::string online_column(std::string_view name, std::string_view state);

}  // namespace mpb

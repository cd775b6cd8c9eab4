// SPDX-License-Identifier: GPL-2.0-or-later
// The seam between core and machine: what the decisions read about a system.
// Live code fills it from sysfs/udev/dm; tests and --replay from JSON
// (format documented in docs/snapshot.md).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hh"

namespace mpb {

struct DevT {
    unsigned major = 0;
    unsigned minor = 0;
    std::string str() const { return std::to_string(major) + ":" + std::to_string(minor); }
    bool operator==(const DevT&) const = default;
};

struct BlockDevice {
    std::string name;                              // kernel name: "sda", "sda1", "dm-0"
    DevT devt;
    bool partition = false;                        // devtype "partition"
    std::string parent;                            // the disk of a partition
    unsigned long long start = 0;                  // a partition's first sector on its disk
    unsigned long long size = 0;                   // 512-byte sectors
    std::map<std::string, std::string> properties; // udev properties
    // sysfs attributes that decisions use: "vendor", "model", "rev",
    // "hctl" (H:C:T:L), "state", "protocol" ("scsi:fcp", "nvme:tcp", ...),
    // "vpd_pg80"/"vpd_pg83" as hex strings, "dh_state" (the attached
    // SCSI device handler, "detached" when none), "hidden" ("1": a disk
    // the kernel hides, a native NVMe multipath path), "nvme_parent" (the
    // sysfs subsystem an NVMe namespace disk hangs from: "nvme", a
    // controller, or "nvme-subsystem", the native multipath head).
    std::map<std::string, std::string> sysfs;
    std::vector<std::string> holders;              // kernel names from holders/
    std::vector<std::string> mountpoints;          // where it is mounted
    bool swap = false;                             // active swap

    const std::string* property(std::string_view key) const;
    const std::string* attr(std::string_view key) const;
};

struct DmMap {
    std::string name;     // dm name ("mpatha", "mpatha-part1")
    std::string uuid;     // dm UUID ("mpath-<WWID>", "part1-mpath-<WWID>")
    DevT devt;
    std::string table;    // "0 <sectors> multipath ..." as dmsetup table prints it
    int open_count = 0;
    std::string status;   // as dmsetup status prints it, "" when not read
    bool read_only = false;
    std::vector<std::string> holders;      // kernel names from holders/
    std::vector<std::string> mountpoints;  // where it is mounted
};

struct Snapshot {
    std::vector<BlockDevice> devices;  // disks and partitions, in kernel order
    std::vector<DmMap> maps;
    std::string cmdline;               // kernel command line, may be empty
    // What diagnose read besides the devices, for its replay: the text of
    // every file it found, by path (a file it did not find is not here),
    // and the other root it compared with ("/sysroot", or the initramfs
    // image whose files are under "IMAGE!/..."); "" for none.
    std::map<std::string, std::string> files;
    std::string compared_with;
    std::string not_compared;  // why there was no other root, when none

    const BlockDevice* find_device(std::string_view name) const;
    // The device numbered `devnum` ("MAJ:MIN", as dm tables name paths);
    // nullptr for none and for text that is not such a number.
    const BlockDevice* find_device_by_devnum(std::string_view devnum) const;
    const DmMap* find_map_by_uuid(std::string_view uuid) const;
    // The map of a kernel name "dm-N" (as holders/ lists them), by minor.
    const DmMap* find_map_by_kernel_name(std::string_view name) const;
};

// The map in `maps` with dm UUID `uuid`; nullptr for none and for "" (maps
// made without a UUID are not "the map with UUID ''").
const DmMap* find_map_by_uuid(const std::vector<DmMap>& maps, std::string_view uuid);

// Whether `s` is a SCSI address "H:C:T:L" (four decimal numbers), as the
// snapshot's sysfs "hctl" must be.
bool is_hctl(std::string_view s);

// A snapshot nests 4 deep; deeper input is refused before it is parsed.
inline constexpr std::size_t max_snapshot_depth = 32;

// Parses the JSON text. `source` names the input in error messages, which
// say what is wrong and where: "snap.json: devices[1].devnum: expected
// \"MAJ:MIN\", got \"8-16\"", or the JSON parser's line and column.
Result<Snapshot> parse_snapshot(std::string_view json_text, const std::string& source);

// The JSON text of a snapshot (2-space indent, keys in a fixed order), such
// that parse_snapshot(format_snapshot(s)) reproduces s.
std::string format_snapshot(const Snapshot& s);

}  // namespace mpb

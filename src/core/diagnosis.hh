// SPDX-License-Identifier: GPL-2.0-or-later
// `mpath-boot diagnose`: everything that decides a multipath boot, read
// from one snapshot and the files of one or two roots, and the findings
// that name what went wrong (finding.hh). Decisions only; the command
// gathers the input (live, or from a capture) and prints the result.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/boot_settings.hh"
#include "core/config.hh"
#include "core/finding.hh"
#include "core/root_device.hh"
#include "core/snapshot.hh"
#include "core/bindings.hh"
#include "core/wwids.hh"

namespace mpb {

// One root's multipath files, read and as text (for the comparison).
struct RootFiles {
    std::string label;           // "this initramfs", "the real root (/sysroot)", ...
    std::string state_dir;       // "/etc/multipath", as that root names it
    Config config;
    BindingsTable bindings;
    WwidsTable wwids;
    bool bindings_readable = true;
    Diagnostics state_problems;  // bindings and wwids lines not taken
    BootSettings settings;
    // The texts compared between roots, by the name that root gives them
    // ("/etc/multipath.conf", "/etc/multipath/conf.d/x.conf",
    // "/etc/multipath/bindings", "/etc/multipath/wwids", "/etc/mpath-boot.conf");
    // a file that is not there has no entry.
    std::map<std::string, std::string> texts;
    std::optional<std::string> dracut_modules;  // /usr/lib/dracut/modules.txt of an initramfs
    std::optional<std::string> fstab;           // /etc/fstab of a real root
};

struct DiagnoseInput {
    const Snapshot& snap;             // devices, maps (holders, mounts, status), command line
    const RootFiles& here;            // the root diagnose runs in
    const RootFiles* other = nullptr; // the real root at /sysroot, or the initramfs to boot next
    std::string no_other;             // why there is none: "/sysroot is not mounted", ...
    bool in_initramfs = false;        // /etc/initrd-release exists
    std::string wait_record;          // /run/mpath-boot/wait-gave-up, "" when none
    std::optional<std::string> handover_record;  // /run/mpath-boot/handover.json
};

struct DeviceReport {
    std::string name, devnum;
    std::string wwid, wwid_source;  // "" when none
    std::string verdict;            // "path" or "not a path: REASON" (the blacklist rule, file:line)
    std::string find_multipaths;    // in a map because ..., or why it was left out
    std::map<std::string, std::string> udev;  // the properties that matter, as set
    std::vector<std::string> holders, mounts;
    bool swap = false;
    std::string map;                // the multipath map holding it, ""
};

struct MapPathReport {
    std::string devnum, dev, state;  // "8:0", "sda", "active"/"failed"/"undef"
};

struct MapReport {
    std::string name, wwid, devnum, table;
    std::vector<MapPathReport> paths;
    std::vector<std::string> partitions;  // partition maps on it
    std::vector<std::string> holders, mounts;
    int open_count = 0;
};

struct Difference {
    std::string file;    // as the real root names it
    std::string wwid;    // the WWID it is about, "" for a whole file
    std::string what;    // "the real root lists WWID X, this initramfs does not"
    std::string effect;  // what it does at the next boot
};

struct RootReport {
    RootSpec spec;
    RootTarget resolves_to;
    std::string mountpoint;  // "/sysroot" or "/"
    RootMount mounted;
    std::string why;         // why it is or is not on a map
};

struct Diagnosis {
    std::vector<std::string> where;     // lines: place, switches, modules, wait
    std::vector<DeviceReport> devices;
    std::vector<MapReport> maps;
    std::vector<std::string> config;    // settings that matter, problems and conflicts
    std::string compared_with;          // the other root's label, or why none
    std::vector<Difference> differences;
    RootReport root;
    std::vector<Finding> findings;      // most likely cause first
};

Diagnosis diagnose(const DiagnoseInput& in);

// The report for people: sections, findings last with their remedies.
std::string format_diagnosis(const Diagnosis& d);

// The same as JSON; findings as {"code", "subjects", "message", "remedy"}.
std::string format_diagnosis_json(const Diagnosis& d);

}  // namespace mpb

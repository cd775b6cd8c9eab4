// SPDX-License-Identifier: GPL-2.0-or-later
// The machine a command reads and changes, chosen once: the running system,
// or a snapshot replayed (--replay FILE) whose maps change in memory only.
// Commands see the machine only through this seam.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/partition_maps.hh"
#include "core/result.hh"
#include "core/snapshot.hh"
#include "sys/dm.hh"

namespace mpb {

// One disk as a udev event shows it.
struct DeviceView {
    Snapshot snap;          // the disk, its partitions, the dm maps (names and UUIDs)
    bool complete = false;  // snap holds every block device too (a replay)
};

struct SourcedText {
    std::string text;
    std::string source;  // what messages name it by: "/proc/cmdline"
};

class Machine {
public:
    virtual ~Machine() = default;

    // Every block device with its udev properties, sysfs facts and usage.
    virtual Result<std::vector<BlockDevice>> devices() = 0;
    // Disk `name` with the properties of the udev event being processed,
    // its partitions and the dm maps: what decides one device without
    // looking at the others.
    virtual Result<DeviceView> device(const std::string& name) = 0;
    // The block device "MAJ:MIN" with its sysfs facts.
    virtual Result<BlockDevice> device_at(const std::string& devnum) = 0;
    // The dm maps' names, UUIDs and device numbers, without tables: cheap,
    // and never waits for device-mapper.
    virtual std::vector<DmMap> map_names() = 0;
    // Device-mapper: maps with tables and status, and changes to them.
    virtual DmOps& dm() = 0;
    // The kernel command line.
    virtual Result<SourcedText> cmdline() = 0;
    // The partition table on `map`, whose first path is `first_path`.
    virtual Result<std::vector<PartitionSpan>> partitions(const DmMap& map, const std::string& first_path) = 0;
    // Has udev run its rules again for `names` and waits for it, bounded;
    // returns what went wrong, one sentence each.
    virtual std::vector<std::string> rerun_udev_rules(const std::vector<std::string>& names) = 0;

    // Completes `devices` with what prioritizers read (docs/snapshot.md).
    // Live: sysfs facts, REPORT TARGET PORT GROUPS where a path does ALUA
    // and no device handler keeps its state, then the replies `wanted`
    // names by snapshot key ("vpd_pgc0", "vpd_pgc9", "tur") given the facts
    // so far, each command bounded by `timeout`; a path that does not
    // answer simply has no reply. A replay has them recorded already.
    using RepliesWanted = std::function<std::vector<std::string>(const BlockDevice&)>;
    virtual void add_priority_facts(std::vector<BlockDevice>& devices, std::chrono::milliseconds timeout,
                                    const RepliesWanted& wanted) = 0;

    // Completes `maps` with what holds them and where they are mounted
    // (a replay has it recorded already).
    virtual void add_map_usage(std::vector<DmMap>& maps) = 0;

    // The snapshot a replay reads, with what it recorded beyond the
    // devices (Snapshot::files); nullptr for the running system.
    virtual const Snapshot* recorded() const = 0;

    // Every block device with `maps` and the command line.
    Result<Snapshot> snapshot_with(std::vector<DmMap> maps);
    // Every block device, every dm map with its table, the command line.
    Result<Snapshot> snapshot();
};

// The running system; `envp` holds the properties of the udev event that
// device() reports (an IMPORT{program} callout's environment).
std::unique_ptr<Machine> live_machine(char** envp);

// The snapshot `file`; the error names the file and the place in it.
Result<std::unique_ptr<Machine>> replay_machine(const std::string& file);

}  // namespace mpb

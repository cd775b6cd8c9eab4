// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot status: the multipath maps as device-mapper has them, in the
// shape of `multipath -l` with the group priorities of `multipath -ll`, or
// as JSON.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/dm_name.hh"
#include "core/dm_table.hh"
#include "core/topology.hh"
#include "core/topology_prio.hh"
#include "sys/config_files.hh"

namespace mpb {

namespace {

// The maps and just the devices their tables name.
Result<Snapshot> maps_and_paths(Machine& machine)
{
    Snapshot snap;
    auto maps = machine.dm().list();
    if (!maps)
        return Result<Snapshot>::fail(maps.error());
    snap.maps = std::move(maps.value());
    for (const auto& m : snap.maps) {
        auto shape = parse_multipath_table(m.table);
        if (!is_map_uuid(m.uuid) || !shape)
            continue;
        for (const auto& group : shape->groups)
            for (const auto& devnum : group)
                if (auto d = machine.device_at(devnum); d && !snap.find_device(d->name))
                    snap.devices.push_back(d.value());
    }
    return Result<Snapshot>::ok(std::move(snap));
}

}  // namespace

int run_status(const Invocation& inv)
{
    auto machine = inv.machine();
    auto snap = machine ? maps_and_paths(*machine.value()) : Result<Snapshot>::fail(machine.error());
    auto maps = snap ? topology_from_snapshot(snap.value()) : Result<std::vector<MapTopology>>::fail(snap.error());
    if (!maps)
        return inv.fail(maps.error());
    // Priorities as multipath -ll shows them, from the paths' facts.
    auto settings = read_boot_settings(inv.files(), inv.options.settings);
    auto config = read_inputs(inv.files(), inv.options, inv.log).config;
    add_priority_facts(*machine.value(), snap->devices, config,
                       std::chrono::milliseconds(settings.scsi_timeout_ms));
    add_priorities(maps.value(), snap.value(), config);
    for (const auto& m : maps.value())
        for (const auto& note : m.notes)
            inv.log.warning(note);
    auto text = inv.flag("--json") ? format_status_json(maps.value()) : format_status(maps.value());
    std::fputs(text.c_str(), stdout);
    return 0;
}

}  // namespace mpb

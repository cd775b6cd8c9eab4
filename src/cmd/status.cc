// mpath-boot status: the multipath maps as device-mapper has them, in the
// shape of `multipath -l`, or as JSON.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/dm_table.hh"
#include "core/topology.hh"
#include "sys/sysfs.hh"

namespace mpb {

namespace {

const char* status_help()
{
    return R"(NAME
       mpath-boot status - show the multipath maps and the state of their paths

SYNOPSIS
       mpath-boot [OPTIONS] status [--json] [--replay FILE]

DESCRIPTION
       Reads every multipath map from device-mapper (table and status) and
       prints it in the shape of "multipath -l":

              NAME (WWID) dm-N VENDOR,PRODUCT
              size=SIZE features='...' hwhandler='...' wp=rw|ro
              `-+- policy='SELECTOR' prio=0 status=active|enabled|disabled
                `- H:C:T:L DEV MAJ:MIN DM-STATE CHECKER-STATE ONLINE-STATE

       DM-STATE is active or failed as the kernel reports the path. No path
       checker or prioritizer runs, so CHECKER-STATE is undef and prio is 0,
       as "multipath -l" prints them. ONLINE-STATE is the SCSI device state
       from sysfs (running, offline, ...). Partition maps are not listed.
       Only the path devices named by the tables are read from sysfs.

OPTIONS
       --json Print the same content as JSON: {"maps": [{"name", "wwid", "dm",
              "vendor", "product", "size_sectors", "size", "features",
              "hwhandler", "wp", "path_groups": [{"selector", "prio",
              "status", "paths": [{"hctl", "dev", "devnum", "dm_state",
              "checker_state", "online_state"}]}]}]}.

       --replay FILE
              Show the maps of the snapshot FILE instead of the running system.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when the maps were shown (none is not an error), 1 when
       device-mapper, a table or FILE cannot be read, 2 on a usage error.
)";
}

// The live maps and, from sysfs, just the devices their tables name.
Result<Snapshot> live_maps()
{
    Snapshot snap;
    auto maps = live_dm()->list();
    if (!maps)
        return Result<Snapshot>::fail(maps.error());
    snap.maps = std::move(maps.value());
    for (const auto& m : snap.maps) {
        auto shape = parse_multipath_table(m.table);
        if (!m.uuid.starts_with("mpath-") || !shape)
            continue;
        for (const auto& group : shape->groups)
            for (const auto& devnum : group)
                if (auto name = kernel_name_of(devnum); !name.empty() && !snap.find_device(name))
                    if (auto d = read_sysfs_device(name))
                        snap.devices.push_back(d.value());
    }
    return Result<Snapshot>::ok(std::move(snap));
}

}  // namespace

int cmd_status(const CliOptions& o, const Logger& log)
{
    auto args = parse_sub_args("status", o.args, {"--replay"}, {"--json"});
    if (!args) {
        log.error(args.error());
        return 2;
    }
    if (o.help) {
        std::fputs(status_help(), stdout);
        return 0;
    }
    if (!args->words.empty()) {
        log.error("status: unexpected argument " + args->words.front() + " (see mpath-boot status --help)");
        return 2;
    }
    auto replay = args->values.find("--replay");
    auto snap = replay != args->values.end() ? read_snapshot_file(replay->second) : live_maps();
    if (!snap) {
        log.error(snap.error());
        return 1;
    }
    auto maps = topology_from_snapshot(snap.value());
    if (!maps) {
        log.error(maps.error());
        return 1;
    }
    for (const auto& m : maps.value())
        for (const auto& note : m.notes)
            log.warning(note);
    bool json = args->flags.count("--json") != 0;
    std::fputs((json ? format_status_json(maps.value()) : format_status(maps.value())).c_str(), stdout);
    return 0;
}

}  // namespace mpb

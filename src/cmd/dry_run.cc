// mpath-boot dry-run: what would be built, and why, without touching dm.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/coalesce.hh"
#include "core/report.hh"

namespace mpb {

namespace {

const char* dry_run_help()
{
    return R"(NAME
       mpath-boot dry-run - show the maps that would be built

SYNOPSIS
       mpath-boot [OPTIONS] dry-run [--replay FILE]

DESCRIPTION
       Runs every decision of mpath-boot -- blacklist, WWIDs, find_multipaths,
       names, dm tables -- on the running system (every block device and
       dm map), or on the machine snapshot FILE (see docs/snapshot.md),
       with the configuration and state files given by the global options, and
       prints the result in the shape of "multipath -d -v2": for each map
       "create: NAME (WWID) dm-? VENDOR,PRODUCT", its size, features and
       path groups with one line per path (H:C:T:L, device, MAJ:MIN), then the
       bindings and wwids entries that would be added, then every device left
       out with the reason. With -v, each map is followed by why it is
       built, where its name and each of its settings come from, and where
       each path's WWID was read. Nothing is written.

OPTIONS
       --replay FILE
              Decide on the snapshot FILE instead of the running system.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when the decision ran (even if nothing would be built), 1 when the
       snapshot cannot be read or is malformed or the system cannot be
       read, 2 on a usage error.
)";
}

}  // namespace

int cmd_dry_run(const CliOptions& o, const Logger& log)
{
    auto args = parse_sub_args("dry-run", o.args, {"--replay"}, {});
    if (!args) {
        log.error(args.error());
        return 2;
    }
    if (o.help) {
        std::fputs(dry_run_help(), stdout);
        return 0;
    }
    if (!args->words.empty()) {
        log.error("dry-run: unexpected argument " + args->words.front() + " (see mpath-boot dry-run --help)");
        return 2;
    }
    auto machine = open_machine(args.value());
    if (!machine) {
        log.error(machine.error());
        return 1;
    }
    auto inputs = read_inputs(o, log);
    const Snapshot& snap = machine->snap;
    PlanInput in{inputs.config, inputs.state.wwids, inputs.state.bindings, snap.maps, false,
                 inputs.state.bindings_readable};
    auto plan = plan_from_snapshot(snap, in);
    std::fputs(format_plan(plan, o.state_dir, o.verbosity >= 2).c_str(), stdout);
    return 0;
}

}  // namespace mpb

// mpath-boot dry-run: what would be built, and why, without touching dm.
#include <cstdio>
#include <string_view>

#include "cmd/commands.hh"
#include "core/coalesce.hh"
#include "core/report.hh"
#include "core/snapshot.hh"
#include "sys/config_files.hh"
#include "sys/safe_write.hh"

namespace mpb {

namespace {

const char* dry_run_help()
{
    return R"(NAME
       mpath-boot dry-run - show the maps that would be built

SYNOPSIS
       mpath-boot [OPTIONS] dry-run --replay FILE

DESCRIPTION
       Runs every decision of mpath-boot -- blacklist, WWIDs, find_multipaths,
       names, dm tables -- on the machine snapshot FILE (see docs/snapshot.md)
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
              The snapshot to decide on.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when the decision ran (even if nothing would be built), 1 when the
       snapshot cannot be read or is malformed, 2 on a usage error.
)";
}

void report(const Logger& log, const Diagnostics& ds)
{
    for (const auto& d : ds) {
        if (d.severity == Severity::error)
            log.error(d.text);
        else
            log.warning(d.text);
    }
}

}  // namespace

int cmd_dry_run(const CliOptions& o, const Logger& log)
{
    std::string replay;
    for (std::size_t i = 0; i < o.args.size(); ++i) {
        std::string_view a = o.args[i];
        if (a == "--replay" && i + 1 < o.args.size()) {
            replay = o.args[++i];
        } else if (a.starts_with("--replay=")) {
            replay = std::string(a.substr(9));
        } else {
            log.error("dry-run: unexpected argument " + std::string(a) + " (see mpath-boot dry-run --help)");
            return 2;
        }
    }
    if (o.help) {
        std::fputs(dry_run_help(), stdout);
        return 0;
    }
    if (replay.empty()) {
        log.error("dry-run: --replay FILE is required (live discovery comes with the assemble command)");
        return 2;
    }
    auto text = read_file(replay);
    if (!text) {
        log.error("cannot read snapshot: " + text.error());
        return 1;
    }
    auto snap = parse_snapshot(text.value(), replay);
    if (!snap) {
        log.error(snap.error());
        return 1;
    }
    auto cfg = read_config(o.config, o.config_dir);
    report(log, cfg.diagnostics);
    auto state = read_state(o.state_dir);
    report(log, state.problems);
    PlanInput in{cfg, state.wwids, state.bindings, snap->maps, false, state.bindings_readable};
    auto plan = plan_from_snapshot(snap.value(), in);
    std::fputs(format_plan(plan, o.state_dir, o.verbosity >= 2).c_str(), stdout);
    return 0;
}

}  // namespace mpb

// mpath-boot disable-queueing: switch multipath maps to fail_if_no_path, so
// that a map without paths cannot hang the system going down.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/queueing.hh"

namespace mpb {

namespace {

const char* disable_queueing_help()
{
    return R"(NAME
       mpath-boot disable-queueing - make multipath maps fail I/O instead of queueing it

SYNOPSIS
       mpath-boot [OPTIONS] disable-queueing [--replay FILE] [NAME ...]

DESCRIPTION
       Sends "fail_if_no_path" to every multipath map whose table has the
       queue_if_no_path feature (no_path_retry queue or a retry count), or
       only to the maps NAME. A map that has lost all its paths then fails
       I/O at once instead of holding it until a path returns, so the final
       sync and unmount at shutdown cannot hang. The map's table is not
       changed: a reload (or multipathd) brings queueing back.

       mpath-boot-shutdown.service runs it when the system goes down. It is
       what "multipathd disablequeueing maps" does, without multipathd.

       Prints one line per map switched, such as: fail_if_no_path: mpatha (WWID)

OPTIONS
       --replay FILE
              Use the maps of the snapshot FILE instead of device-mapper;
              nothing is changed.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when every map that queued was switched (or none queued), 1 when a
       map could not be switched or device-mapper could not be read, 2 on a
       usage error.
)";
}

}  // namespace

int cmd_disable_queueing(const CliOptions& o, const Logger& log)
{
    auto args = parse_sub_args("disable-queueing", o.args, {"--replay"}, {});
    if (!args) {
        log.error(args.error());
        return 2;
    }
    if (o.help) {
        std::fputs(disable_queueing_help(), stdout);
        return 0;
    }
    auto machine = open_machine(args.value());
    auto maps = machine ? machine->dm->list() : Result<std::vector<DmMap>>::fail(machine.error());
    if (!maps) {
        log.error(maps.error());
        return 1;
    }
    int failures = 0;
    for (const auto& q : maps_to_stop_queueing(maps.value(), args->words)) {
        if (auto r = machine->dm->message(q.name, "fail_if_no_path"); !r) {
            log.error(r.error());
            ++failures;
            continue;
        }
        std::printf("fail_if_no_path: %s (%s)\n", q.name.c_str(), q.wwid.c_str());
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace mpb

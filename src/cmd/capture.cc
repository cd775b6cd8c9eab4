// mpath-boot capture: the live system as a snapshot file, for replay elsewhere.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "sys/safe_write.hh"

namespace mpb {

namespace {

const char* capture_help()
{
    return R"(NAME
       mpath-boot capture - save the machine's block devices and maps for replay

SYNOPSIS
       mpath-boot [OPTIONS] capture [--replay FILE] OUTPUT

DESCRIPTION
       Writes a snapshot of the running system to OUTPUT in the format
       --replay reads (docs/snapshot.md): every block device with its udev
       properties and the sysfs attributes mpath-boot decides on, what it is
       mounted on or used for, every device-mapper map with its table and
       status, and the kernel command line. Copy the file to another
       machine and run "mpath-boot dry-run --replay OUTPUT" there to see
       the same decisions. OUTPUT is written atomically (a temporary file,
       fsync, rename) and never through a symlink.

OPTIONS
       --replay FILE
              Read the snapshot FILE instead of the running system and write
              it in canonical form.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when OUTPUT was written, 1 when the system or FILE cannot be read
       or OUTPUT cannot be written, 2 on a usage error.
)";
}

}  // namespace

int cmd_capture(const CliOptions& o, const Logger& log)
{
    auto args = parse_sub_args("capture", o.args, {"--replay"}, {});
    if (!args) {
        log.error(args.error());
        return 2;
    }
    if (o.help) {
        std::fputs(capture_help(), stdout);
        return 0;
    }
    if (args->words.size() != 1) {
        log.error("capture: expected one OUTPUT file (see mpath-boot capture --help)");
        return 2;
    }
    auto machine = open_machine(args.value());
    if (!machine) {
        log.error(machine.error());
        return 1;
    }
    const std::string& out = args->words.front();
    if (auto w = write_file_atomically(out, format_snapshot(machine->snap)); !w) {
        log.error("capture: " + w.error());
        return 1;
    }
    log.info("wrote " + out + ": " + std::to_string(machine->snap.devices.size()) + " devices, " +
             std::to_string(machine->snap.maps.size()) + " maps");
    return 0;
}

}  // namespace mpb

#include "cmd/options.hh"

#include <string_view>

namespace mpb {

const char* main_help()
{
    return R"(NAME
       mpath-boot - assemble dm-multipath devices at boot

SYNOPSIS
       mpath-boot [OPTIONS] COMMAND [ARGS...]

DESCRIPTION
       mpath-boot finds the block devices that are paths to the same volume,
       decides which of them form multipath maps and under which names, and
       explains every decision. It reads the files multipath-tools uses
       (/etc/multipath.conf, /etc/multipath/conf.d, /etc/multipath/bindings,
       /etc/multipath/wwids), so either tool can take over from the other.

COMMANDS
       udev-check DEVNAME
              For udev rules (IMPORT{program}): print
              DM_MULTIPATH_DEVICE_PATH=1 or 0 for a block device, with its
              WWID and map name when known.

       assemble [WWID|DEVNAME ...]
              Build the multipath maps and their partition maps; safe to run
              again to add paths that appeared later.

       dry-run
              Show what assemble would build, in the shape of "multipath -d
              -v2", and the reason for every device left out. Nothing is
              changed.

       status [--json]
              Show the multipath maps in the shape of "multipath -l": groups,
              paths and their device-mapper states.

       capture OUTPUT
              Save the machine's block devices and maps as a snapshot file.

       wait
              For dracut's initqueue (a "finished" hook): exit 0 once a map
              or a device that is no path is there for every WWID of the
              wwids file, or the wait (path_wait in mpath-boot.conf(5)) is
              over; else exit 1 at once. Never blocks.

       handover --sysroot DIR [--no-rename]
              Before switch-root: rename the maps (and their partition
              maps) to the names the real root mounted at DIR expects,
              from its multipath.conf, bindings and wwids.

       disable-queueing [NAME ...]
              At shutdown: switch the multipath maps that queue I/O without
              paths to fail_if_no_path.

       Each command takes --replay FILE to act on a snapshot
       (docs/snapshot.md) instead of the running system.
       "mpath-boot COMMAND --help" shows the manual of each command.

OPTIONS
       --config FILE
              Main configuration file. Default: /etc/multipath.conf.

       --config-dir DIR
              Directory of *.conf files read after the main file, in sorted
              order. Default: /etc/multipath/conf.d.

       --state-dir DIR
              Directory of the bindings and wwids files.
              Default: /etc/multipath.

       --settings FILE
              mpath-boot's own settings (mpath-boot.conf(5)): how long the
              initramfs waits for paths, renaming at the handover, the
              log level. A missing file means the built-in defaults.
              Default: /etc/mpath-boot.conf.

       -v, --verbose
              More messages; repeat for debug messages.

       -q, --quiet
              Errors only.

       Without -v or -q, commands of the initramfs (wait, handover) log as log_level
       in the settings file says (default: warnings and errors).

       Messages go to stderr; in the initramfs (when /etc/initrd-release
       exists) also to the kernel log with a syslog priority.

       -h, --help
              Show this manual and exit.

       --version
              Show the version and exit.

EXIT STATUS
       0 on success, 1 when the command failed, 2 on a usage error.

FILES
       /etc/multipath.conf, /etc/multipath/conf.d/*.conf,
       /etc/multipath/bindings, /etc/multipath/wwids, /etc/mpath-boot.conf

SEE ALSO
       mpath-boot.conf(5), multipath(8), multipath.conf(5), dracut(8)
)";
}

namespace {

// Options that take a value: --name VALUE or --name=VALUE.
std::string* value_slot(CliOptions& o, std::string_view name)
{
    if (name == "--config")
        return &o.config;
    if (name == "--config-dir")
        return &o.config_dir;
    if (name == "--state-dir")
        return &o.state_dir;
    if (name == "--settings")
        return &o.settings;
    return nullptr;
}

}  // namespace

Result<CliOptions> parse_cli(int argc, char** argv)
{
    CliOptions o;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        auto eq = a.find('=');
        auto name = a.substr(0, eq);
        if (auto* slot = value_slot(o, name)) {
            if (eq != std::string_view::npos)
                *slot = std::string(a.substr(eq + 1));
            else if (i + 1 < argc)
                *slot = argv[++i];
            else
                return Result<CliOptions>::fail("option " + std::string(name) + " needs a value");
            if (slot->empty())
                return Result<CliOptions>::fail("option " + std::string(name) + " needs a value");
        } else if (a == "-v" || a == "--verbose") {
            ++o.verbosity;
            o.verbosity_set = true;
        } else if (a == "-vv") {
            o.verbosity += 2;
            o.verbosity_set = true;
        } else if (a == "-q" || a == "--quiet") {
            o.verbosity = 0;
            o.verbosity_set = true;
        } else if (a == "-h" || a == "--help") {
            o.help = true;
        } else if (a == "--version") {
            o.version = true;
        } else if (o.command.empty() && !a.starts_with("-")) {
            o.command = std::string(a);
        } else if (!o.command.empty()) {
            o.args.emplace_back(a);
        } else {
            return Result<CliOptions>::fail("unknown option " + std::string(a) +
                                            " (see mpath-boot --help)");
        }
    }
    return Result<CliOptions>::ok(std::move(o));
}

}  // namespace mpb

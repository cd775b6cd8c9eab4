// TEMPORARY: the manual texts until docs/mpath-boot.8 generates this file.
#include "cmd/manual.hh"

#include <utility>

namespace mpb {

namespace {

constexpr std::string_view page = R"(NAME
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

constexpr std::pair<std::string_view, std::string_view> commands[] = {
    {"udev-check", R"(NAME
       mpath-boot udev-check - tell udev whether a device is a multipath path

SYNOPSIS
       mpath-boot [OPTIONS] udev-check [--replay FILE] DEVNAME

DESCRIPTION
       Meant for udev rules: IMPORT{program}="mpath-boot udev-check %k".
       Decides whether the block device DEVNAME (a kernel name such as sda,
       or /dev/sda) is a path of a multipath map, with the device's udev
       properties taken from the environment udev passes and its sysfs
       attributes, and prints KEY=VALUE lines for udev to import:

              DM_MULTIPATH_DEVICE_PATH=1 or 0
              MPATH_BOOT_PATH=1 or 0 (the same verdict, kept in the udev
              database for the next event)
              MPATH_BOOT_WWID=WWID and MPATH_BOOT_ALIAS=NAME when known

       The verdict follows multipath-tools' "multipath -u", so both sets of
       rules agree when both are installed: a disk already held by a
       multipath map is a path; a blacklisted disk or one without a WWID is
       not; then find_multipaths: greedy takes every path, a WWID in the
       wwids file or with a map is a path, and strict, yes/on and off take
       nothing else (the map is built from two paths by "mpath-boot
       assemble", which lists the WWID and has udev run the paths' rules
       again). Only smart looks at the other block devices, for a second
       path of the WWID; it has no wait timer, so a single path is released
       at once. One difference, on purpose: a disk that is mounted, active
       swap or held by something other than a multipath map (also through
       its partitions) is released (0) in every mode, so a boot never waits
       for a disk that is already in use. A disk whose earlier verdict
       (MPATH_BOOT_PATH in the environment, from the udev database) was 0
       stays 0 unless a map holds it or its WWID is in the wwids file. A
       WWID or name that udev could not carry safely (quotes, '$', '=',
       '\', ';', control characters) is left out with a warning. The reason
       for the verdict is logged with -v.

OPTIONS
       --replay FILE
              Take the device, its properties and the other devices from the
              snapshot FILE instead of the environment and the live system.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 whether or not the device is a path (udev imports nothing from a
       failing program); 1 on an internal error (the device cannot be read,
       a malformed snapshot), with the reason on stderr; 2 on a usage error.
)"},
    {"assemble", R"(NAME
       mpath-boot assemble - build multipath maps and their partition maps

SYNOPSIS
       mpath-boot [OPTIONS] assemble [--replay FILE] [WWID|DEVNAME ...]

DESCRIPTION
       Enumerates the block devices, decides which are paths and which maps
       they form (as "mpath-boot dry-run" shows), and builds those maps
       through device-mapper: dm name = the map's name, dm UUID
       mpath-WWID. Each change waits until udev has processed it. Then the
       partition table of each map is read and a linear map is made for
       each partition, named and identified as Debian's kpartx does:
       NAME-partN with dm UUID partN-mpath-WWID. New friendly names are
       written to the bindings file before their map is created, new WWIDs
       to the wwids file after it. Paths of a new or changed map that udev
       had released (MPATH_BOOT_PATH not 1, as with find_multipaths yes
       before the WWID was in the wwids file) get a "change" uevent, then
       their partitions, so udev claims them now (waiting for udev at most
       30 s each time).

       Running it again is safe: a map whose table already matches is left
       untouched, a map that gained paths is reloaded with them, and a map
       that is open is never removed or resized. With WWID or DEVNAME
       arguments only the maps with that WWID or holding that path are
       built.

       Prints one line per change ("create: mpatha (WWID) dm-3 VENDOR,PRODUCT
       paths sda sdb"); with -v also the maps left as they are.

OPTIONS
       --replay FILE
              Act on the snapshot FILE instead of the live system: the maps
              are changed in memory only and the changes are printed. The
              partition tables are the partitions the snapshot lists for
              each map's first path. The bindings and wwids files are
              written as in a live run.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when every map and partition map needed is in place, 1 when
       something could not be built (each failure is named on stderr), 2 on a
       usage error.
)"},
    {"dry-run", R"(NAME
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
)"},
    {"status", R"(NAME
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
)"},
    {"capture", R"(NAME
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
)"},
    {"wait", R"(NAME
       mpath-boot wait - tell dracut whether the multipath volumes have come

SYNOPSIS
       mpath-boot [OPTIONS] wait [--cmdline FILE] [--run-dir DIR]
                  [--replay FILE] [--now SECONDS]

DESCRIPTION
       Meant for dracut's initqueue as a "finished" hook, which runs it about
       twice a second until it exits 0. Each run looks once and returns at
       once; it never waits itself.

       It exits 0 when, for every WWID of the wwids file, a multipath map
       with dm UUID mpath-WWID exists, or a device of that WWID is there
       that is no path (blacklisted, in use, ...: as "mpath-boot dry-run"
       decides), so no map will be built for it. Else it exits 1, silently,
       until the wait is over.

       The wait is path_wait seconds (mpath-boot.conf(5), default 30),
       rd.mpath_boot.wait=SECONDS on the kernel command line instead, capped
       by dracut's rd.timeout=SECONDS unless that is 0. It runs from the
       first call, whose time is kept in DIR/wait-start. When it is over,
       wait exits 0 and logs, once, a warning for each WWID that did not
       come:

              gave up after 30 s waiting for WWID WWID (listed in
              /etc/multipath/wwids): no path arrived

       In the initramfs the messages also go to the kernel log, so the
       journal keeps them. Problems with the settings file, multipath.conf,
       the wwids file or the kernel command line are logged by the first
       call only.

       Turned off by rd.mpath_boot=0, rd.multipath=0, nompath or
       multipath=off on the kernel command line: exits 0 at once. With a
       wait of 0 it exits 0 at once too. Without -v or -q, messages are
       those log_level in the settings file asks for.

OPTIONS
       --cmdline FILE
              Read the kernel command line from FILE. Default: /proc/cmdline,
              or with --replay the snapshot's command line.

       --run-dir DIR
              Where the start of the wait and the warnings given are kept
              (created when missing). Default: /run/mpath-boot.

       --replay FILE
              Look at the snapshot FILE instead of the running system.

       --now SECONDS
              For tests: the time on the wait's clock (CLOCK_MONOTONIC, in
              whole seconds), instead of the clock itself.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when the boot may go on: every WWID has come, the wait is over, it
       is turned off, or a problem (logged) makes waiting impossible; 1 when
       a WWID is still awaited; 2 on a usage error or an unreadable
       --cmdline or --replay FILE.

FILES
       /etc/mpath-boot.conf, /etc/multipath/wwids, /proc/cmdline,
       /run/mpath-boot/wait-start, /run/mpath-boot/wait-gave-up
)"},
    {"handover", R"HELP(NAME
       mpath-boot handover - give the maps the names the real root expects

SYNOPSIS
       mpath-boot [OPTIONS] handover --sysroot DIR [--no-rename]
                  [--run-dir DIR] [--replay FILE]

DESCRIPTION
       Meant to run in the initramfs once the real root is mounted at DIR and
       before switch-root. For every multipath map (dm UUID mpath-WWID) it
       works out the name the real root gives it from the real root's own
       files, DIR/etc/multipath.conf, DIR/etc/multipath/conf.d/*.conf,
       DIR/etc/multipath/bindings and DIR/etc/multipath/wwids, by the rules
       assemble names maps with: the multipaths alias, else the binding
       when user_friendly_names is yes, else the WWID. When the real root
       has no name for the WWID and would only hand out a new friendly name,
       the map keeps its name: multipathd adopts the name of an existing map.

       A map whose name differs is renamed, its partition maps first
       (NAME-partN becomes NEWNAME-partN; dm UUIDs do not change), each
       change waiting until udev has processed it. A name another map
       already has is a conflict: reported, nothing is forced. A WWID of a
       map that is not in DIR/etc/multipath/wwids is a warning, since
       multipath-tools in the real root may then not claim its paths.

       The real root's files are read as the real root will see them: a
       symbolic link to an absolute path is followed inside DIR. A link
       that climbs out of DIR with "..", or leads to nothing inside it, is
       refused with a message, and the file is treated as unreadable. Missing
       files are normal (built-in defaults, empty tables); a broken
       multipath.conf gives its file:line message and the built-in defaults.

       Prints one line per change:

              rename: mpatha -> rootdisk (WWID) with mpatha-part1 -> rootdisk-part1

       with -v also "keep: NAME (WWID)" for each map left as it is. Every
       decision and its reason is logged at the info level; conflicts and
       failures as errors. The record of the handover is written to
       DIR/handover.json (--run-dir): {"sysroot", "maps": [{"wwid",
       "name_before", "name_after", "action" (keep, rename, conflict,
       would-rename, failed), "reason", "partitions": [{"name_before",
       "name_after"}]}], "warnings": [...]}.

       With rename_at_handover = no in the settings file (mpath-boot.conf(5))
       nothing is renamed, as with --no-rename, but the record is written.
       Without -v or -q, messages are those log_level in the settings file
       asks for.

OPTIONS
       --sysroot DIR
              Where the real root is mounted (required).

       --no-rename
              Show what would be renamed ("would rename: ..."); change
              nothing and write no record unless --run-dir is given.

       --run-dir DIR
              Where handover.json is written (created when missing).
              Default: /run/mpath-boot.

       --replay FILE
              Act on the snapshot FILE instead of the live system: the maps
              are renamed in memory only.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when every map has the name the real root expects or keeps one it
       adopts, 1 when a map could not be renamed (a conflict or a failed
       rename) or the record could not be written, 2 on a usage error (also
       when DIR cannot be opened).
)HELP"},
    {"disable-queueing", R"(NAME
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
)"},
};

}  // namespace

std::string_view manual_page() { return page; }

std::string_view command_manual(std::string_view command)
{
    for (const auto& [name, text] : commands)
        if (name == command)
            return text;
    return {};
}

}  // namespace mpb

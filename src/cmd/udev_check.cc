// mpath-boot udev-check: the udev callout (IMPORT{program}) that tells udev
// whether a block device is a multipath path.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/udev_verdict.hh"
#include "sys/live_snapshot.hh"
#include "sys/udev_devices.hh"

extern char** environ;

namespace mpb {

namespace {

const char* udev_check_help()
{
    return R"(NAME
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
)";
}

// The device alone first; the whole machine only when the verdict needs it.
Result<UdevVerdict> decide(const std::string& name, const SubArgs& args, const Inputs& inputs)
{
    using R = Result<UdevVerdict>;
    Snapshot snap;
    bool enumerated = false;
    if (auto it = args.values.find("--replay"); it != args.values.end()) {
        auto file = read_snapshot_file(it->second);
        if (!file)
            return R::fail(file.error());
        snap = std::move(file.value());
        enumerated = true;
    } else {
        auto one = device_snapshot(name, properties_from_environment(environ));
        if (!one)
            return R::fail(one.error());
        snap = std::move(one.value());
    }
    const BlockDevice* dev = snap.find_device(name);
    if (!dev)
        return R::fail("udev-check: " + name + ": not in the snapshot");
    const std::string* earlier = dev->property("MPATH_BOOT_PATH");
    UdevInput in{inputs.config, inputs.state.wwids, inputs.state.bindings, earlier ? *earlier : ""};
    UdevVerdict v = udev_verdict(snap, name, in, enumerated);
    if (v.kind != UdevVerdict::Kind::need_siblings)
        return R::ok(v);
    auto all = system_snapshot(sysfs_dm_maps());
    if (!all)
        return R::fail(all.error());
    // This event's properties are newer than the udev database's.
    for (auto& d : all.value().devices)
        if (d.name == name)
            d = *dev;
    return R::ok(udev_verdict(all.value(), name, in, true));
}

}  // namespace

int cmd_udev_check(const CliOptions& o, const Logger& log)
{
    auto args = parse_sub_args("udev-check", o.args, {"--replay"}, {});
    if (!args) {
        log.error(args.error());
        return 2;
    }
    if (o.help) {
        std::fputs(udev_check_help(), stdout);
        return 0;
    }
    if (args->words.size() != 1) {
        log.error("udev-check: expected one DEVNAME (see mpath-boot udev-check --help)");
        return 2;
    }
    auto name = kernel_name_arg("udev-check", args->words[0]);
    if (!name) {
        log.error(name.error());
        return 2;
    }
    auto inputs = read_inputs(o, log);
    auto verdict = decide(name.value(), args.value(), inputs);
    if (!verdict) {
        log.error(verdict.error());
        return 1;
    }
    auto out = udev_properties(verdict.value());
    std::fputs(out.text.c_str(), stdout);
    for (const auto& w : out.warnings)
        log.warning(name.value() + ": " + w);
    log.info(name.value() + ": " + verdict->reason);
    return 0;
}

}  // namespace mpb

// mpath-boot handover: just before switch-root, give the maps assembled in
// the initramfs the names the real root expects, so its fstab finds
// /dev/mapper/NAME-partN and multipathd adopts the maps without a rename.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/handover.hh"
#include "sys/sysroot_files.hh"

namespace mpb {

namespace {

const char* handover_help()
{
    return R"HELP(NAME
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
)HELP";
}

constexpr const char* default_run_dir = "/run/mpath-boot";

struct Sysroot {
    Config config;
    StateFiles state;
};

Sysroot read_sysroot(const SysrootFiles& root, const Logger& log)
{
    Sysroot s{read_config(root, "/etc/multipath.conf", "/etc/multipath/conf.d"),
              read_state(root, "/etc/multipath")};
    report(log, s.config.diagnostics);
    report(log, s.state.problems);
    return s;
}

class Handover {
public:
    Handover(DmOps& dm, const Logger& log, bool rename) : dm_(dm), log_(log), rename_(rename) {}

    // Returns the number of maps that do not have their name.
    int run(HandoverPlan& plan)
    {
        for (const auto& w : plan.warnings)
            log_.warning(w);
        for (auto& m : plan.maps)
            apply(m);
        return failures_;
    }

private:
    using Action = MapHandover::Action;

    void apply(MapHandover& m)
    {
        if (m.action == Action::rename && !rename_)
            m.action = Action::would_rename;
        if (m.action == Action::rename)
            rename(m);
        auto line = handover_line(m);
        auto about = m.name_before + " (" + m.wwid + "): ";
        if (m.action == Action::conflict || m.action == Action::failed) {
            ++failures_;
            log_.error(line + ": " + m.reason);
            return;
        }
        // A rename means the initramfs and the real root disagreed: worth a
        // line in the kernel log, which outlives the initramfs.
        if (m.action == Action::rename)
            log_.warning(line + ": " + m.reason);
        else
            log_.info(about + to_string(m.action) + ": " + m.reason);
        if (m.action != Action::keep || log_.verbosity >= 2)
            std::printf("%s\n", line.c_str());
    }

    // Partition maps first, then the map, as multipath-tools' dm_rename()
    // does; if the map cannot follow, its partition maps go back to their
    // names, so the map and its partitions never disagree.
    void rename(MapHandover& m)
    {
        std::vector<PartitionRename> done;
        std::string error;
        for (const auto& p : m.partitions) {
            if (auto r = dm_.rename(p.before, p.after, DmChange{}); !r) {
                error = r.error();
                break;
            }
            done.push_back(p);
        }
        if (error.empty())
            if (auto r = dm_.rename(m.name_before, m.name_after, DmChange{}); !r)
                error = r.error();
        if (error.empty())
            return;
        for (const auto& p : done)
            if (auto r = dm_.rename(p.after, p.before, DmChange{}); !r)
                log_.error("cannot give " + p.after + " its name back: " + r.error());
        m.action = Action::failed;
        m.reason += "; " + error;
        m.partitions.clear();
    }

    DmOps& dm_;
    const Logger& log_;
    bool rename_;
    int failures_ = 0;
};

Result<Unit> write_record(const std::string& run_dir, const std::string& sysroot, const HandoverPlan& plan)
{
    WriteOptions opts;
    opts.create_parent = true;
    auto r = write_file_atomically(run_dir + "/handover.json", format_handover_json(sysroot, plan), opts);
    if (!r)
        return Result<Unit>::fail("cannot write the handover record: " + r.error());
    return r;
}

// The arguments as the command uses them; the error is a usage error.
struct HandoverArgs {
    SubArgs sub;
    std::string sysroot;
    std::string run_dir;   // "" when no record is to be written
    bool no_rename = false;
};

Result<HandoverArgs> parse_handover_args(const CliOptions& o)
{
    using R = Result<HandoverArgs>;
    auto sub = parse_sub_args("handover", o.args, {"--replay", "--sysroot", "--run-dir"}, {"--no-rename"});
    if (!sub)
        return R::fail(sub.error());
    HandoverArgs a{sub.value(), {}, default_run_dir, sub->flags.count("--no-rename") != 0};
    if (!sub->words.empty())
        return R::fail("handover: unexpected argument " + sub->words.front() +
                       " (see mpath-boot handover --help)");
    auto value = [&](const char* name) {
        auto it = sub->values.find(name);
        return it == sub->values.end() ? std::string() : it->second;
    };
    a.sysroot = value("--sysroot");
    if (a.sysroot.empty() && !o.help)
        return R::fail("handover: option --sysroot is required (see mpath-boot handover --help)");
    // A dry run must not replace the record the boot left.
    if (auto dir = value("--run-dir"); !dir.empty() || a.no_rename)
        a.run_dir = dir;
    return R::ok(std::move(a));
}

}  // namespace

int cmd_handover(const CliOptions& o, const Logger& log)
{
    auto args = parse_handover_args(o);
    if (!args) {
        log.error(args.error());
        return 2;
    }
    if (o.help) {
        std::fputs(handover_help(), stdout);
        return 0;
    }
    auto settings = read_boot_settings(o.settings);
    Logger lg = with_log_level(log, o, settings);
    report(lg, settings.diagnostics);
    auto root = SysrootFiles::open(args->sysroot);
    if (!root) {
        lg.error("handover: " + root.error());
        return 2;
    }
    auto inputs = read_inputs(o, lg);
    auto sysroot = read_sysroot(root.value(), lg);
    auto machine = open_machine(args->sub);
    auto maps = machine ? machine->dm->list() : Result<std::vector<DmMap>>::fail(machine.error());
    if (!maps) {
        lg.error(maps.error());
        return 1;
    }
    HandoverInput in{machine->snap, maps.value(), {inputs.config, inputs.state.bindings},
                     {sysroot.config, sysroot.state.bindings}, sysroot.state.wwids, root->dir()};
    auto plan = plan_handover(in);
    bool rename = !args->no_rename && settings.rename_at_handover && !sysroot.config.fell_back;
    if (!args->no_rename && !settings.rename_at_handover)
        lg.info("handover: nothing is renamed: rename_at_handover is off in " + o.settings);
    // Built-in defaults stand in for a broken file, but they are not the
    // names the real root will use: renaming by them could break its fstab.
    else if (!args->no_rename && sysroot.config.fell_back)
        lg.warning("handover: nothing is renamed: the real root's multipath configuration is broken, "
                   "so the names it expects are not known");
    int failures = Handover(*machine.value().dm, lg, rename).run(plan);
    if (!args->run_dir.empty())
        if (auto r = write_record(args->run_dir, root->dir(), plan); !r) {
            lg.error(r.error());
            ++failures;
        }
    return failures == 0 ? 0 : 1;
}

}  // namespace mpb

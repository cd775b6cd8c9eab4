// SPDX-License-Identifier: GPL-2.0-or-later
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
    Handover(DmOps& dm, const Logger& log) : dm_(dm), log_(log) {}

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
        if (m.action == Action::rename)
            rename(m);
        auto line = handover_line(m);
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
            log_.info(m.name_before + " (" + m.wwid + "): " + to_string(m.action) + ": " + m.reason);
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
    int failures_ = 0;
};

Result<Unit> write_record(Files& files, const std::string& run_dir, const std::string& sysroot,
                          const HandoverPlan& plan)
{
    WriteOptions opts;
    opts.create_parent = true;
    auto r = files.write_atomically(run_dir + "/handover.json", format_handover_json(sysroot, plan), opts);
    if (!r)
        return Result<Unit>::fail("cannot write the handover record: " + r.error());
    return r;
}

// Where the record goes: --run-dir, else the default, except that a dry
// run must not replace the record the boot left.
std::string record_dir(const Invocation& inv)
{
    auto dir = inv.value("--run-dir");
    return !dir.empty() || inv.flag("--no-rename") ? dir : default_run_dir;
}

struct Planned {
    HandoverPlan plan;
    bool sysroot_config_broken = false;
};

// The plan from the maps as they are and both roots' files.
Result<Planned> plan(Machine& machine, const SysrootFiles& root, const Invocation& inv, const Logger& log)
{
    auto inputs = read_inputs(inv.files(), inv.options, log);
    auto sysroot = read_sysroot(root, log);
    auto maps = machine.dm().list();
    auto snap = maps ? machine.snapshot_with(maps.value()) : Result<Snapshot>::fail(maps.error());
    if (!snap)
        return Result<Planned>::fail(snap.error());
    HandoverInput in{snap.value(), maps.value(), {inputs.config, inputs.state.bindings},
                     {sysroot.config, sysroot.state.bindings}, sysroot.state.wwids, root.dir()};
    return Result<Planned>::ok({plan_handover(in), sysroot.config.fell_back});
}

}  // namespace

int run_handover(const Invocation& inv)
{
    const CliOptions& o = inv.options;
    if (inv.value("--sysroot").empty())
        return inv.fail("handover: option --sysroot is required (see mpath-boot handover --help)", 2);
    auto settings = read_boot_settings(inv.files(), o.settings);
    Logger lg = with_log_level(inv.log, o, settings);
    report(lg, settings.diagnostics);
    auto root = SysrootFiles::open(inv.value("--sysroot"));
    if (!root) {
        lg.error("handover: " + root.error());
        return 2;
    }
    auto machine = inv.machine();
    auto p = machine ? plan(*machine.value(), root.value(), inv, lg) : Result<Planned>::fail(machine.error());
    if (!p) {
        lg.error(p.error());
        return 1;
    }
    auto gate = rename_gate(inv.flag("--no-rename"), settings.rename_at_handover, o.settings,
                            p->sysroot_config_broken);
    if (!gate.why.empty())
        lg.log(gate.warning ? LogLevel::warning : LogLevel::info, "handover: " + gate.why);
    if (!gate.rename)
        hold_renames(p->plan);
    int failures = Handover(machine.value()->dm(), lg).run(p->plan);
    if (auto dir = record_dir(inv); !dir.empty())
        if (auto r = write_record(inv.files(), dir, root->dir(), p->plan); !r) {
            lg.error(r.error());
            ++failures;
        }
    return failures == 0 ? 0 : 1;
}

}  // namespace mpb

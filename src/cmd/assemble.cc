// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot assemble: build the maps the core decides, then their
// partition maps, and record new names and WWIDs.
#include <algorithm>
#include <cstdio>
#include <optional>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/assembly.hh"
#include "core/dm_name.hh"
#include "core/text.hh"

namespace mpb {

namespace {

std::string map_line(const char* verb, const MapPlan& m, DevT devt)
{
    std::string line = std::string(verb) + ": " + m.name + " (" + m.wwid + ") " + dm_kernel_name(devt.minor) +
                       " " + printable(m.paths.front().vendor + "," + m.paths.front().product) + " paths";
    for (const auto& p : m.paths)
        line += " " + p.name;
    return line + "\n";
}

void print_partition_line(const char* verb, const std::string& name, const std::string& uuid, DevT devt)
{
    std::printf("%s: %s (%s) %s\n", verb, name.c_str(), uuid.c_str(), dm_kernel_name(devt.minor).c_str());
}

class Assembler {
public:
    Assembler(Machine& machine, const Snapshot& snap, const Invocation& inv, const Logger& log,
              LockDeadline lock_deadline)
        : m_(machine), snap_(snap), files_(inv.files()), o_(inv.options), log_(log), lock_deadline_(lock_deadline) {}

    int dm_failures() const { return dm_failures_; }

    // Returns the number of failures. Every map is loaded before udev is
    // waited for, once; then every partition map, and one wait again.
    int run(const Plan& plan)
    {
        record_bindings(plan);
        for (const auto& map : plan.maps)
            build(map, plan);
        m_.dm().wait_for_udev();
        record_wwids(plan);
        add_partitions(plan);
        reclaim(paths_to_reclaim(plan, built_, snap_));
        return failures_;
    }

private:
    void fail(const std::string& why)
    {
        log_.error(why);
        ++failures_;
    }

    // The kernel refused a table: a path may have gone meanwhile.
    void fail_in_dm(const std::string& why)
    {
        fail(why);
        ++dm_failures_;
    }

    bool built(const std::string& wwid) const
    {
        return std::find(built_.begin(), built_.end(), wwid) != built_.end();
    }

    void build(const MapPlan& map, const Plan& plan)
    {
        if (map.action != MapPlan::Action::keep)
            log_.info(map.name + ": " + (map.action == MapPlan::Action::create ? "creating" : "reloading") +
                      " with " + path_names(map));
        switch (map.action) {
        case MapPlan::Action::keep:
            if (o_.verbosity >= 2)
                std::fputs(map_line("unchanged", map, map.existing_devt).c_str(), stdout);
            built_.push_back(map.wwid);
            return;
        case MapPlan::Action::reload:
            return reload(map);
        case MapPlan::Action::create:
            return create(map, plan);
        }
    }

    // The names of the maps to create are durable before any of them
    // exists, as multipath-tools has it for each map, in one write of the
    // bindings file (one fsync, not one per map).
    void record_bindings(const Plan& plan)
    {
        std::vector<Binding> fresh;
        std::copy_if(plan.new_bindings.begin(), plan.new_bindings.end(), std::back_inserter(fresh),
                     [&](const Binding& b) { return new_binding_of_created(b, plan); });
        if (auto w = add_bindings(files_, o_.state_dir, fresh, lock_deadline_); !w)
            bindings_error_ = w.error();
    }

    static bool new_binding_of_created(const Binding& b, const Plan& plan)
    {
        return std::any_of(plan.maps.begin(), plan.maps.end(), [&](const MapPlan& m) {
            return m.wwid == b.wwid && m.action == MapPlan::Action::create;
        });
    }

    void create(const MapPlan& map, const Plan& plan)
    {
        bool named_here = std::any_of(plan.new_bindings.begin(), plan.new_bindings.end(),
                                      [&](const Binding& b) { return b.wwid == map.wwid; });
        if (named_here && bindings_error_)
            return fail(map.name + ": not created: cannot record its name: " + *bindings_error_);
        log_.log(LogLevel::debug, map.name + ": table " + map.table);
        auto devt = m_.dm().create(map.name, map_uuid(map.wwid), map.table, DmChange{.wait = false});
        if (!devt)
            return fail_in_dm(devt.error());
        std::fputs(map_line("create", map, devt.value()).c_str(), stdout);
        built_.push_back(map.wwid);
    }

    void reload(const MapPlan& map)
    {
        if (auto refusal = reload_refusal(map, snap_))
            return fail(*refusal);
        log_.log(LogLevel::debug, map.name + ": table " + map.table);
        auto r = m_.dm().reload(map.name, map.table, DmChange{.reload = true, .wait = false});
        if (!r)
            return fail_in_dm(r.error());
        std::fputs(map_line("reload", map, map.existing_devt).c_str(), stdout);
        built_.push_back(map.wwid);
    }

    void record_wwids(const Plan& plan)
    {
        std::vector<std::string> fresh;
        std::copy_if(plan.new_wwids.begin(), plan.new_wwids.end(), std::back_inserter(fresh),
                     [&](const std::string& w) { return built(w); });
        if (auto r = add_wwids(files_, o_.state_dir, fresh, lock_deadline_); !r)
            fail("cannot record new WWIDs: " + r.error());
    }

    // Disks first, then their partitions, which inherit the disk's verdict:
    // udev runs a partition's event only after its disk's earlier one, so
    // one batch and one wait serve both.
    void reclaim(const Reclaim& r)
    {
        std::vector<std::string> batch = r.disks;
        batch.insert(batch.end(), r.partitions.begin(), r.partitions.end());
        if (batch.empty())
            return;
        log_.info("asking udev to decide on " + join(batch) + " again");
        for (const auto& problem : m_.rerun_udev_rules(batch))
            log_.warning(problem);
    }

    static std::string path_names(const MapPlan& map)
    {
        std::vector<std::string> names;
        for (const auto& p : map.paths)
            names.push_back(p.name);
        return join(names);
    }

    static std::string join(const std::vector<std::string>& names)
    {
        std::string out;
        for (const auto& n : names)
            out += (out.empty() ? "" : " ") + n;
        return out;
    }

    void add_partitions(const Plan& plan)
    {
        // Listed again: kpartx's udev rules may have made some meanwhile.
        auto maps = m_.dm().list();
        if (!maps)
            return fail(maps.error());
        for (const auto& map : plan.maps) {
            if (!built(map.wwid) || map.settings.skip_kpartx.value)
                continue;
            if (!needs_partition_probe(map, maps.value())) {
                show_unchanged_partitions(map, maps.value());
                continue;
            }
            const DmMap* it = find_map_by_uuid(maps.value(), map_uuid(map.wwid));
            if (!it)
                continue;
            auto spans = m_.partitions(*it, map.paths.front().name);
            if (!spans) {
                fail(map.name + ": " + spans.error());
                continue;
            }
            for (const auto& p : plan_partition_maps(it->name, map.wwid, it->devt, spans.value(), maps.value()))
                apply(p);
        }
        m_.dm().wait_for_udev();
    }

    // -v lists a kept map's partition maps as a probe would have found them.
    void show_unchanged_partitions(const MapPlan& map, const std::vector<DmMap>& maps)
    {
        if (o_.verbosity < 2)
            return;
        for (const auto& m : maps)
            if (auto part = parse_partition_uuid(m.uuid); part && part->wwid == map.wwid)
                print_partition_line("unchanged", m.name, m.uuid, m.devt);
    }

    void apply(const PartitionMapPlan& p)
    {
        using A = PartitionMapPlan::Action;
        if (p.action == A::keep) {
            if (o_.verbosity >= 2)
                print_partition_line("unchanged", p.name, p.uuid, p.existing_devt);
        } else if (p.action == A::blocked) {
            fail(p.reason);
        } else if (p.action == A::create) {
            log_.log(LogLevel::debug, p.name + ": table " + p.table);
            auto devt = m_.dm().create(p.name, p.uuid, p.table, DmChange{.wait = false});
            if (!devt)
                return fail(devt.error());
            print_partition_line("create", p.name, p.uuid, devt.value());
        } else {
            auto r = m_.dm().reload(p.name, p.table, DmChange{.wait = false});
            if (!r)
                return fail(r.error());
            print_partition_line("reload", p.name, p.uuid, p.existing_devt);
        }
    }

    Machine& m_;
    const Snapshot& snap_;
    Files& files_;
    const CliOptions& o_;
    const Logger& log_;
    std::vector<std::string> built_;  // WWIDs whose map is in place
    std::optional<std::string> bindings_error_;  // the new names could not be recorded
    int failures_ = 0;
    int dm_failures_ = 0;  // of failures_, the maps the kernel refused
    const LockDeadline lock_deadline_;
};

}  // namespace

namespace {

struct Pass {
    int failures = 0;        // maps or partition maps not built
    int dm_failures = 0;     // of them, maps whose table the kernel refused
    std::size_t unmatched = 0;
};

// Reads the machine, plans and builds once.
Result<Pass> assemble_pass(const Invocation& inv, Machine& machine, const Inputs& inputs, const BootSettings& settings,
                           const Logger& lg, LockDeadline lock_deadline)
{
    auto snap = inv.snapshot_of(machine, inputs.config, std::chrono::milliseconds(settings.scsi_timeout_ms));
    if (!snap)
        return Result<Pass>::fail(snap.error());
    PlanInput in{inputs.config, inputs.state.wwids, inputs.state.bindings, snap->maps, true,
                 inputs.state.bindings_readable};
    Plan plan = plan_from_snapshot(snap.value(), in);
    auto chosen = select_maps(std::move(plan.maps), inv.words());
    plan.maps = std::move(chosen.maps);
    for (const auto& u : chosen.unmatched)
        lg.error("assemble: " + u + " (see mpath-boot dry-run)");
    for (const auto& m : plan.maps)
        for (const auto& w : m.warnings)
            lg.warning(w);
    Assembler assembler(machine, snap.value(), inv, lg, lock_deadline);
    int failures = assembler.run(plan);
    return Result<Pass>::ok({failures, assembler.dm_failures(), chosen.unmatched.size()});
}

}  // namespace

int run_assemble(const Invocation& inv)
{
    // Run in the initramfs, so it logs as log_level says, as wait and
    // handover do; the first line marks when a boot's assembly began.
    auto settings = read_boot_settings(inv.files(), inv.options.settings);
    Logger lg = with_log_level(inv.log, inv.options, settings);
    report(lg, settings.diagnostics);
    lg.info("assemble: started");
    auto inputs = read_inputs(inv.files(), inv.options, lg);
    auto machine = inv.machine();
    if (!machine)
        return inv.fail(machine.error());
    // The state files' lock is waited for once a run, not once a map or pass.
    const LockDeadline lock_deadline = std::chrono::steady_clock::now() + WriteOptions{}.lock_timeout;
    auto pass = assemble_pass(inv, *machine.value(), inputs, settings, lg, lock_deadline);
    // A path gone between the reading of the devices and the loading of
    // its map's table fails the load, and no later event of that path
    // runs assemble again (the initqueue job is unique while it runs): one
    // more pass builds the map from the paths left.
    if (pass && pass->dm_failures > 0) {
        lg.warning("assemble: the kernel refused " + std::to_string(pass->dm_failures) +
                   " map(s); reading the devices again and retrying once");
        pass = assemble_pass(inv, *machine.value(), inputs, settings, lg, lock_deadline);
    }
    if (!pass)
        return inv.fail(pass.error());
    return pass->failures + pass->unmatched == 0 ? 0 : 1;
}

}  // namespace mpb

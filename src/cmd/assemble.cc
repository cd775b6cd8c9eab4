// mpath-boot assemble: build the maps the core decides, then their
// partition maps, and record new names and WWIDs.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/coalesce.hh"
#include "core/dm_table.hh"
#include "core/partition_maps.hh"
#include "sys/partition_probe.hh"
#include "sys/uevent.hh"

namespace mpb {

namespace {

const char* assemble_help()
{
    return R"(NAME
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
)";
}

std::string map_line(const char* verb, const MapPlan& m, DevT devt)
{
    std::string line = std::string(verb) + ": " + m.name + " (" + m.wwid + ") dm-" +
                       std::to_string(devt.minor) + " " + m.paths.front().vendor + "," +
                       m.paths.front().product + " paths";
    for (const auto& p : m.paths)
        line += " " + p.name;
    return line + "\n";
}

bool selected(const MapPlan& m, const std::vector<std::string>& wanted)
{
    if (wanted.empty())
        return true;
    for (const auto& w : wanted) {
        std::string dev = w.starts_with("/dev/") ? w.substr(5) : w;
        if (w == m.wwid || std::any_of(m.paths.begin(), m.paths.end(),
                                       [&](const PathRecord& p) { return p.name == dev; }))
            return true;
    }
    return false;
}

class Assembler {
public:
    Assembler(Machine& machine, const CliOptions& o, const Logger& log)
        : m_(machine), o_(o), log_(log) {}

    // Returns the number of failures.
    int run(const Plan& plan)
    {
        for (const auto& map : plan.maps)
            build(map, plan);
        record_wwids(plan);
        add_partitions(plan);
        if (!m_.replay)
            reclaim_paths(plan);
        return failures_;
    }

private:
    void fail(const std::string& why)
    {
        log_.error(why);
        ++failures_;
    }

    void build(const MapPlan& map, const Plan& plan)
    {
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

    void create(const MapPlan& map, const Plan& plan)
    {
        // The name is durable before the map exists, as multipath-tools does it.
        std::vector<Binding> binding;
        for (const auto& b : plan.new_bindings)
            if (b.wwid == map.wwid)
                binding.push_back(b);
        if (auto w = add_bindings(o_.state_dir, binding); !w)
            return fail(map.name + ": not created: cannot record its name: " + w.error());
        log_.log(LogLevel::debug, map.name + ": table " + map.table);
        auto devt = m_.dm->create(map.name, "mpath-" + map.wwid, map.table, DmChange{});
        if (!devt)
            return fail(devt.error());
        std::fputs(map_line("create", map, devt.value()).c_str(), stdout);
        built_.push_back(map.wwid);
    }

    void reload(const MapPlan& map)
    {
        const DmMap* old = m_.snap.find_map_by_uuid("mpath-" + map.wwid);
        auto old_shape = parse_multipath_table(map.existing_table);
        if (old && old->open_count > 0 && old_shape && old_shape->sectors != map.size)
            return fail(map.name + ": is open and would change size from " +
                        std::to_string(old_shape->sectors) + " to " + std::to_string(map.size) +
                        " sectors; left as it is");
        log_.log(LogLevel::debug, map.name + ": table " + map.table);
        auto r = m_.dm->reload(map.name, map.table, DmChange{.reload = true});
        if (!r)
            return fail(r.error());
        std::fputs(map_line("reload", map, map.existing_devt).c_str(), stdout);
        built_.push_back(map.wwid);
    }

    void record_wwids(const Plan& plan)
    {
        std::vector<std::string> fresh;
        for (const auto& w : plan.new_wwids)
            if (std::find(built_.begin(), built_.end(), w) != built_.end())
                fresh.push_back(w);
        if (auto r = add_wwids(o_.state_dir, fresh); !r)
            fail("cannot record new WWIDs: " + r.error());
    }

    // Paths that udev released before their map existed are claimed once
    // their rules run again (the WWID is in the wwids file now), disks
    // first, then their partitions, which inherit the disk's verdict.
    void reclaim_paths(const Plan& plan)
    {
        std::vector<std::string> disks, parts;
        for (const auto& map : plan.maps) {
            if (map.action == MapPlan::Action::keep ||
                std::find(built_.begin(), built_.end(), map.wwid) == built_.end())
                continue;
            for (const auto& p : map.paths) {
                const BlockDevice* d = m_.snap.find_device(p.name);
                const std::string* verdict = d ? d->property("MPATH_BOOT_PATH") : nullptr;
                if (verdict && *verdict == "1")
                    continue;
                disks.push_back(p.name);
                for (const auto& part : m_.snap.devices)
                    if (part.partition && part.parent == p.name)
                        parts.push_back(part.name);
            }
        }
        for (const auto& batch : {disks, parts}) {
            if (batch.empty())
                continue;
            for (const auto& n : trigger_change(batch))
                log_.warning(n + ": cannot ask udev to run its rules again");
            if (!wait_for_udev(udev_wait))
                log_.warning("udev still busy after " + std::to_string(udev_wait.count() / 1000) +
                             " s; paths may be claimed later");
        }
    }

    static constexpr std::chrono::milliseconds udev_wait{30000};

    Result<std::vector<PartitionSpan>> partitions(const MapPlan& map, DevT devt)
    {
        if (m_.replay)
            return Result<std::vector<PartitionSpan>>::ok(
                partitions_in_snapshot(m_.snap, map.paths.front().name));
        return probe_partitions("/dev/dm-" + std::to_string(devt.minor));
    }

    void add_partitions(const Plan& plan)
    {
        // Listed again: kpartx's udev rules may have made some meanwhile.
        auto maps = m_.dm->list();
        if (!maps)
            return fail(maps.error());
        for (const auto& map : plan.maps) {
            if (std::find(built_.begin(), built_.end(), map.wwid) == built_.end() ||
                map.settings.skip_kpartx.value)
                continue;
            auto it = std::find_if(maps->begin(), maps->end(),
                                   [&](const DmMap& d) { return d.uuid == "mpath-" + map.wwid; });
            if (it == maps->end())
                continue;
            auto spans = partitions(map, it->devt);
            if (!spans) {
                fail(map.name + ": " + spans.error());
                continue;
            }
            for (const auto& p : plan_partition_maps(it->name, map.wwid, it->devt, spans.value(), maps.value()))
                apply(p);
        }
    }

    void apply(const PartitionMapPlan& p)
    {
        using A = PartitionMapPlan::Action;
        if (p.action == A::keep) {
            if (o_.verbosity >= 2)
                std::printf("unchanged: %s (%s) dm-%u\n", p.name.c_str(), p.uuid.c_str(), p.existing_devt.minor);
        } else if (p.action == A::blocked) {
            fail(p.reason);
        } else if (p.action == A::create) {
            log_.log(LogLevel::debug, p.name + ": table " + p.table);
            auto devt = m_.dm->create(p.name, p.uuid, p.table, DmChange{});
            if (!devt)
                return fail(devt.error());
            std::printf("create: %s (%s) dm-%u\n", p.name.c_str(), p.uuid.c_str(), devt->minor);
        } else {
            auto r = m_.dm->reload(p.name, p.table, DmChange{});
            if (!r)
                return fail(r.error());
            std::printf("reload: %s (%s) dm-%u\n", p.name.c_str(), p.uuid.c_str(), p.existing_devt.minor);
        }
    }

    Machine& m_;
    const CliOptions& o_;
    const Logger& log_;
    std::vector<std::string> built_;  // WWIDs whose map is in place
    int failures_ = 0;
};

}  // namespace

int cmd_assemble(const CliOptions& o, const Logger& log)
{
    auto args = parse_sub_args("assemble", o.args, {"--replay"}, {});
    if (!args) {
        log.error(args.error());
        return 2;
    }
    if (o.help) {
        std::fputs(assemble_help(), stdout);
        return 0;
    }
    auto inputs = read_inputs(o, log);
    auto machine = open_machine(args.value());
    if (!machine) {
        log.error(machine.error());
        return 1;
    }
    PlanInput in{inputs.config, inputs.state.wwids, inputs.state.bindings, machine->snap.maps, true,
                 inputs.state.bindings_readable};
    Plan plan = plan_from_snapshot(machine->snap, in);
    std::erase_if(plan.maps, [&](const MapPlan& m) { return m.paths.empty() || !selected(m, args->words); });
    int unmatched = 0;
    for (const auto& w : args->words)
        if (std::none_of(plan.maps.begin(), plan.maps.end(),
                         [&](const MapPlan& m) { return selected(m, {w}); })) {
            log.error("assemble: " + w + ": no map to build with this WWID or path (see mpath-boot dry-run)");
            ++unmatched;
        }
    int failures = Assembler(machine.value(), o, log).run(plan);
    return failures + unmatched == 0 ? 0 : 1;
}

}  // namespace mpb

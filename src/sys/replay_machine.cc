// SPDX-License-Identifier: GPL-2.0-or-later
// A machine replayed from a snapshot file (--replay): every read answers
// from the snapshot; device-mapper changes update its maps in memory.
#include "core/partition_maps.hh"
#include "sys/machine.hh"
#include "sys/safe_write.hh"

namespace mpb {

namespace {

class ReplayDm : public DmOps {
public:
    explicit ReplayDm(std::vector<DmMap> maps) : maps_(std::move(maps)) {}

    Result<std::vector<DmMap>> list() override { return Result<std::vector<DmMap>>::ok(maps_); }

    Result<DevT> create(const std::string& name, const std::string& uuid, const std::string& table,
                        DmChange) override
    {
        for (const auto& m : maps_)
            if (m.name == name || (!uuid.empty() && m.uuid == uuid))
                return Result<DevT>::fail("creating " + name + ": Device or resource busy");
        unsigned minor = 0;
        for (const auto& m : maps_)
            if (m.devt.major == 253 && m.devt.minor >= minor)
                minor = m.devt.minor + 1;
        DmMap m;
        m.name = name;
        m.uuid = uuid;
        m.devt = {253, minor};
        m.table = table;
        maps_.push_back(m);
        return Result<DevT>::ok(m.devt);
    }

    Result<Unit> reload(const std::string& name, const std::string& table, DmChange) override
    {
        for (auto& m : maps_)
            if (m.name == name) {
                m.table = table;
                return Result<Unit>::ok({});
            }
        return Result<Unit>::fail("loading the new table of " + name + ": No such device or address");
    }

    // The kernel's answers: EBUSY when the new name is taken, ENXIO when
    // there is no map to rename.
    Result<Unit> rename(const std::string& name, const std::string& new_name, DmChange) override
    {
        auto what = "renaming " + name + " to " + new_name + ": ";
        for (const auto& m : maps_)
            if (m.name == new_name)
                return Result<Unit>::fail(what + "Device or resource busy");
        for (auto& m : maps_)
            if (m.name == name) {
                m.name = new_name;
                return Result<Unit>::ok({});
            }
        return Result<Unit>::fail(what + "No such device or address");
    }

    // Messages change no table: only whether the map exists is checked.
    Result<Unit> message(const std::string& name, const std::string& text) override
    {
        for (const auto& m : maps_)
            if (m.name == name)
                return Result<Unit>::ok({});
        return Result<Unit>::fail("sending \"" + text + "\" to " + name + ": No such device or address");
    }

    // A snapshot has no udev to wait for.
    void wait_for_udev() override {}

private:
    std::vector<DmMap> maps_;
};

class ReplayMachine : public Machine {
public:
    explicit ReplayMachine(Snapshot snap) : snap_(std::move(snap)), dm_(snap_.maps) {}

    Result<std::vector<BlockDevice>> devices() override
    {
        return Result<std::vector<BlockDevice>>::ok(snap_.devices);
    }

    Result<DeviceView> device(const std::string&) override { return Result<DeviceView>::ok({snap_, true}); }

    Result<BlockDevice> device_at(const std::string& devnum) override
    {
        for (const auto& d : snap_.devices)
            if (d.devt.str() == devnum)
                return Result<BlockDevice>::ok(d);
        return Result<BlockDevice>::fail("no block device " + devnum + " in the snapshot");
    }

    std::vector<DmMap> map_names() override { return snap_.maps; }
    void add_map_usage(std::vector<DmMap>&) override {}
    const Snapshot* recorded() const override { return &snap_; }

    // The snapshot holds what was asked when it was taken.
    void add_priority_facts(std::vector<BlockDevice>&, std::chrono::milliseconds,
                            const RepliesWanted&) override {}

    DmOps& dm() override { return dm_; }

    Result<SourcedText> cmdline() override
    {
        return Result<SourcedText>::ok({snap_.cmdline, "kernel command line of the snapshot"});
    }

    // The partitions the snapshot lists for the map's first path.
    Result<std::vector<PartitionSpan>> partitions(const DmMap&, const std::string& first_path) override
    {
        return Result<std::vector<PartitionSpan>>::ok(partitions_in_snapshot(snap_, first_path));
    }

    // No udev to ask: the paths stay as the snapshot has them.
    std::vector<std::string> rerun_udev_rules(const std::vector<std::string>&) override { return {}; }

private:
    Snapshot snap_;
    ReplayDm dm_;
};

}  // namespace

Result<std::unique_ptr<Machine>> replay_machine(const std::string& file)
{
    using R = Result<std::unique_ptr<Machine>>;
    auto text = read_file(file);
    if (!text)
        return R::fail("cannot read snapshot: " + text.error());
    auto snap = parse_snapshot(text.value(), file);
    if (!snap)
        return R::fail(snap.error());
    return R::ok(std::make_unique<ReplayMachine>(std::move(snap.value())));
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// The running system: sysfs, the udev database (libudev), device-mapper
// (libdevmapper, loaded only when a command first needs it), libblkid.
#include <chrono>

#include "core/dm_name.hh"
#include "core/hex.hh"
#include "core/prio.hh"
#include "core/text.hh"
#include "sys/machine.hh"
#include "sys/partition_probe.hh"
#include "sys/safe_write.hh"
#include "sys/sg_io.hh"
#include "sys/sysfs.hh"
#include "sys/udev_devices.hh"
#include "sys/uevent.hh"
#include "sys/usage.hh"

namespace mpb {

namespace {

std::vector<DmMap> sysfs_dm_maps()
{
    std::vector<DmMap> maps;
    for (const auto& name : block_device_names())
        if (minor_of_dm_kernel_name(name))
            if (auto m = read_sysfs_dm(name))
                maps.push_back(m.value());
    return maps;
}

// The SCSI command behind a reply's snapshot key (Machine::RepliesWanted).
Result<std::string> ask(const std::string& node, const std::string& key, std::chrono::milliseconds timeout)
{
    if (key == "vpd_pgc0")
        return inquiry_vpd(node, 0xc0, timeout);
    if (key == "vpd_pgc9")
        return inquiry_vpd(node, 0xc9, timeout);
    if (key == "tur")
        return test_unit_ready(node, timeout);
    return Result<std::string>::fail("no command for " + key);
}

class LiveMachine : public Machine {
public:
    explicit LiveMachine(char** envp) : envp_(envp) {}

    Result<std::vector<BlockDevice>> devices() override { return enumerate_block_devices(read_usage()); }

    Result<DeviceView> device(const std::string& name) override
    {
        auto disk = read_sysfs_device(name);
        if (!disk)
            return Result<DeviceView>::fail(disk.error());
        auto usage = read_usage();
        DeviceView view;
        disk->properties = properties_from_environment(envp_);
        apply_usage(disk.value(), usage);
        view.snap.devices.push_back(std::move(disk.value()));
        for (const auto& p : partitions_of(name)) {
            auto part = read_sysfs_device(p);
            if (!part)
                continue;  // removed meanwhile
            apply_usage(part.value(), usage);
            view.snap.devices.push_back(std::move(part.value()));
        }
        view.snap.maps = sysfs_dm_maps();
        return Result<DeviceView>::ok(std::move(view));
    }

    Result<BlockDevice> device_at(const std::string& devnum) override
    {
        auto name = kernel_name_of(devnum);
        if (name.empty())
            return Result<BlockDevice>::fail("no block device " + devnum);
        return read_sysfs_device(name);
    }

    std::vector<DmMap> map_names() override { return sysfs_dm_maps(); }

    const Snapshot* recorded() const override { return nullptr; }

    void add_map_usage(std::vector<DmMap>& maps) override
    {
        auto usage = read_usage();
        for (auto& m : maps) {
            apply_usage(m, usage);
            m.holders = holders_of(dm_kernel_name(m.devt.minor));
        }
    }

    void add_priority_facts(std::vector<BlockDevice>& devices, std::chrono::milliseconds timeout,
                            const RepliesWanted& wanted) override
    {
        for (auto& d : devices) {
            if (d.partition || !d.attr("hctl"))
                continue;
            read_priority_attrs(d);
            const std::string node = "/dev/" + d.name;
            if (wants_rtpg(d))
                if (auto reply = report_target_port_groups(node, timeout))
                    d.sysfs["rtpg"] = hex_text(reply.value());
            for (const auto& key : wanted(d))
                if (auto reply = ask(node, key, timeout))
                    d.sysfs[key] = hex_text(reply.value());
        }
    }

    DmOps& dm() override
    {
        if (!dm_)
            dm_ = live_dm();
        return *dm_;
    }

    Result<SourcedText> cmdline() override
    {
        const std::string file = "/proc/cmdline";
        auto text = read_file(file);
        if (!text)
            return Result<SourcedText>::fail(text.error());
        return Result<SourcedText>::ok({text.value(), file});
    }

    Result<std::vector<PartitionSpan>> partitions(const DmMap& map, const std::string&) override
    {
        return probe_partitions("/dev/" + dm_kernel_name(map.devt.minor));
    }

    std::vector<std::string> rerun_udev_rules(const std::vector<std::string>& names) override
    {
        std::vector<std::string> problems;
        for (const auto& n : trigger_change(names))
            problems.push_back(n + ": cannot ask udev to run its rules again");
        if (!wait_for_udev(udev_wait))
            problems.push_back("udev still busy after " + std::to_string(udev_wait.count() / 1000) +
                               " s; paths may be claimed later");
        return problems;
    }

private:
    static constexpr std::chrono::milliseconds udev_wait{30000};

    char** envp_;
    std::unique_ptr<DmOps> dm_;
};

}  // namespace

std::unique_ptr<Machine> live_machine(char** envp) { return std::make_unique<LiveMachine>(envp); }

}  // namespace mpb

#include "sys/live_snapshot.hh"

#include "core/dm_name.hh"
#include "core/text.hh"
#include "sys/safe_write.hh"
#include "sys/sysfs.hh"
#include "sys/udev_devices.hh"
#include "sys/usage.hh"

namespace mpb {

std::vector<DmMap> sysfs_dm_maps()
{
    std::vector<DmMap> maps;
    for (const auto& name : block_device_names())
        if (minor_of_dm_kernel_name(name))
            if (auto m = read_sysfs_dm(name))
                maps.push_back(m.value());
    return maps;
}

Result<Snapshot> device_snapshot(const std::string& name,
                                 const std::map<std::string, std::string>& properties)
{
    auto disk = read_sysfs_device(name);
    if (!disk)
        return Result<Snapshot>::fail(disk.error());
    auto usage = read_usage();
    Snapshot snap;
    BlockDevice d = std::move(disk.value());
    d.properties = properties;
    apply_usage(d, usage);
    snap.devices.push_back(std::move(d));
    for (const auto& p : partitions_of(name)) {
        auto part = read_sysfs_device(p);
        if (!part)
            continue;  // removed meanwhile
        apply_usage(part.value(), usage);
        snap.devices.push_back(std::move(part.value()));
    }
    snap.maps = sysfs_dm_maps();
    return Result<Snapshot>::ok(std::move(snap));
}

Result<Snapshot> system_snapshot(std::vector<DmMap> maps)
{
    Snapshot snap;
    auto devices = enumerate_block_devices(read_usage());
    if (!devices)
        return Result<Snapshot>::fail(devices.error());
    snap.devices = std::move(devices.value());
    snap.maps = std::move(maps);
    if (auto cmdline = read_file("/proc/cmdline"))
        snap.cmdline = std::string(trim(cmdline.value()));
    return Result<Snapshot>::ok(std::move(snap));
}

}  // namespace mpb

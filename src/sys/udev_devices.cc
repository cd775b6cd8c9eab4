// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/udev_devices.hh"

#include <memory>

#include "sys/sysfs.hh"
#include "sys/udev_lib.hh"

namespace mpb {

namespace {

const UdevLib& lib() { return udev_lib().value(); }

struct UdevDeleter {
    void operator()(udev* u) const { lib().udev_unref(u); }
    void operator()(udev_enumerate* e) const { lib().udev_enumerate_unref(e); }
    void operator()(udev_device* d) const { lib().udev_device_unref(d); }
};
template <class T>
using UdevPtr = std::unique_ptr<T, UdevDeleter>;

std::map<std::string, std::string> properties_of(udev_device* d)
{
    std::map<std::string, std::string> props;
    for (auto* e = lib().udev_device_get_properties_list_entry(d); e; e = lib().udev_list_entry_get_next(e)) {
        const char* value = lib().udev_list_entry_get_value(e);
        props[lib().udev_list_entry_get_name(e)] = value ? value : "";
    }
    return props;
}

}  // namespace

Result<std::vector<BlockDevice>> enumerate_block_devices(const DeviceUsage& usage)
{
    using R = Result<std::vector<BlockDevice>>;
    if (!udev_lib())
        return R::fail(udev_lib().error());
    UdevPtr<udev> u(lib().udev_new());
    if (!u)
        return R::fail("cannot use libudev (udev_new failed)");
    UdevPtr<udev_enumerate> en(lib().udev_enumerate_new(u.get()));
    if (!en || lib().udev_enumerate_add_match_subsystem(en.get(), "block") < 0 ||
        lib().udev_enumerate_scan_devices(en.get()) < 0)
        return R::fail("cannot enumerate block devices with libudev");
    std::vector<BlockDevice> devices;
    for (auto* e = lib().udev_enumerate_get_list_entry(en.get()); e; e = lib().udev_list_entry_get_next(e)) {
        UdevPtr<udev_device> d(lib().udev_device_new_from_syspath(u.get(), lib().udev_list_entry_get_name(e)));
        if (!d)
            continue;  // gone since the scan
        auto dev = read_sysfs_device(lib().udev_device_get_sysname(d.get()));
        if (!dev)
            continue;
        BlockDevice b = std::move(dev.value());
        b.properties = properties_of(d.get());
        apply_usage(b, usage);
        devices.push_back(std::move(b));
    }
    return R::ok(std::move(devices));
}

std::map<std::string, std::string> properties_from_environment(char** envp)
{
    std::map<std::string, std::string> props;
    for (char** e = envp; e && *e; ++e) {
        std::string kv = *e;
        auto eq = kv.find('=');
        if (eq != std::string::npos && eq > 0)
            props[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    return props;
}

}  // namespace mpb

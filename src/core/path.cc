// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/path.hh"

#include "core/blacklist.hh"
#include "core/hex.hh"
#include "core/dm_name.hh"
#include "core/settings.hh"
#include "core/text.hh"
#include "core/vpd.hh"
#include "core/wwid.hh"

namespace mpb {

std::pair<std::string, std::string> vendor_product(const BlockDevice& dev)
{
    auto get = [&](const char* k) {
        const auto* v = dev.attr(k);
        return v ? std::string(trim(*v)) : std::string();
    };
    if (starts_with(dev.name, "nvme"))
        return {"NVME", get("model")};
    return {get("vendor"), get("model")};
}

namespace {

// What uses one device node, "" when nothing does. A multipath map holding
// a disk is not a user: it is the map the disk is a path of.
std::string user_of(const BlockDevice& d, const Snapshot& snap)
{
    if (!d.mountpoints.empty())
        return d.name + " is mounted on " + d.mountpoints.front();
    if (d.swap)
        return d.name + " is an active swap device";
    for (const auto& h : d.holders) {
        const DmMap* m = snap.find_map_by_kernel_name(h);
        if (!d.partition && m && is_map_uuid(m->uuid))
            continue;
        return d.name + " is held by " + h + (m ? " (" + m->name + ")" : "");
    }
    return {};
}

std::string in_use(const BlockDevice& disk, const Snapshot& snap)
{
    auto why = user_of(disk, snap);
    for (const auto& d : snap.devices)
        if (why.empty() && d.partition && d.parent == disk.name)
            why = user_of(d, snap);
    return why;
}

std::string serial_of(const BlockDevice& dev)
{
    if (const auto* s = dev.property("ID_SCSI_SERIAL"))
        return *s;
    if (const auto* hex = dev.attr("vpd_pg80")) {
        auto raw = bytes_from_hex(*hex);
        if (raw) {
            const auto& b = raw.value();
            auto s = serial_from_vpd80({reinterpret_cast<const std::uint8_t*>(b.data()), b.size()});
            if (s)
                return s.value();
        }
    }
    return {};
}

PathVerdict not_a_path(std::string why) { return {std::nullopt, std::move(why)}; }

// The device's revision for device entries' `revision`; nullopt when sysfs
// has none (then any revision matches).
std::optional<std::string_view> revision_of(const BlockDevice& dev)
{
    const auto* rev = dev.attr("rev");
    return rev ? std::optional<std::string_view>(trim(*rev)) : std::nullopt;
}

}  // namespace

std::string device_wwid(const BlockDevice& dev, const Config& cfg)
{
    auto [vendor, product] = vendor_product(dev);
    auto uid_attribute = resolve_uid_attribute(
        cfg, dev.name, matching_devices(cfg, vendor, product, revision_of(dev)));
    auto wwid = derive_wwid(dev, uid_attribute.value);
    return wwid ? wwid->value : std::string();
}

PathVerdict evaluate_path(const BlockDevice& dev, const Snapshot& snap, const Config& cfg)
{
    if (dev.partition)
        return not_a_path("partition of " + dev.parent);
    if (auto v = filter_devnode(cfg, dev.name); v.blacklisted)
        return not_a_path(v.reason);
    auto [vendor, product] = vendor_product(dev);
    if (auto v = filter_device(cfg, vendor, product); v.blacklisted)
        return not_a_path(v.reason);
    auto devices = matching_devices(cfg, vendor, product, revision_of(dev));
    auto uid_attribute = resolve_uid_attribute(cfg, dev.name, devices);
    if (auto v = filter_property(cfg, dev.properties, uid_attribute.value); v.blacklisted)
        return not_a_path(v.reason);
    const auto* proto = dev.attr("protocol");
    if (auto v = filter_protocol(cfg, proto ? *proto : "undef"); v.blacklisted)
        return not_a_path(v.reason);
    auto wwid = derive_wwid(dev, uid_attribute.value);
    if (!wwid)
        return not_a_path("no WWID (" + wwid.error() + ")");
    if (auto v = filter_wwid(cfg, wwid->value); v.blacklisted)
        return not_a_path(v.reason);

    PathRecord p;
    p.name = dev.name;
    p.devt = dev.devt;
    p.wwid = wwid->value;
    p.wwid_source = wwid->source;
    p.vendor = vendor;
    p.product = product;
    p.hctl = dev.attr("hctl") ? *dev.attr("hctl") : "";
    p.serial = serial_of(dev);
    p.state = dev.attr("state") ? *dev.attr("state") : "";
    p.size = dev.size;
    p.devices = std::move(devices);
    p.in_use = in_use(dev, snap);
    return {std::move(p), {}};
}

}  // namespace mpb

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

// A hex attribute as bytes; "" when absent (the snapshot checked the hex).
std::string attr_bytes(const BlockDevice& dev, const char* key)
{
    const auto* hex = dev.attr(key);
    auto raw = hex ? bytes_from_hex(*hex) : Result<std::string>::fail("");
    return raw ? raw.value() : std::string();
}

std::optional<std::string> optional_attr(const BlockDevice& dev, const char* key)
{
    const auto* v = dev.attr(key);
    return v ? std::optional<std::string>(*v) : std::nullopt;
}

PrioFacts prio_facts(const BlockDevice& dev)
{
    PrioFacts f;
    const auto* proto = dev.attr("protocol");
    f.scsi = dev.attr("hctl") || (proto && starts_with(*proto, "scsi"));
    f.protocol = proto ? *proto : "";
    f.host_adapter = dev.attr("host_adapter") ? *dev.attr("host_adapter") : "";
    f.access_state = optional_attr(dev, "access_state");
    f.preferred_path = optional_attr(dev, "preferred_path");
    f.dh_state = dev.attr("dh_state") ? *dev.attr("dh_state") : "";
    f.inquiry = attr_bytes(dev, "inquiry");
    f.vpd_pg83 = attr_bytes(dev, "vpd_pg83");
    f.rtpg = attr_bytes(dev, "rtpg");
    f.vpd_pgc0 = attr_bytes(dev, "vpd_pgc0");
    f.vpd_pgc9 = attr_bytes(dev, "vpd_pgc9");
    f.tur = attr_bytes(dev, "tur");
    f.tgt_node_name = dev.attr("tgt_node_name") ? *dev.attr("tgt_node_name") : "";
    return f;
}

PathVerdict not_a_path(std::string why) { return {std::nullopt, std::move(why)}; }

// The device's revision for device entries' `revision`; nullopt when sysfs
// has none (then any revision matches).
std::optional<std::string_view> revision_of(const BlockDevice& dev)
{
    const auto* rev = dev.attr("rev");
    return rev ? std::optional<std::string_view>(trim(*rev)) : std::nullopt;
}

// multipath-tools 0.9.4 takes an NVMe namespace disk for a path only when
// it hangs from an NVMe controller; the head device of the kernel's native
// NVMe multipath hangs from its subsystem and is left to the kernel. A
// snapshot without "nvme_parent" (older ones) decides as before.
std::string native_nvme_head(const BlockDevice& dev)
{
    const auto* parent = dev.attr("nvme_parent");
    if (!starts_with(dev.name, "nvme") || !parent || *parent == "nvme")
        return {};
    return "native NVMe multipath head (it hangs from " + *parent +
           ", not from a controller): left to the kernel";
}

// "nvme0n1" -> {"0", "1"}; nullopt for any other name.
std::optional<std::pair<std::string, std::string>> nvme_numbers(std::string_view name)
{
    auto digits = [](std::string_view v) {
        return !v.empty() && v.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (!starts_with(name, "nvme"))
        return std::nullopt;
    name.remove_prefix(4);
    auto n = name.find('n');
    if (n == std::string_view::npos || !digits(name.substr(0, n)) || !digits(name.substr(n + 1)))
        return std::nullopt;
    return std::pair{std::string(name.substr(0, n)), std::string(name.substr(n + 1))};
}

}  // namespace

std::string path_address(const BlockDevice& dev)
{
    if (const auto* hctl = dev.attr("hctl"))
        return *hctl;
    auto numbers = nvme_numbers(dev.name);
    if (!numbers)
        return {};
    auto attr = [&](const char* key) {
        const auto* v = dev.attr(key);
        return v && !trim(*v).empty() ? std::string(trim(*v)) : std::string("0");
    };
    return numbers->first + ":" + attr("cntlid") + ":" + numbers->second + ":" + attr("nsid");
}

std::string online_column(std::string_view name, std::string_view state)
{
    bool nvme = starts_with(name, "nvme");
    return starts_with(state, nvme ? "dead" : "offline") ? "offline" : "running";
}

bool path_is_up(const PathRecord& p)
{
    return p.state.empty() || p.state == "running" || p.state == "live";
}

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
    if (const auto* hidden = dev.attr("hidden"); hidden && *hidden == "1")
        return not_a_path("hidden by the kernel (a path of native NVMe multipath)");
    if (auto v = filter_devnode(cfg, dev.name); v.blacklisted)
        return not_a_path(v.reason);
    if (auto why = native_nvme_head(dev); !why.empty())
        return not_a_path(why);
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
    p.hctl = path_address(dev);
    p.serial = serial_of(dev);
    p.state = dev.attr("state") ? *dev.attr("state") : "";
    p.size = dev.size;
    p.read_only = dev.attr("ro") && *dev.attr("ro") == "1";
    p.devices = std::move(devices);
    p.in_use = in_use(dev, snap);
    p.facts = prio_facts(dev);
    return {std::move(p), {}};
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "kickstart/resolve.hh"

#include "core/coalesce.hh"
#include "core/dm_name.hh"
#include "core/path.hh"
#include "core/settings.hh"

namespace mpb::ks {

namespace {

constexpr std::string_view by_id = "disk/by-id/";

std::string_view without(std::string_view s, std::string_view prefix)
{
    return s.starts_with(prefix) ? s.substr(prefix.size()) : s;
}

// A path device judged as the installed system will: its WWID, or why it
// is no path (blacklisted, no WWID).
Volume device_volume(const BlockDevice& d, const Snapshot& topology, const Config& cfg)
{
    auto verdict = evaluate_path(d, topology, cfg);
    if (verdict.path)
        return {verdict.path->wwid, d.name, ""};
    return {"", d.name, d.name + ": " + verdict.reason};
}

const BlockDevice* device_with(const Snapshot& topology, std::string_view key, std::string_view value)
{
    for (const auto& d : topology.devices)
        if (const std::string* v = d.property(key); v && *v == value && !d.partition)
            return &d;
    return nullptr;
}

// A multipath map by dm name, or the map whose partition map has that name.
std::optional<Volume> map_volume(std::string_view name, const Snapshot& topology)
{
    for (const auto& m : topology.maps)
        if (auto wwid = wwid_of_dm(m); m.name == name && !wwid.empty())
            return Volume{wwid, "map " + m.name, ""};
    return std::nullopt;
}

std::optional<Volume> by_id_volume(std::string_view link, const Snapshot& topology, const Config& cfg)
{
    if (link.starts_with("dm-uuid-mpath-")) {
        std::string wwid(without(link, "dm-uuid-mpath-"));
        if (!wwid_present(wwid, topology, cfg))
            return std::nullopt;
        return Volume{wwid, std::string(link), ""};
    }
    const BlockDevice* d = nullptr;
    if (link.starts_with("scsi-"))
        d = device_with(topology, "ID_SERIAL", without(link, "scsi-"));
    else if (link.starts_with("wwn-")) {
        d = device_with(topology, "ID_WWN_WITH_EXTENSION", without(link, "wwn-"));
        d = d ? d : device_with(topology, "ID_WWN", without(link, "wwn-"));
    }
    if (!d)
        return std::nullopt;
    return device_volume(*d, topology, cfg);
}

}  // namespace

std::string wwid_of_dm(const DmMap& m)
{
    if (auto w = wwid_of_map_uuid(m.uuid))
        return *w;
    auto part = parse_partition_uuid(m.uuid);
    return part ? part->wwid : "";
}

bool wwid_present(std::string_view wwid, const Snapshot& topology, const Config& cfg)
{
    if (topology.find_map_by_uuid(map_uuid(wwid)))
        return true;
    for (const auto& d : topology.devices)
        if (!d.partition && device_wwid(d, cfg) == wwid)
            return true;
    return false;
}

std::optional<Volume> resolve_disk(std::string_view ref, const Snapshot& topology, const Config& cfg)
{
    auto name = without(ref, "/dev/");
    if (name.starts_with(by_id))
        return by_id_volume(without(name, by_id), topology, cfg);
    name = without(name, "mapper/");
    if (auto v = map_volume(name, topology))
        return v;
    if (const BlockDevice* d = topology.find_device(name); d && !d->partition)
        return device_volume(*d, topology, cfg);
    return std::nullopt;
}

NameChoice name_of(const std::string& wwid, const Config& cfg, const BindingsTable& bindings,
                   const Snapshot& topology, const std::vector<std::string>& reserved)
{
    std::vector<const DeviceEntry*> devices;
    for (const auto& d : topology.devices)
        if (!d.partition && device_wwid(d, cfg) == wwid)
            if (auto v = evaluate_path(d, topology, cfg); v.path) {
                devices = v.path->devices;
                break;
            }
    const auto* mp = cfg.find_multipath(wwid);
    auto taken = names_taken(cfg, {}, wwid);
    taken.insert(taken.end(), reserved.begin(), reserved.end());
    return choose_name(wwid, resolve_settings(cfg, devices, mp), mp, bindings, taken);
}

}  // namespace mpb::ks

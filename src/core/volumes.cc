// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/volumes.hh"

#include <algorithm>

#include "core/dm_name.hh"
#include "core/path.hh"

namespace mpb {

std::vector<Volume> volumes_of(const Snapshot& snap, const Config& cfg)
{
    std::vector<Volume> out;
    for (const auto& d : snap.devices) {
        // The disks native NVMe multipath hides are its head's paths.
        if (d.partition || (d.attr("hidden") && *d.attr("hidden") == "1"))
            continue;
        std::string wwid = device_wwid(d, cfg);
        if (wwid.empty())
            continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const Volume& v) { return v.wwid == wwid; });
        if (it == out.end()) {
            out.push_back({wwid, {}, {}, {}, {}, snap.find_map_by_uuid(map_uuid(wwid))});
            it = out.end() - 1;
        }
        it->disks.push_back(d.name);
        auto v = evaluate_path(d, snap, cfg);
        if (!v.path) {
            it->not_paths.push_back({d.name, v.reason});
            continue;
        }
        it->paths.push_back(d.name);
        if (!v.path->in_use.empty())
            it->in_use.push_back({d.name, v.path->in_use});
    }
    return out;
}

const Volume* find_volume(const std::vector<Volume>& volumes, const std::string& wwid)
{
    auto it = std::find_if(volumes.begin(), volumes.end(), [&](const Volume& v) { return v.wwid == wwid; });
    return it == volumes.end() ? nullptr : &*it;
}

const Volume* volume_of_device(const std::vector<Volume>& volumes, const Snapshot& snap,
                               const std::string& device)
{
    const BlockDevice* d = snap.find_device(device);
    if (d && d->partition)
        d = snap.find_device(d->parent);
    if (!d)
        return nullptr;
    for (const auto& v : volumes)
        if (std::find(v.disks.begin(), v.disks.end(), d->name) != v.disks.end())
            return &v;
    return nullptr;
}

}  // namespace mpb

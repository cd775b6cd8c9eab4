// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/topology_prio.hh"

#include "core/path.hh"
#include "core/prio.hh"

namespace mpb {

namespace {

void group_priority(TopologyGroup& g, const MapTopology& m, const Snapshot& snap, const Config& cfg)
{
    int sum = 0, up = 0;
    for (const auto& tp : g.paths) {
        const auto* dev = snap.find_device(tp.dev);
        auto v = dev ? evaluate_path(*dev, snap, cfg) : PathVerdict{};
        if (!v.path || !path_is_up(*v.path))
            continue;
        sum += path_priority(*v.path, cfg, cfg.find_multipath(m.wwid)).value;
        ++up;
    }
    g.prio = up ? sum / up : 0;
}

}  // namespace

void add_priorities(std::vector<MapTopology>& maps, const Snapshot& snap, const Config& cfg)
{
    for (auto& m : maps)
        for (auto& g : m.groups)
            group_priority(g, m, snap, cfg);
}

}  // namespace mpb

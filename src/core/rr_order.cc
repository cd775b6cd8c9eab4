// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rr_order.hh"

#include "core/text.hh"

namespace mpb {

namespace {

struct HostGroup {
    std::string host;  // the H of H:C:T:L
    std::vector<std::size_t> members;
};

struct Adapter {
    std::string name;
    std::vector<HostGroup> hosts;
    std::size_t next_host = 0;
};

bool transport_alternates(const PathRecord& p)
{
    const auto& proto = p.facts.protocol;
    return p.facts.scsi && (proto == "scsi:fcp" || proto == "scsi:sas" || proto == "scsi:iscsi");
}

std::string host_of(const PathRecord& p) { return p.hctl.substr(0, p.hctl.find(':')); }

void add_to(Adapter& a, std::size_t member, const PathRecord& p)
{
    for (auto& h : a.hosts)
        if (h.host == host_of(p)) {
            h.members.push_back(member);
            return;
        }
    a.hosts.push_back({host_of(p), {member}});
}

// Paths by adapter, then host port, each in order of first appearance;
// false when a path's adapter is unknown.
bool by_adapter(const std::vector<std::size_t>& members, const std::vector<PathRecord>& paths,
                std::vector<Adapter>& adapters)
{
    for (auto i : members) {
        const auto& name = paths[i].facts.host_adapter;
        if (name.empty())
            return false;
        Adapter* a = nullptr;
        for (auto& x : adapters)
            if (x.name == name)
                a = &x;
        if (!a)
            a = &adapters.emplace_back(Adapter{name, {}, 0});
        add_to(*a, i, paths[i]);
    }
    return true;
}

// One path from each adapter in turn, each adapter taking its host ports
// in turn; an empty host port passes the turn on, as multipath-tools does.
std::vector<std::size_t> alternate(std::vector<Adapter>& adapters, std::size_t total)
{
    std::vector<std::size_t> out;
    std::size_t next = 0;
    while (out.size() < total) {
        auto& a = adapters[next];
        auto& h = a.hosts[a.next_host];
        if (!h.members.empty()) {
            out.push_back(h.members.front());
            h.members.erase(h.members.begin());
        }
        a.next_host = (a.next_host + 1) % a.hosts.size();
        next = (next + 1) % adapters.size();
    }
    return out;
}

}  // namespace

void order_for_round_robin(std::vector<PathGroup>& groups, const std::vector<PathRecord>& paths,
                           const std::string& selector)
{
    if (!starts_with(selector, "round-robin"))
        return;
    for (auto& g : groups) {
        if (g.members.size() <= 2)
            continue;
        bool alternates = true;
        for (auto i : g.members)
            alternates = alternates && transport_alternates(paths[i]);
        std::vector<Adapter> adapters;
        if (alternates && by_adapter(g.members, paths, adapters))
            g.members = alternate(adapters, g.members.size());
    }
}

}  // namespace mpb

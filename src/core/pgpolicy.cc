// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/pgpolicy.hh"

#include <functional>

namespace mpb {

namespace {

using Match = std::function<bool(std::size_t, std::size_t)>;

// Each unplaced path starts a group that takes every later path matching it.
std::vector<PathGroup> group_by_match(std::size_t n, const Match& same)
{
    std::vector<PathGroup> groups;
    std::vector<bool> placed(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (placed[i])
            continue;
        groups.push_back({{i}});
        for (std::size_t j = i + 1; j < n; ++j)
            if (!placed[j] && same(i, j)) {
                groups.back().members.push_back(j);
                placed[j] = true;
            }
    }
    return groups;
}

Match matcher(PgPolicy policy, const std::vector<PathRecord>& paths, const std::vector<int>& prios)
{
    switch (policy) {
    case PgPolicy::failover: return [](std::size_t, std::size_t) { return false; };
    case PgPolicy::multibus: return [](std::size_t, std::size_t) { return true; };
    case PgPolicy::group_by_serial:
        return [&](std::size_t a, std::size_t b) { return paths[a].serial == paths[b].serial; };
    case PgPolicy::group_by_node_name:
        return [&](std::size_t a, std::size_t b) {
            return paths[a].facts.tgt_node_name == paths[b].facts.tgt_node_name;
        };
    case PgPolicy::group_by_prio:
        return [&](std::size_t a, std::size_t b) { return prios[a] == prios[b]; };
    }
    return [](std::size_t, std::size_t) { return false; };
}

void update_priority(PathGroup& g, const std::vector<PathRecord>& paths, const std::vector<int>& prios)
{
    int sum = 0;
    g.enabled_paths = 0;
    for (auto i : g.members)
        if (path_is_up(paths[i])) {
            sum += prios[i];
            ++g.enabled_paths;
        }
    g.priority = g.enabled_paths ? sum / g.enabled_paths : 0;
}

// Whether `before` may stay ahead of `g` in the order.
bool stays_ahead(const PathGroup& before, const PathGroup& g)
{
    return before.priority > g.priority ||
           (before.priority == g.priority && before.enabled_paths >= g.enabled_paths);
}

// Insertion sort, as multipath-tools sorts: each group moves up behind the
// nearest earlier group that may stay ahead of it.
void sort_groups(std::vector<PathGroup>& groups)
{
    for (std::size_t i = 1; i < groups.size(); ++i) {
        std::size_t to = i;
        while (to > 0 && !stays_ahead(groups[to - 1], groups[i]))
            --to;
        auto g = std::move(groups[i]);
        groups.erase(groups.begin() + static_cast<long>(i));
        groups.insert(groups.begin() + static_cast<long>(to), std::move(g));
    }
}

}  // namespace

std::vector<PathGroup> group_paths(PgPolicy policy, const std::vector<PathRecord>& paths,
                                   const std::vector<int>& prios)
{
    auto groups = group_by_match(paths.size(), matcher(policy, paths, prios));
    for (auto& g : groups)
        update_priority(g, paths, prios);
    sort_groups(groups);
    return groups;
}

std::size_t first_group(const std::vector<PathGroup>& groups)
{
    if (groups.empty())
        return 0;
    std::size_t best = 1;
    const PathGroup* chosen = nullptr;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& g = groups[i];
        if (!g.enabled_paths)
            continue;
        bool better = !chosen || g.priority > chosen->priority ||
                      (g.priority == chosen->priority && g.enabled_paths > chosen->enabled_paths);
        if (better) {
            chosen = &g;
            best = i + 1;
        }
    }
    return best;
}

}  // namespace mpb

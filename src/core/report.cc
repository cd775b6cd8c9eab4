// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/report.hh"

#include "core/dm_name.hh"
#include "core/dm_table.hh"
#include "core/text.hh"

namespace mpb {

std::string human_size(unsigned long long sectors)
{
    static const char units[] = "KMGTPE";
    // Integer arithmetic: exact, and keeps libm (and its load cost in the
    // udev callout) out of the binary.
    unsigned long long per_unit = 2;  // sectors per KiB
    std::size_t u = 0;
    while (sectors / per_unit >= 1024 && u + 1 < sizeof units - 1) {
        per_unit *= 1024;
        ++u;
    }
    auto rounded = [&](unsigned scale) {
        return static_cast<unsigned long long>(
            (static_cast<unsigned __int128>(sectors) * scale + per_unit / 2) / per_unit);
    };
    // One decimal below 10, none above, as multipath -ll prints sizes.
    unsigned long long tenths = rounded(10);
    if (tenths < 100)
        return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + units[u];
    return std::to_string(rounded(1)) + units[u];
}

namespace {

const char* verb(MapPlan::Action a)
{
    switch (a) {
    case MapPlan::Action::create: return "create";
    case MapPlan::Action::reload: return "reload";
    case MapPlan::Action::keep: return "unchanged";
    }
    return "?";
}

std::string dm_name(const MapPlan& m)
{
    return m.action == MapPlan::Action::create ? "dm-?" : dm_kernel_name(m.existing_devt.minor);
}

std::string path_line(const PathRecord& p)
{
    auto hctl = p.hctl.empty() ? std::string("#:#:#:#") : p.hctl;
    return hctl + " " + p.name + " " + p.devt.str() + " undef undef " + online_column(p.name, p.state);
}

// The tree of groups and paths with multipath -ll's connectors.
std::string groups_text(const MapPlan& m)
{
    std::string out;
    for (std::size_t g = 0; g < m.groups.size(); ++g) {
        const auto& group = m.groups[g];
        bool last_group = g + 1 == m.groups.size();
        out += std::string(last_group ? "`-+- " : "|-+- ") + "policy='" +
               m.settings.path_selector.value + "' prio=" + std::to_string(group.priority) +
               " status=undef\n";
        for (std::size_t i = 0; i < group.members.size(); ++i) {
            bool last_path = i + 1 == group.members.size();
            out += std::string(last_group ? "  " : "| ") + (last_path ? "`- " : "|- ") +
                   path_line(m.paths[group.members[i]]) + "\n";
        }
    }
    return out;
}

template <class T>
std::string setting(const char* name, const Set<T>& s, const std::string& value)
{
    return std::string("    ") + name + ": " + value + " (" + s.origin.describe() + ")\n";
}

std::string why_text(const MapPlan& m)
{
    const auto& s = m.settings;
    std::string out = "  why " + m.name + ":\n";
    out += "    built: " + m.taken_because + "\n";
    out += "    name: " + m.name_reason + "\n";
    out += setting("no_path_retry", s.no_path_retry, to_string(s.no_path_retry.value));
    out += setting("features", s.features, s.features.value);
    out += "    hardware_handler: " + m.hwhandler.value + " (" + m.hwhandler.reason + ")\n";
    out += setting("path_grouping_policy", s.path_grouping_policy,
                   to_string(s.path_grouping_policy.value));
    out += setting("path_selector", s.path_selector, s.path_selector.value);
    out += setting("rr_min_io_rq", s.rr_min_io_rq, std::to_string(s.rr_min_io_rq.value));
    for (const auto& p : m.paths)
        out += "    " + p.name + ": WWID from " + p.wwid_source + "\n";
    for (std::size_t i = 0; i < m.paths.size() && i < m.prios.size(); ++i)
        out += "    " + m.paths[i].name + ": " + m.prios[i].reason + "\n";
    out += "    table: " + m.table + "\n";
    return out;
}

std::string map_text(const MapPlan& m)
{
    const auto& first = m.paths.front();
    return std::string(verb(m.action)) + ": " + m.name + " (" + m.wwid + ") " + dm_name(m) + " " +
           printable(first.vendor + "," + first.product) + "\n" + "size=" + human_size(m.size) +
           " features='" + effective_features(m.settings) + "' hwhandler='" +
           m.hwhandler.value + "' wp=undef\n" + groups_text(m);
}

}  // namespace

std::string format_plan(const Plan& plan, const std::string& state_dir, bool explain)
{
    std::string out;
    for (const auto& m : plan.maps)
        if (!m.paths.empty())
            out += map_text(m) + (explain ? why_text(m) : std::string());
    if (plan.maps.empty())
        out += "no maps to build\n";
    for (const auto& b : plan.new_bindings)
        out += "would add to " + state_dir + "/bindings: " + b.alias + " " + b.wwid + "\n";
    for (const auto& w : plan.new_wwids)
        out += "would add to " + state_dir + "/wwids: " + w + "\n";
    if (!plan.left_out.empty())
        out += "left out:\n";
    for (const auto& l : plan.left_out)
        out += "  " + l.device + ": " + l.reason + "\n";
    return out;
}

}  // namespace mpb

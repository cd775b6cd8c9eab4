// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/topology.hh"

#include <algorithm>
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/dm_name.hh"
#include "core/dm_table.hh"
#include "core/report.hh"
#include "core/text.hh"

namespace mpb {

namespace {

// ---- reading the status line ----------------------------------------------

// The words of a status line, read front to back.
struct Words {
    std::vector<std::string> w;
    std::size_t at = 0;
    const std::string* next() { return at < w.size() ? &w[at++] : nullptr; }
};

std::string got(const std::string* word)
{
    return word ? mpb::quoted(*word) : std::string("the end of the line");
}

std::string expected(const std::string& what, const std::string* word)
{
    return "expected " + what + ", got " + got(word);
}

template <class T, class U>
Result<T> failed(const Result<U>& r)
{
    return Result<T>::fail(r.error());
}

Result<unsigned long long> number(Words& w, const std::string& what)
{
    const std::string* word = w.next();
    long long n = 0;
    if (!word || !parse_int(*word, n) || n < 0)
        return Result<unsigned long long>::fail(expected(what, word));
    return Result<unsigned long long>::ok(static_cast<unsigned long long>(n));
}

// `n` words; `what` names them in the reason when the line ends first.
Result<std::vector<std::string>> take(Words& w, unsigned long long n, const std::string& what)
{
    std::vector<std::string> out;
    for (unsigned long long k = 0; k < n; ++k) {
        const std::string* word = w.next();
        if (!word)
            return Result<std::vector<std::string>>::fail(
                "expected " + std::to_string(n) + " " + what + ", got the end of the line after " +
                std::to_string(k));
        out.push_back(*word);
    }
    return Result<std::vector<std::string>>::ok(std::move(out));
}

// "N word...".
Result<std::vector<std::string>> counted(Words& w, const std::string& what)
{
    auto n = number(w, "the number of " + what);
    if (!n)
        return failed<std::vector<std::string>>(n);
    return take(w, *n, what);
}

std::optional<DevT> parse_devt(std::string_view s)
{
    auto colon = s.find(':');
    long long major = 0, minor = 0;
    if (colon == std::string_view::npos || !parse_int(s.substr(0, colon), major) ||
        !parse_int(s.substr(colon + 1), minor) || major < 0 || minor < 0 ||
        major > UINT32_MAX || minor > UINT32_MAX)
        return std::nullopt;
    return DevT{static_cast<unsigned>(major), static_cast<unsigned>(minor)};
}

// "<maj:min> <A|F> <fail_count> <selector info words>".
Result<PathStatus> read_path(Words& w, const std::string& where, unsigned long long ninfo)
{
    PathStatus p;
    const std::string* dev = w.next();
    if (!dev || !parse_devt(*dev))
        return Result<PathStatus>::fail(expected(where + " as major:minor", dev));
    p.devt = *dev;
    const std::string* state = w.next();
    if (!state || (*state != "A" && *state != "F"))
        return Result<PathStatus>::fail(expected("a path state A or F after " + p.devt, state));
    p.failed = *state == "F";
    auto fails = number(w, "the fail count of " + p.devt);
    if (!fails)
        return failed<PathStatus>(fails);
    p.fail_count = *fails;
    auto info = take(w, ninfo, "selector info words after " + p.devt);
    if (!info)
        return failed<PathStatus>(info);
    p.selector_info = *info;
    return Result<PathStatus>::ok(std::move(p));
}

std::optional<GroupState> group_state(const std::string& s)
{
    if (s == "A")
        return GroupState::active;
    if (s == "E")
        return GroupState::enabled;
    if (s == "D")
        return GroupState::disabled;
    return std::nullopt;
}

// "<A|E|D> <N selector status words> <nr_paths> <nr info words> <path>...".
Result<GroupStatus> read_group(Words& w, unsigned long long g, unsigned long long total)
{
    const std::string of_group = " of group " + std::to_string(g);
    GroupStatus out;
    const std::string* state = w.next();
    if (!state)
        return Result<GroupStatus>::fail("expected path group " + std::to_string(g) + " of " +
                                         std::to_string(total) + ", got the end of the line");
    auto s = group_state(*state);
    if (!s)
        return Result<GroupStatus>::fail(
            expected("a group state A, E or D for group " + std::to_string(g), state));
    out.state = *s;
    auto status = counted(w, "selector status words" + of_group);
    if (!status)
        return failed<GroupStatus>(status);
    out.selector_status = *status;
    auto npaths = number(w, "the number of paths" + of_group);
    if (!npaths)
        return failed<GroupStatus>(npaths);
    auto ninfo = number(w, "the number of selector info words" + of_group);
    if (!ninfo)
        return failed<GroupStatus>(ninfo);
    for (unsigned long long p = 1; p <= *npaths; ++p) {
        auto path = read_path(w, "path " + std::to_string(p) + of_group, *ninfo);
        if (!path)
            return failed<GroupStatus>(path);
        out.paths.push_back(*path);
    }
    return Result<GroupStatus>::ok(std::move(out));
}

std::string first_words(const std::vector<std::string>& t, std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < std::min(n, t.size()); ++i)
        out += (i ? " " : "") + t[i];
    return out;
}

bool is_target_start(const std::vector<std::string>& t)
{
    long long n = 0;
    return t.size() >= 3 && parse_int(t[0], n) && n >= 0 && parse_int(t[1], n) && n >= 0 &&
           t[2] == "multipath";
}

}  // namespace

Result<MultipathStatus> parse_multipath_status(std::string_view status)
{
    Words w{split_words(trim(status)), 3};
    if (!is_target_start(w.w))
        return Result<MultipathStatus>::fail("expected \"<start> <length> multipath\", got " +
                                             mpb::quoted(first_words(w.w, 3)));
    MultipathStatus s;
    auto features = counted(w, "feature words");
    if (!features)
        return failed<MultipathStatus>(features);
    s.features = *features;
    auto hw = counted(w, "hardware handler words");
    if (!hw)
        return failed<MultipathStatus>(hw);
    s.hwhandler = *hw;
    auto ngroups = number(w, "the number of path groups");
    if (!ngroups)
        return failed<MultipathStatus>(ngroups);
    auto current = number(w, "the current path group");
    if (!current)
        return failed<MultipathStatus>(current);
    // Older kernels printed 1 even without groups.
    if (*current > std::max(*ngroups, 1ULL))
        return Result<MultipathStatus>::fail("current path group " + std::to_string(*current) +
                                             " is beyond the " + std::to_string(*ngroups) +
                                             " path groups");
    s.current_group = *current;
    for (unsigned long long g = 1; g <= *ngroups; ++g) {
        auto group = read_group(w, g, *ngroups);
        if (!group)
            return failed<MultipathStatus>(group);
        s.groups.push_back(*group);
    }
    if (const std::string* extra = w.next())
        return Result<MultipathStatus>::fail("unexpected " + mpb::quoted(*extra) +
                                             " after the last path group");
    return Result<MultipathStatus>::ok(std::move(s));
}

namespace {

// ---- building the topology ------------------------------------------------

const BlockDevice* device_by_devt(const Snapshot& s, std::string_view devnum)
{
    auto devt = parse_devt(devnum);
    if (!devt)
        return nullptr;
    for (const auto& d : s.devices)
        if (d.devt == *devt)
            return &d;
    return nullptr;
}

std::string attr_or(const BlockDevice* d, std::string_view key, const char* fallback)
{
    const std::string* v = d ? d->attr(key) : nullptr;
    auto t = v ? trim(*v) : std::string_view();
    return t.empty() ? std::string(fallback) : std::string(t);
}

TopologyPath path_of(const Snapshot& s, const std::string& devnum)
{
    const BlockDevice* d = device_by_devt(s, devnum);
    if (!d)
        return {"#:#:#:#", "#", devnum, "undef", "undef", "undef"};
    auto address = path_address(*d);
    const auto* state = d->attr("state");
    return {address.empty() ? "#:#:#:#" : address, d->name, devnum, "undef", "undef",
            online_column(d->name, state ? trim(*state) : std::string_view())};
}

// As multipath-tools: the first path, in group order, with both set.
void set_vendor_product(MapTopology& t, const Snapshot& s)
{
    t.vendor = t.product = "##";
    for (const auto& g : t.groups)
        for (const auto& p : g.paths) {
            const BlockDevice* d = device_by_devt(s, p.devnum);
            auto vendor = attr_or(d, "vendor", ""), product = attr_or(d, "model", "");
            if (!vendor.empty() && !product.empty()) {
                t.vendor = vendor;
                t.product = product;
                return;
            }
        }
}

const char* state_name(GroupState s)
{
    switch (s) {
    case GroupState::active: return "active";
    case GroupState::enabled: return "enabled";
    case GroupState::disabled: return "disabled";
    }
    return "undef";
}

// Why the status does not describe the table's groups and paths; "" when it does.
std::string mismatch(const MapTopology& t, const MultipathStatus& st)
{
    if (st.groups.size() != t.groups.size())
        return std::to_string(t.groups.size()) + " path groups in the table, " +
               std::to_string(st.groups.size()) + " in the status";
    for (std::size_t g = 0; g < t.groups.size(); ++g) {
        const auto& paths = t.groups[g].paths;
        const auto& states = st.groups[g].paths;
        auto group = "group " + std::to_string(g + 1);
        if (paths.size() != states.size())
            return group + " has " + std::to_string(paths.size()) + " paths in the table, " +
                   std::to_string(states.size()) + " in the status";
        for (std::size_t p = 0; p < paths.size(); ++p)
            if (parse_devt(paths[p].devnum) != parse_devt(states[p].devt))
                return "path " + std::to_string(p + 1) + " of " + group + " is " +
                       paths[p].devnum + " in the table, " + states[p].devt + " in the status";
    }
    return "";
}

// Group and path states from the status line; otherwise the reason they
// stay undef.
std::string apply_status(MapTopology& t, const std::string& status)
{
    if (trim(status).empty())
        return "not read";
    auto st = parse_multipath_status(status);
    if (!st)
        return st.error();
    if (auto why = mismatch(t, *st); !why.empty())
        return why;
    for (std::size_t g = 0; g < t.groups.size(); ++g) {
        t.groups[g].status = state_name(st->groups[g].state);
        for (std::size_t p = 0; p < t.groups[g].paths.size(); ++p)
            t.groups[g].paths[p].dm_state = st->groups[g].paths[p].failed ? "failed" : "active";
    }
    return "";
}

Result<MapTopology> map_topology(const Snapshot& s, const DmMap& m, std::string wwid)
{
    auto table = read_multipath_table(m.table);
    if (!table)
        return Result<MapTopology>::fail("table of " + m.name + ": " + table.error());
    MapTopology t;
    t.name = m.name;
    t.wwid = std::move(wwid);
    t.dm = dm_kernel_name(m.devt.minor);
    t.size = table->sectors;
    t.features = table->features;
    t.hwhandler = table->hwhandler;
    t.wp = m.read_only ? "ro" : "rw";
    for (const auto& g : table->groups) {
        TopologyGroup group{g.selector, 0, "undef", {}};
        for (const auto& devnum : g.paths)
            group.paths.push_back(path_of(s, devnum));
        t.groups.push_back(std::move(group));
    }
    set_vendor_product(t, s);
    if (auto why = apply_status(t, m.status); !why.empty())
        t.notes.push_back("status of " + m.name + ": " + why);
    return Result<MapTopology>::ok(std::move(t));
}

}  // namespace

Result<std::vector<MapTopology>> topology_from_snapshot(const Snapshot& s)
{
    std::vector<MapTopology> out;
    for (const auto& m : s.maps) {
        auto wwid = wwid_of_map_uuid(m.uuid);
        if (!wwid)
            continue;  // partition maps ("part1-mpath-..."), LVM, crypt
        auto t = map_topology(s, m, std::move(*wwid));
        if (!t)
            return Result<std::vector<MapTopology>>::fail(t.error());
        out.push_back(*t);
    }
    return Result<std::vector<MapTopology>>::ok(std::move(out));
}

namespace {

// ---- multipath -l text ------------------------------------------------------

using Columns = std::array<std::string, 6>;

Columns columns(const TopologyPath& p)
{
    return {p.hctl, p.dev, p.devnum, p.dm_state, p.checker_state, p.online_state};
}

// The widest value of each column over the map's paths.
std::array<std::size_t, 6> widths(const MapTopology& t)
{
    std::array<std::size_t, 6> w{};
    for (const auto& g : t.groups)
        for (const auto& p : g.paths) {
            auto c = columns(p);
            for (std::size_t i = 0; i < c.size(); ++i)
                w[i] = std::max(w[i], c[i].size());
        }
    return w;
}

std::string path_text(const TopologyPath& p, const std::array<std::size_t, 6>& w)
{
    auto c = columns(p);
    std::string out;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (i > 0)
            out += ' ';
        out += c[i] + std::string(w[i] - c[i].size(), ' ');
    }
    return out;
}

std::string header_text(const MapTopology& t)
{
    auto wwid = t.name == t.wwid ? std::string() : " (" + t.wwid + ")";
    return printable(t.name + wwid + " " + t.dm + " " + t.vendor + "," + t.product) + "\n" +
           "size=" + human_size(t.size) + " features='" + t.features + "' hwhandler='" +
           t.hwhandler + "' wp=" + t.wp + "\n";
}

std::string map_text(const MapTopology& t)
{
    std::string out = header_text(t);
    auto w = widths(t);
    for (std::size_t g = 0; g < t.groups.size(); ++g) {
        const auto& group = t.groups[g];
        bool last_group = g + 1 == t.groups.size();
        out += std::string(last_group ? "`-+- " : "|-+- ") + "policy='" + group.selector +
               "' prio=" + std::to_string(group.prio) + " status=" + group.status + "\n";
        for (std::size_t i = 0; i < group.paths.size(); ++i) {
            bool last_path = i + 1 == group.paths.size();
            out += std::string(last_group ? "  " : "| ") + (last_path ? "`- " : "|- ") +
                   path_text(group.paths[i], w) + "\n";
        }
    }
    return out;
}

// ---- JSON -----------------------------------------------------------------

using Json = nlohmann::ordered_json;

Json path_json(const TopologyPath& p)
{
    return {{"hctl", p.hctl},
            {"dev", p.dev},
            {"devnum", p.devnum},
            {"dm_state", p.dm_state},
            {"checker_state", p.checker_state},
            {"online_state", p.online_state}};
}

Json group_json(const TopologyGroup& g)
{
    Json paths = Json::array();
    for (const auto& p : g.paths)
        paths.push_back(path_json(p));
    return {{"selector", g.selector}, {"prio", g.prio}, {"status", g.status}, {"paths", paths}};
}

Json map_json(const MapTopology& t)
{
    Json groups = Json::array();
    for (const auto& g : t.groups)
        groups.push_back(group_json(g));
    return {{"name", t.name},         {"wwid", t.wwid},
            {"dm", t.dm},             {"vendor", t.vendor},
            {"product", t.product},   {"size_sectors", t.size},
            {"size", human_size(t.size)}, {"features", t.features},
            {"hwhandler", t.hwhandler}, {"wp", t.wp},
            {"path_groups", groups}};
}

}  // namespace

std::string format_status(const std::vector<MapTopology>& maps)
{
    std::string out;
    for (const auto& t : maps)
        out += map_text(t);
    return out;
}

std::string format_status_json(const std::vector<MapTopology>& maps)
{
    Json list = Json::array();
    for (const auto& t : maps)
        list.push_back(map_json(t));
    Json root = {{"maps", list}};
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace mpb

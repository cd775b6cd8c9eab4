// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/config.hh"

#include <algorithm>

#include "core/alias.hh"
#include "core/conf_syntax.hh"
#include "core/hwtable.hh"
#include "core/keywords.hh"
#include "core/text.hh"

namespace mpb {

std::string Origin::describe() const
{
    auto at = [this](const char* section) {
        return std::string(section) + " section, " + file + ":" + std::to_string(line);
    };
    switch (kind) {
    case builtin: return detail.empty() ? "built-in default" : "built-in " + detail;
    case builtin_device: return "built-in device table (" + detail + ")";
    case defaults: return at("defaults");
    case devices: return at("devices");
    case overrides: return at("overrides");
    case multipaths: return at("multipaths");
    case blacklist: return at("blacklist");
    case blacklist_exceptions: return at("blacklist_exceptions");
    }
    return {};
}

const char* to_string(FindMultipaths f)
{
    switch (f) {
    case FindMultipaths::off: return "off";
    case FindMultipaths::on: return "on";
    case FindMultipaths::strict: return "strict";
    case FindMultipaths::greedy: return "greedy";
    case FindMultipaths::smart: return "smart";
    }
    return "?";
}

const char* to_string(PgPolicy p)
{
    switch (p) {
    case PgPolicy::failover: return "failover";
    case PgPolicy::multibus: return "multibus";
    case PgPolicy::group_by_serial: return "group_by_serial";
    case PgPolicy::group_by_prio: return "group_by_prio";
    case PgPolicy::group_by_node_name: return "group_by_node_name";
    }
    return "?";
}

std::string to_string(const NoPathRetry& n)
{
    switch (n.kind) {
    case NoPathRetry::fail: return "fail";
    case NoPathRetry::queue: return "queue";
    case NoPathRetry::retries: return std::to_string(n.count);
    }
    return "?";
}

const MultipathEntry* Config::find_multipath(const std::string& wwid) const
{
    for (const auto& m : multipaths)
        if (m.wwid == wwid)
            return &m;
    return nullptr;
}

namespace {

// ----- walking the syntax tree --------------------------------------------

class Loader {
public:
    explicit Loader(Config& cfg) : cfg_(cfg) {}

    void file(const std::vector<ConfNode>& top, const std::string& file)
    {
        file_ = &file;
        for (const auto& n : top)
            top_entry(n);
    }

private:
    Origin origin(Origin::Kind k, const ConfNode& n) const { return {k, *file_, n.line, {}}; }

    void warn(const ConfNode& n, const std::string& what)
    {
        cfg_.diagnostics.push_back(make_diagnostic(Severity::warning, *file_, n.line, 0, what));
    }

    void top_entry(const ConfNode& n)
    {
        if (!n.section)
            return warn(n, "unknown keyword " + quoted(n.keyword) + " outside any section; ignored");
        const auto& k = n.keyword;
        if (k == "defaults")
            return options_section(n.children, in_defaults, Origin::defaults, cfg_.defaults,
                                   "defaults");
        if (k == "overrides")
            return options_section(n.children, in_overrides, Origin::overrides, cfg_.overrides,
                                   "overrides");
        if (k == "devices")
            return list_section(n, "device", [this](const ConfNode& d) { device(d); });
        if (k == "multipaths")
            return list_section(n, "multipath", [this](const ConfNode& m) { multipath(m); });
        if (k == "blacklist")
            return filters(n.children, Origin::blacklist, cfg_.blacklist, "blacklist");
        if (k == "blacklist_exceptions")
            return filters(n.children, Origin::blacklist_exceptions, cfg_.exceptions,
                           "blacklist_exceptions");
        warn(n, "unknown section " + quoted(k) + "; ignored");
    }

    template <class F>
    void list_section(const ConfNode& n, const char* child, F each)
    {
        for (const auto& c : n.children) {
            if (c.section && c.keyword == child)
                each(c);
            else
                warn(c, "unknown keyword " + quoted(c.keyword) + " in section " +
                            quoted(n.keyword) + " (expected " + child + " { ... }); ignored");
        }
    }

    // Applies option keywords; returns the nodes it did not recognise for the
    // caller (vendor, product, wwid, alias) to handle.
    std::vector<const ConfNode*> apply_options(const std::vector<ConfNode>& nodes, unsigned section,
                                         Origin::Kind kind, MapOptions& into,
                                         const char* section_name, GlobalOptions* global = nullptr)
    {
        std::vector<const ConfNode*> rest;
        for (const auto& n : nodes) {
            const Keyword* k = n.section ? nullptr : find_keyword(n.keyword);
            if (!k) {
                rest.push_back(&n);
                continue;
            }
            if (!(k->sections & section)) {
                warn(n, quoted(n.keyword) + " is not valid in section " + quoted(section_name) +
                            "; ignored");
                continue;
            }
            if (!n.value) {
                warn(n, "missing value for " + quoted(n.keyword) + "; ignored");
                continue;
            }
            GlobalOptions unused;
            auto problem = k->set(into, global ? *global : unused, *n.value, origin(kind, n));
            if (!problem.empty())
                warn(n, "invalid value " + quoted(*n.value) + " for " + quoted(n.keyword) + ": " +
                            problem + "; ignored");
        }
        return rest;
    }

    void options_section(const std::vector<ConfNode>& nodes, unsigned section, Origin::Kind kind,
                         MapOptions& into, const char* name)
    {
        auto rest = apply_options(nodes, section, kind, into, name,
                            section == in_defaults ? &cfg_.global : nullptr);
        for (const auto* n : rest)
            unknown(*n, name);
    }

    void unknown(const ConfNode& n, const char* section)
    {
        if (!n.section && is_unused_keyword(n.keyword))
            return;
        warn(n, "unknown keyword " + quoted(n.keyword) + " in section " + quoted(section) +
                    "; ignored");
    }

    std::optional<Regex> regex(const ConfNode& n)
    {
        if (!n.value) {
            warn(n, "missing value for " + quoted(n.keyword) + "; ignored");
            return std::nullopt;
        }
        auto r = Regex::compile(*n.value);
        if (!r) {
            warn(n, "invalid regular expression " + quoted(*n.value) + ": " + r.error() +
                        "; ignored");
            return std::nullopt;
        }
        return r.value();
    }

    void device(const ConfNode& d)
    {
        MapOptions opts;
        auto rest = apply_options(d.children, in_device, Origin::devices, opts, "device");
        std::optional<Regex> vendor, product;
        for (const auto* n : rest) {
            if (!n->section && n->keyword == "vendor")
                vendor = regex(*n);
            else if (!n->section && n->keyword == "product")
                product = regex(*n);
            else
                unknown(*n, "device");
        }
        if (!vendor || !product)
            return warn(d, "device entry without a valid vendor and product; ignored");
        cfg_.devices.push_back({*vendor, *product, opts, origin(Origin::devices, d)});
    }

    void multipath(const ConfNode& m)
    {
        MultipathEntry e;
        e.origin = origin(Origin::multipaths, m);
        auto rest = apply_options(m.children, in_multipath, Origin::multipaths, e.options, "multipath");
        for (const auto* n : rest) {
            if (!n->section && (n->keyword == "wwid" || n->keyword == "alias") && !n->value)
                warn(*n, "missing value for " + quoted(n->keyword) + "; ignored");
            else if (!n->section && n->keyword == "wwid")
                e.wwid = *n->value;
            else if (!n->section && n->keyword == "alias")
                set_alias(e, *n);
            else
                unknown(*n, "multipath");
        }
        if (e.wwid.empty())
            return warn(m, "multipath entry without a wwid; ignored");
        merge(std::move(e));
    }

    void set_alias(MultipathEntry& e, const ConfNode& n)
    {
        auto problem = alias_problem(*n.value);
        if (!problem.empty())
            return warn(n, "invalid alias " + quoted(*n.value) + ": " + problem + "; ignored");
        e.alias = Set<std::string>{*n.value, origin(Origin::multipaths, n)};
    }

    // Entries for the same WWID merge; values read later win.
    void merge(MultipathEntry e)
    {
        for (auto& old : cfg_.multipaths) {
            if (old.wwid != e.wwid)
                continue;
            overlay_options(old.options, e.options);
            if (e.alias)
                old.alias = e.alias;
            return;
        }
        cfg_.multipaths.push_back(std::move(e));
    }

    void filters(const std::vector<ConfNode>& nodes, Origin::Kind kind, FilterList& into,
                 const char* section)
    {
        for (const auto& n : nodes) {
            auto* list = n.keyword == "devnode"    ? &into.devnode
                         : n.keyword == "wwid"     ? &into.wwid
                         : n.keyword == "property" ? &into.property
                         : n.keyword == "protocol" ? &into.protocol
                                                   : nullptr;
            if (list && !n.section) {
                if (auto re = regex(n))
                    list->push_back({*re, origin(kind, n)});
            } else if (n.section && n.keyword == "device") {
                device_filter(n, kind, into);
            } else {
                warn(n, "unknown keyword " + quoted(n.keyword) + " in section " + quoted(section) +
                            "; ignored");
            }
        }
    }

    void device_filter(const ConfNode& d, Origin::Kind kind, FilterList& into)
    {
        DeviceFilterRule rule{std::nullopt, std::nullopt, origin(kind, d)};
        bool invalid = false;  // a dropped vendor or product must not widen the rule
        for (const auto& n : d.children) {
            if (!n.section && n.keyword == "vendor")
                invalid |= !(rule.vendor = regex(n));
            else if (!n.section && n.keyword == "product")
                invalid |= !(rule.product = regex(n));
            else
                warn(n, "unknown keyword " + quoted(n.keyword) + " in a blacklist device entry; ignored");
        }
        if (invalid)
            return warn(d, "blacklist device entry with an invalid vendor or product; ignored");
        if (!rule.vendor && !rule.product)
            return warn(d, "blacklist device entry without vendor or product; ignored");
        into.device.push_back(std::move(rule));
    }

    Config& cfg_;
    const std::string* file_ = nullptr;
};

Regex builtin_regex(const char* pattern)
{
    return Regex::builtin(pattern);  // constant, known to compile
}

}  // namespace

Config builtin_config()
{
    Config c;
    c.builtin_devices = builtin_device_table();
    Origin builtin_blacklist{Origin::builtin, {}, 0, "blacklist"};
    // Only disks that can be paths: SCSI, DASD and NVMe namespaces.
    c.blacklist.devnode.push_back(
        {builtin_regex("!^(sd[a-z]|dasd[a-z]|nvme[0-9])"), builtin_blacklist});
    // A path must carry a SCSI identification or a WWN in udev, or it is not
    // identified well enough to be grouped.
    c.exceptions.property.push_back(
        {builtin_regex("(SCSI_IDENT_|ID_WWN)"), {Origin::builtin, {}, 0, "blacklist_exceptions"}});
    return c;
}

Config load_config(const std::vector<ConfigText>& files)
{
    Config cfg = builtin_config();
    Diagnostics all;
    std::vector<ConfSyntax> parsed;
    for (const auto& f : files) {
        parsed.push_back(parse_conf_syntax(f.text, f.file));
        all.insert(all.end(), parsed.back().diagnostics.begin(), parsed.back().diagnostics.end());
    }
    if (has_error(all)) {
        for (auto& d : all)
            if (d.severity == Severity::error)
                d.text += "; using built-in defaults";
        cfg.diagnostics = std::move(all);
        cfg.fell_back = true;
        return cfg;
    }
    Loader loader(cfg);
    cfg.diagnostics = std::move(all);
    for (std::size_t i = 0; i < files.size(); ++i)
        loader.file(parsed[i].top, files[i].file);
    return cfg;
}

}  // namespace mpb

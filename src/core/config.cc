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

bool DeviceEntry::matches(std::string_view v, std::string_view p,
                          std::optional<std::string_view> rev) const
{
    return vendor.matches(v) && product.matches(p) && (!revision || !rev || revision->matches(*rev));
}

const MultipathEntry* Config::find_multipath(const std::string& wwid) const
{
    for (const auto& m : multipaths)
        if (m.wwid == wwid)
            return &m;
    return nullptr;
}

void set_text(KeywordTexts& texts, const std::string& keyword, const std::string& value)
{
    for (auto& t : texts) {
        if (t.keyword == keyword) {
            t.value = value;
            return;
        }
    }
    texts.push_back({keyword, value});
}

const std::string* find_text(const KeywordTexts& texts, std::string_view keyword)
{
    for (const auto& t : texts)
        if (t.keyword == keyword)
            return &t.value;
    return nullptr;
}

namespace {

// Both absent, or written the same.
bool same(const std::optional<Regex>& a, const std::optional<Regex>& b)
{
    return a ? b && a->pattern() == b->pattern() : !b;
}

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
                                   cfg_.defaults_kept, "defaults");
        if (k == "overrides")
            return options_section(n.children, in_overrides, Origin::overrides, cfg_.overrides,
                                   cfg_.overrides_kept, "overrides");
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
                         MapOptions& into, KeywordTexts& kept, const char* name)
    {
        auto rest = apply_options(nodes, section, kind, into, name,
                            section == in_defaults ? &cfg_.global : nullptr);
        for (const auto* n : rest)
            unknown(*n, name, &kept);
    }

    // A keyword mpath-boot has no use for is read without a warning and,
    // given `kept`, kept as written for show-config ("checker" under its
    // name "path_checker").
    void unknown(const ConfNode& n, const char* section, KeywordTexts* kept = nullptr)
    {
        if (!n.section && is_unused_keyword(n.keyword)) {
            if (kept && n.value)
                set_text(*kept, n.keyword == "checker" ? "path_checker" : n.keyword, *n.value);
            return;
        }
        warn(n, "unknown keyword " + quoted(n.keyword) + " in section " + quoted(section) +
                    "; ignored");
    }

    std::optional<Regex> regex(const ConfNode& n)
    {
        if (!n.value) {
            warn(n, "missing value for " + quoted(n.keyword) + "; ignored");
            return std::nullopt;
        }
        // The udev callout compiles every pattern at every event, in parallel.
        auto size = Regex::expanded_size(*n.value);
        if (size <= max_regex_size && regex_spent_ + size > max_config_regex_size) {
            warn(n, "regular expression " + quoted(*n.value) + " ignored: the patterns before it "
                    "already expand to " + std::to_string(regex_spent_) + " parts, and all of them "
                    "together may have " + std::to_string(max_config_regex_size));
            return std::nullopt;
        }
        auto r = Regex::compile(*n.value);
        if (!r) {
            warn(n, "invalid regular expression " + quoted(*n.value) + ": " + r.error() +
                        "; ignored");
            return std::nullopt;
        }
        regex_spent_ += size;
        return r.value();
    }

    void device(const ConfNode& d)
    {
        DeviceEntry e{{}, {}, {}, {}, {}, {}, origin(Origin::devices, d)};
        auto rest = apply_options(d.children, in_device, Origin::devices, e.options, "device");
        std::optional<Regex> vendor, product;
        bool bad_revision = false;
        for (const auto* n : rest) {
            if (!n->section && n->keyword == "vendor")
                vendor = regex(*n);
            else if (!n->section && n->keyword == "product")
                product = regex(*n);
            else if (!n->section && n->keyword == "revision")
                bad_revision = !(e.revision = regex(*n));
            else if (!n->section && n->keyword == "product_blacklist")
                product_blacklist(e, *n);
            else
                unknown(*n, "device", &e.kept);
        }
        if (!vendor || !product)
            return warn(d, "device entry without a valid vendor and product; ignored");
        if (bad_revision)  // matching any revision would widen the entry
            return warn(d, "device entry with an invalid revision; ignored");
        e.vendor = *vendor;
        e.product = *product;
        add_device(std::move(e));
    }

    void product_blacklist(DeviceEntry& e, const ConfNode& n)
    {
        if (!n.value)
            return warn(n, "missing value for " + quoted(n.keyword) + "; ignored");
        if (auto re = regex(n))  // checked now: it becomes a blacklist rule
            e.product_blacklist = Set<std::string>{*n.value, origin(Origin::devices, n)};
    }

    // What 0.9.4 does to a merged entry: the features "queue_if_no_path" and
    // "retain_attached_hw_handler" leave features for the options that say
    // the same, which keep their own value when set.
    static void reconcile_features(MapOptions& o)
    {
        if (!o.features)
            return;
        auto words = split_words(o.features->value);  // "N word..."
        std::string kept;
        std::size_t n = 0;
        for (std::size_t i = 1; i < words.size(); ++i) {
            if (words[i] == "queue_if_no_path" && !o.no_path_retry)
                o.no_path_retry = Set<NoPathRetry>{{NoPathRetry::queue, 0}, o.features->origin};
            else if (words[i] == "retain_attached_hw_handler" && !o.retain_attached_hw_handler)
                o.retain_attached_hw_handler = Set<bool>{true, o.features->origin};
            if (words[i] != "queue_if_no_path" && words[i] != "retain_attached_hw_handler")
                kept += " " + words[i], ++n;
        }
        o.features->value = std::to_string(n) + kept;
    }

    // As multipath-tools factorizes its table: an earlier entry (a user's or
    // a built-in one) with the same vendor, product and revision strings is
    // merged into `e`, whose own settings win, and goes.
    void add_device(DeviceEntry e)
    {
        auto& users = cfg_.devices;
        for (auto it = users.begin(); it != users.end(); ++it) {
            if (it->vendor.pattern() == e.vendor.pattern() &&
                it->product.pattern() == e.product.pattern() && same(it->revision, e.revision)) {
                fill_from(e, *it);
                users.erase(it);
                users.push_back(std::move(e));
                return;
            }
        }
        auto& builtin = cfg_.builtin_devices;
        auto revision = e.revision ? std::optional<std::string>(e.revision->pattern()) : std::nullopt;
        if (auto i = builtin.find_same(e.vendor.pattern(), e.product.pattern(), revision)) {
            fill_from(e, builtin.entry(*i));
            builtin.drop(*i);
        }
        users.push_back(std::move(e));
    }

    static void fill_from(DeviceEntry& e, const DeviceEntry& earlier)
    {
        MapOptions merged = earlier.options;
        overlay_options(merged, e.options);
        e.options = std::move(merged);
        reconcile_features(e.options);
        for (const auto& t : earlier.kept)
            if (!find_text(e.kept, t.keyword))
                e.kept.push_back(t);
        if (!e.product_blacklist)
            e.product_blacklist = earlier.product_blacklist;
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
                unknown(*n, "multipath", &e.kept);
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
            for (const auto& t : e.kept)
                set_text(old.kept, t.keyword, t.value);
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
    std::size_t regex_spent_ = 0;  // Regex::expanded_size of the patterns so far
};

// A device entry's product_blacklist as a blacklist device entry, unless
// the blacklist has that vendor and product already. A product pattern
// already there is shared, not made again ("Universal Xport" stands in
// nine rules, and the callout makes them all).
template <class MakeOrigin>
void add_product_blacklist(Config& c, std::string_view vendor, std::string_view product,
                           MakeOrigin origin)
{
    const Regex* same_product = nullptr;
    for (const auto& r : c.blacklist.device) {
        if (!r.product || r.product->pattern() != product)
            continue;
        if (r.vendor && r.vendor->pattern() == vendor)
            return;
        same_product = &*r.product;
    }
    Regex p = same_product ? *same_product : Regex::builtin(product);
    c.blacklist.device.push_back({Regex::builtin(vendor), std::move(p), origin(), true});
}

// Every element the same as an earlier one goes.
template <class T, class Same>
void drop_repeated(std::vector<T>& v, Same same)
{
    for (std::size_t i = 0; i < v.size(); ++i)
        for (std::size_t j = v.size(); j-- > i + 1;)
            if (same(v[i], v[j]))
                v.erase(v.begin() + static_cast<std::ptrdiff_t>(j));
}

// A rule written twice is kept once, the first (multipath-tools too).
void drop_repeated_rules(FilterList& l)
{
    for (auto* rules : {&l.devnode, &l.wwid, &l.property, &l.protocol})
        drop_repeated(*rules, [](const FilterRule& a, const FilterRule& b) {
            return a.re.pattern() == b.re.pattern();
        });
    drop_repeated(l.device, [](const DeviceFilterRule& a, const DeviceFilterRule& b) {
        return same(a.vendor, b.vendor) && same(a.product, b.product);
    });
}

// What multipath-tools adds after reading the files: the built-in devnode
// blacklist and property exception, and every device entry's
// product_blacklist (built-in entries in their order, then the user's).
void add_builtin_rules(Config& c)
{
    Origin builtin_blacklist{Origin::builtin, {}, 0, "blacklist"};
    // Only disks that can be paths: SCSI, DASD and NVMe namespaces.
    c.blacklist.devnode.push_back(
        {Regex::builtin("!^(sd[a-z]|dasd[a-z]|nvme[0-9])"), builtin_blacklist});
    // A path must carry a SCSI identification or a WWN in udev, or it is not
    // identified well enough to be grouped.
    c.exceptions.property.push_back(
        {Regex::builtin("(SCSI_IDENT_|ID_WWN)"), {Origin::builtin, {}, 0, "blacklist_exceptions"}});
    auto rows = builtin_rows();
    c.blacklist.device.reserve(c.blacklist.device.size() + 16);  // the built-in table has 14
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        if (r.product_blacklist && c.builtin_devices.in_effect(i))
            add_product_blacklist(c, r.vendor, r.product_blacklist, [&r] {
                return Origin{Origin::builtin_device, {}, 0, std::string(r.vendor) + "/" + r.product};
            });
    }
    for (const auto& d : c.devices)
        if (d.product_blacklist)
            add_product_blacklist(c, d.vendor.pattern(), d.product_blacklist->value,
                                  [&d] { return d.product_blacklist->origin; });
    drop_repeated_rules(c.blacklist);
    drop_repeated_rules(c.exceptions);
}

}  // namespace

Config builtin_config()
{
    Config c;
    add_builtin_rules(c);
    return c;
}

Config load_config(const std::vector<ConfigText>& files)
{
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
        Config cfg = builtin_config();
        cfg.diagnostics = std::move(all);
        cfg.fell_back = true;
        return cfg;
    }
    Config cfg;
    Loader loader(cfg);
    cfg.diagnostics = std::move(all);
    for (std::size_t i = 0; i < files.size(); ++i)
        loader.file(parsed[i].top, files[i].file);
    add_builtin_rules(cfg);
    return cfg;
}

}  // namespace mpb

#include "core/config.hh"

#include <algorithm>

#include "core/alias.hh"
#include "core/conf_syntax.hh"
#include "core/hwtable.hh"
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

// ----- value parsers: each returns the value or why it is not one ---------

Result<bool> parse_yes_no(const std::string& v)
{
    if (v == "yes" || v == "1")
        return Result<bool>::ok(true);
    if (v == "no" || v == "0")
        return Result<bool>::ok(false);
    return Result<bool>::fail("expected yes or no");
}

Result<FindMultipaths> parse_find_multipaths(const std::string& v)
{
    using F = FindMultipaths;
    if (v == "off" || v == "no" || v == "0")
        return Result<F>::ok(F::off);
    if (v == "on" || v == "yes" || v == "1")
        return Result<F>::ok(F::on);
    if (v == "strict")
        return Result<F>::ok(F::strict);
    if (v == "greedy")
        return Result<F>::ok(F::greedy);
    if (v == "smart")
        return Result<F>::ok(F::smart);
    return Result<F>::fail("expected off, on, strict, greedy or smart");
}

Result<NoPathRetry> parse_no_path_retry(const std::string& v)
{
    if (v == "fail" || v == "0")
        return Result<NoPathRetry>::ok({NoPathRetry::fail, 0});
    if (v == "queue")
        return Result<NoPathRetry>::ok({NoPathRetry::queue, 0});
    long long n = 0;
    if (parse_int(v, n) && n > 0 && n <= 1000000)
        return Result<NoPathRetry>::ok({NoPathRetry::retries, static_cast<int>(n)});
    return Result<NoPathRetry>::fail("expected fail, queue or a positive number");
}

Result<PgPolicy> parse_pg_policy(const std::string& v)
{
    if (v == "failover")
        return Result<PgPolicy>::ok(PgPolicy::failover);
    if (v == "multibus")
        return Result<PgPolicy>::ok(PgPolicy::multibus);
    if (v == "group_by_serial")
        return Result<PgPolicy>::ok(PgPolicy::group_by_serial);
    if (v == "group_by_prio" || v == "group_by_node_name" || v == "group_by_tpg")
        return Result<PgPolicy>::fail("not supported by mpath-boot yet");
    return Result<PgPolicy>::fail("expected failover, multibus or group_by_serial");
}

Result<int> parse_positive(const std::string& v)
{
    long long n = 0;
    if (parse_int(v, n) && n > 0 && n <= 1000000)
        return Result<int>::ok(static_cast<int>(n));
    return Result<int>::fail("expected a positive number");
}

Result<int> parse_timeout(const std::string& v)
{
    long long n = 0;
    if (parse_int(v, n) && n >= -3600 && n <= 3600)
        return Result<int>::ok(static_cast<int>(n));
    return Result<int>::fail("expected a number of seconds between -3600 and 3600");
}

// "N word..." where N counts the words: features, hardware_handler.
Result<std::string> parse_counted_words(const std::string& v)
{
    auto w = split_words(v);
    long long n = 0;
    if (w.empty() || !parse_int(w[0], n) || n < 0 || static_cast<std::size_t>(n) + 1 != w.size())
        return Result<std::string>::fail("expected a count followed by that many words");
    std::string out = w[0];
    for (std::size_t i = 1; i < w.size(); ++i)
        out += " " + w[i];
    return Result<std::string>::ok(out);
}

// "name N args..." : a dm path selector and its arguments.
Result<std::string> parse_selector(const std::string& v)
{
    auto w = split_words(v);
    if (w.empty())
        return Result<std::string>::fail("expected a path selector name");
    if (w.size() == 1)  // multipath-tools accepts a bare name meaning no arguments
        return Result<std::string>::ok(w[0] + " 0");
    auto rest = v.substr(v.find(w[1], v.find(w[0]) + w[0].size()));  // after the name
    auto counted = parse_counted_words(std::string(trim(rest)));
    if (!counted)
        return Result<std::string>::fail("expected \"name N args...\"");
    return Result<std::string>::ok(w[0] + " " + *counted);
}

Result<std::string> parse_word(const std::string& v)
{
    if (v.empty() || split_words(v).size() != 1)
        return Result<std::string>::fail("expected one word");
    return Result<std::string>::ok(v);
}

Result<std::string> parse_alias_prefix(const std::string& v)
{
    auto problem = alias_problem(v);
    if (!problem.empty())
        return Result<std::string>::fail(problem);
    return Result<std::string>::ok(v);
}

Result<std::string> parse_uid_attrs(const std::string& v)
{
    for (const auto& rec : split_words(v)) {
        auto colon = rec.find(':');
        if (colon == 0 || colon == std::string::npos || colon + 1 == rec.size())
            return Result<std::string>::fail("expected \"prefix:ATTRIBUTE ...\", got record " +
                                             quoted(rec));
    }
    return Result<std::string>::ok(v);
}

template <class T, class Parse>
std::string assign(std::optional<Set<T>>& slot, const std::string& v, const Origin& o, Parse parse)
{
    auto r = parse(v);
    if (!r)
        return r.error();
    slot = Set<T>{r.value(), o};
    return {};
}

// ----- the keyword table --------------------------------------------------

enum : unsigned { in_defaults = 1, in_device = 2, in_overrides = 4, in_multipath = 8 };
constexpr unsigned in_map_sections = in_defaults | in_device | in_overrides | in_multipath;

using Setter = std::string (*)(MapOptions&, GlobalOptions&, const std::string&, const Origin&);

struct Keyword {
    const char* name;
    unsigned sections;
    Setter set;
};

const Keyword keywords[] = {
    {"user_friendly_names", in_map_sections,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.user_friendly_names, v, o, parse_yes_no);
     }},
    {"alias_prefix", in_defaults | in_device | in_overrides,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.alias_prefix, v, o, parse_alias_prefix);
     }},
    {"uid_attribute", in_defaults | in_device | in_overrides,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.uid_attribute, v, o, parse_word);
     }},
    {"no_path_retry", in_map_sections,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.no_path_retry, v, o, parse_no_path_retry);
     }},
    {"path_grouping_policy", in_map_sections,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.path_grouping_policy, v, o, parse_pg_policy);
     }},
    {"path_selector", in_map_sections,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.path_selector, v, o, parse_selector);
     }},
    {"features", in_map_sections,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.features, v, o, parse_counted_words);
     }},
    // multipath-tools takes the handler from device entries and defaults only.
    {"hardware_handler", in_defaults | in_device,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.hardware_handler, v, o, parse_counted_words);
     }},
    {"rr_min_io_rq", in_map_sections,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.rr_min_io_rq, v, o, parse_positive);
     }},
    {"skip_kpartx", in_map_sections,
     [](MapOptions& m, GlobalOptions&, const std::string& v, const Origin& o) {
         return assign(m.skip_kpartx, v, o, parse_yes_no);
     }},
    {"find_multipaths", in_defaults,
     [](MapOptions&, GlobalOptions& g, const std::string& v, const Origin& o) {
         return assign(g.find_multipaths, v, o, parse_find_multipaths);
     }},
    {"find_multipaths_timeout", in_defaults,
     [](MapOptions&, GlobalOptions& g, const std::string& v, const Origin& o) {
         return assign(g.find_multipaths_timeout, v, o, parse_timeout);
     }},
    {"uid_attrs", in_defaults,
     [](MapOptions&, GlobalOptions& g, const std::string& v, const Origin& o) {
         return assign(g.uid_attrs, v, o, parse_uid_attrs);
     }},
};

// multipath-tools keywords that mpath-boot accepts and has no use for (path
// checkers, priorities, timeouts of the daemon): no warning for these. A
// plain array: built at compile time, not at every start of the callout.
constexpr std::string_view unused_keywords[] = {
    "all_devs", "all_tg_pt", "auto_resize", "bindings_file", "checker", "checker_timeout",
    "config_dir", "deferred_remove", "delay_wait_checks", "delay_watch_checks",
    "detect_checker", "detect_pgpolicy", "detect_pgpolicy_use_tpg", "detect_prio",
    "dev_loss_tmo", "disable_changed_wwids", "eh_deadline", "enable_foreign", "failback",
    "fast_io_fail_tmo", "flush_on_last_del", "force_sync", "ghost_delay", "gid",
    "ignore_new_boot_devs", "log_checker_err", "marginal_path_double_failed_time",
    "marginal_path_err_rate_threshold", "marginal_path_err_recheck_gap_time",
    "marginal_path_err_sample_time", "marginal_pathgroups", "max_fds", "max_polling_interval",
    "max_sectors_kb", "minio", "missing_uev_wait_timeout", "mode", "multipath_dir",
    "path_checker", "pg_timeout", "polling_interval", "prio", "prio_args", "prkeys_file",
    "product_blacklist", "queue_without_daemon", "reassign_maps", "recheck_wwid",
    "remove_retries", "reservation_key", "retain_attached_hw_handler", "retrigger_delay",
    "retrigger_tries", "revision", "rr_min_io", "rr_weight", "san_path_err_forget_rate",
    "san_path_err_recovery_time", "san_path_err_threshold", "strict_timing", "uid",
    "uxsock_timeout", "verbosity", "vpd_vendor", "wwids_file", "partition_delimiter",
};

bool is_unused_keyword(std::string_view name)
{
    for (auto k : unused_keywords)
        if (k == name)
            return true;
    return false;
}

const Keyword* find_keyword(const std::string& name)
{
    for (const auto& k : keywords)
        if (name == k.name)
            return &k;
    return nullptr;
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
            overlay(old.options, e.options);
            if (e.alias)
                old.alias = e.alias;
            return;
        }
        cfg_.multipaths.push_back(std::move(e));
    }

    static void overlay(MapOptions& into, const MapOptions& from)
    {
        auto take = [](auto& a, const auto& b) {
            if (b)
                a = b;
        };
        take(into.user_friendly_names, from.user_friendly_names);
        take(into.alias_prefix, from.alias_prefix);
        take(into.uid_attribute, from.uid_attribute);
        take(into.no_path_retry, from.no_path_retry);
        take(into.path_grouping_policy, from.path_grouping_policy);
        take(into.path_selector, from.path_selector);
        take(into.features, from.features);
        take(into.hardware_handler, from.hardware_handler);
        take(into.rr_min_io_rq, from.rr_min_io_rq);
        take(into.skip_kpartx, from.skip_kpartx);
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

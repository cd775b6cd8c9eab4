// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/config_print.hh"

#include <algorithm>
#include <optional>
#include <span>

#include "core/keywords.hh"
#include "core/text.hh"

namespace mpb {

namespace {

// Keywords multipath -t quotes whatever the value (strings, names, yes/no);
// any other keyword's value is quoted unless it is a number.
constexpr std::string_view always_quoted[] = {
    "vendor", "product", "revision", "product_blacklist", "path_grouping_policy", "uid_attrs",
    "uid_attribute", "path_selector", "path_checker", "alias_prefix", "features",
    "hardware_handler", "prio", "prio_args", "rr_weight", "user_friendly_names",
    "retain_attached_hw_handler", "detect_prio", "detect_checker", "deferred_remove",
    "flush_on_last_del", "skip_kpartx", "all_tg_pt", "vpd_vendor", "recheck_wwid", "wwid",
    "alias", "reassign_maps", "queue_without_daemon", "allow_usb_devices", "bindings_file",
    "wwids_file", "prkeys_file", "log_checker_err", "reservation_key", "force_sync",
    "strict_timing", "partition_delimiter", "find_multipaths", "disable_changed_wwids",
    "enable_foreign", "marginal_pathgroups",
};

bool is_number(std::string_view v)
{
    if (!v.empty() && v[0] == '-')
        v.remove_prefix(1);
    return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// multipath-tools' quoting: in quotes, a quote doubled.
std::string conf_quoted(std::string_view v)
{
    std::string out = "\"";
    for (char c : v)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void put(std::string& out, std::string_view indent, std::string_view keyword, std::string_view value)
{
    bool quote = std::find(std::begin(always_quoted), std::end(always_quoted), keyword) !=
                     std::end(always_quoted) ||
                 !is_number(value);
    out.append(indent).append(keyword).append(" ");
    out += quote ? conf_quoted(value) : std::string(value);
    out += "\n";
}

// What one section or entry sets for `keyword`: mpath-boot's own value, or
// the text kept for a keyword it has no use for.
std::optional<std::string> value_of(std::string_view keyword, const MapOptions& map,
                                    const GlobalOptions& global, const KeywordTexts& kept)
{
    if (const Keyword* k = find_keyword(keyword))
        return k->text(map, global);
    if (const auto* t = find_text(kept, keyword))
        return *t;
    return std::nullopt;
}

// ----- defaults ------------------------------------------------------------

// multipath -t's defaults section in its order: each keyword with its
// built-in value as printed, from_keywords for mpath-boot's own keywords
// (keywords.cc holds their defaults), or only_when_set.
constexpr const char* from_keywords = "";
constexpr const char* only_when_set = nullptr;

struct DefaultLine {
    std::string_view keyword;
    const char* builtin;
};

constexpr DefaultLine default_lines[] = {
    {"verbosity", "2"}, {"polling_interval", "5"}, {"max_polling_interval", "20"},
    {"reassign_maps", "no"}, {"path_selector", from_keywords},
    {"path_grouping_policy", from_keywords}, {"uid_attrs", only_when_set},
    {"uid_attribute", from_keywords}, {"prio", from_keywords}, {"prio_args", from_keywords},
    {"features", from_keywords}, {"path_checker", "tur"}, {"alias_prefix", from_keywords},
    {"failback", "manual"}, {"rr_min_io", "1000"}, {"rr_min_io_rq", from_keywords},
    {"max_fds", "max"}, {"rr_weight", from_keywords}, {"no_path_retry", only_when_set},
    {"queue_without_daemon", "no"}, {"checker_timeout", only_when_set},
    {"allow_usb_devices", "no"}, {"flush_on_last_del", "no"},
    {"user_friendly_names", from_keywords}, {"mode", only_when_set}, {"uid", only_when_set},
    {"gid", only_when_set}, {"fast_io_fail_tmo", "5"}, {"dev_loss_tmo", only_when_set},
    {"eh_deadline", only_when_set}, {"bindings_file", "/etc/multipath/bindings"},
    {"wwids_file", "/etc/multipath/wwids"}, {"prkeys_file", "/etc/multipath/prkeys"},
    {"log_checker_err", "always"}, {"reservation_key", only_when_set}, {"all_tg_pt", "no"},
    {"retain_attached_hw_handler", from_keywords}, {"detect_prio", from_keywords},
    {"detect_checker", "yes"}, {"force_sync", "yes"}, {"strict_timing", "no"},
    {"deferred_remove", "no"}, {"partition_delimiter", only_when_set},
    {"delay_watch_checks", "no"}, {"delay_wait_checks", "no"},
    {"san_path_err_threshold", "no"}, {"san_path_err_forget_rate", "no"},
    {"san_path_err_recovery_time", "no"}, {"marginal_path_err_sample_time", "no"},
    {"marginal_path_err_rate_threshold", "no"}, {"marginal_path_err_recheck_gap_time", "no"},
    {"marginal_path_double_failed_time", "no"}, {"find_multipaths", from_keywords},
    {"uxsock_timeout", "4000"}, {"retrigger_tries", "0"}, {"retrigger_delay", "10"},
    {"missing_uev_wait_timeout", "30"}, {"skip_kpartx", from_keywords},
    {"disable_changed_wwids", "ignored"}, {"remove_retries", "0"},
    {"max_sectors_kb", only_when_set}, {"ghost_delay", "no"},
    {"find_multipaths_timeout", from_keywords}, {"enable_foreign", "NONE"},
    {"marginal_pathgroups", "off"}, {"recheck_wwid", "no"},
};

std::optional<std::string> builtin_default(const DefaultLine& d)
{
    if (d.builtin != from_keywords)
        return d.builtin ? std::optional<std::string>(d.builtin) : std::nullopt;
    const Keyword* k = find_keyword(d.keyword);
    return k ? std::optional<std::string>(k->builtin) : std::nullopt;
}

// multipathd's longest checker interval is 4 polling intervals unless set.
std::optional<std::string> derived_default(std::string_view keyword, const Config& c)
{
    long long polling = 0;
    const auto* p = find_text(c.defaults_kept, "polling_interval");
    if (keyword == "max_polling_interval" && p && parse_int(*p, polling))
        return std::to_string(4 * polling);
    return std::nullopt;
}

void defaults(std::string& out, const Config& c)
{
    out += "defaults {\n";
    for (const auto& d : default_lines) {
        auto v = value_of(d.keyword, c.defaults, c.global, c.defaults_kept);
        if (!v)
            v = derived_default(d.keyword, c);
        if (!v)
            v = builtin_default(d);
        if (v)
            put(out, "\t", d.keyword, *v);
    }
    out += "}\n";
}

// ----- blacklist and blacklist_exceptions ----------------------------------

void filters(std::string& out, const char* name, const FilterList& l)
{
    out += std::string(name) + " {\n";
    auto rules = [&](const char* keyword, const std::vector<FilterRule>& rs) {
        for (const auto& r : rs)
            put(out, "\t", keyword, r.re.pattern());
    };
    rules("devnode", l.devnode);
    rules("wwid", l.wwid);
    rules("property", l.property);
    rules("protocol", l.protocol);
    for (const auto& d : l.device) {
        out += "\tdevice {\n";
        if (d.vendor)
            put(out, "\t\t", "vendor", d.vendor->pattern());
        if (d.product)
            put(out, "\t\t", "product", d.product->pattern());
        out += "\t}\n";
    }
    out += "}\n";
}

// ----- devices, overrides, multipaths --------------------------------------

// The keywords of a device entry after vendor, product, revision and
// product_blacklist, in multipath -t's order.
constexpr std::string_view device_keywords[] = {
    "path_grouping_policy", "uid_attribute", "path_selector", "path_checker", "alias_prefix",
    "features", "hardware_handler", "prio", "prio_args", "failback", "rr_weight",
    "no_path_retry", "rr_min_io", "rr_min_io_rq", "flush_on_last_del", "fast_io_fail_tmo",
    "dev_loss_tmo", "eh_deadline", "user_friendly_names", "retain_attached_hw_handler",
    "detect_prio", "detect_checker", "deferred_remove", "delay_watch_checks",
    "delay_wait_checks", "san_path_err_threshold", "san_path_err_forget_rate",
    "san_path_err_recovery_time", "marginal_path_err_sample_time",
    "marginal_path_err_rate_threshold", "marginal_path_err_recheck_gap_time",
    "marginal_path_double_failed_time", "skip_kpartx", "max_sectors_kb", "ghost_delay",
    "all_tg_pt", "vpd_vendor", "recheck_wwid",
};

// The overrides section's keywords: a device entry's without the ones
// that identify hardware (and hardware_handler, vpd_vendor).
bool in_overrides(std::string_view k) { return k != "hardware_handler" && k != "vpd_vendor"; }

constexpr std::string_view multipath_keywords[] = {
    "path_grouping_policy", "path_selector", "prio", "prio_args", "failback", "rr_weight",
    "no_path_retry", "rr_min_io", "rr_min_io_rq", "flush_on_last_del", "features", "mode",
    "uid", "gid", "reservation_key", "user_friendly_names", "deferred_remove",
    "delay_watch_checks", "delay_wait_checks", "san_path_err_threshold",
    "san_path_err_forget_rate", "san_path_err_recovery_time", "marginal_path_err_sample_time",
    "marginal_path_err_rate_threshold", "marginal_path_err_recheck_gap_time",
    "marginal_path_double_failed_time", "skip_kpartx", "max_sectors_kb", "ghost_delay",
};

void settings(std::string& out, std::string_view indent, std::span<const std::string_view> keywords,
              const MapOptions& map, const KeywordTexts& kept)
{
    const GlobalOptions none;
    for (auto k : keywords)
        if (auto v = value_of(k, map, none, kept))
            put(out, indent, k, *v);
}

void device(std::string& out, const DeviceEntry& d)
{
    out += "\tdevice {\n";
    put(out, "\t\t", "vendor", d.vendor.pattern());
    put(out, "\t\t", "product", d.product.pattern());
    if (d.revision)
        put(out, "\t\t", "revision", d.revision->pattern());
    if (d.product_blacklist)
        put(out, "\t\t", "product_blacklist", d.product_blacklist->value);
    settings(out, "\t\t", device_keywords, d.options, d.kept);
    out += "\t}\n";
}

void devices(std::string& out, const Config& c)
{
    out += "devices {\n";
    for (std::size_t i = 0; i < c.builtin_devices.size(); ++i)
        if (c.builtin_devices.in_effect(i))
            device(out, c.builtin_devices.entry(i));
    for (const auto& d : c.devices)
        device(out, d);
    out += "}\n";
}

void overrides(std::string& out, const Config& c)
{
    std::vector<std::string_view> keywords;
    std::copy_if(std::begin(device_keywords), std::end(device_keywords),
                 std::back_inserter(keywords), in_overrides);
    out += "overrides {\n";
    settings(out, "\t", keywords, c.overrides, c.overrides_kept);
    out += "}\n";
}

// Printed only when there are entries, in WWID order (multipath-tools
// sorts them).
void multipaths(std::string& out, const Config& c)
{
    if (c.multipaths.empty())
        return;
    std::vector<const MultipathEntry*> sorted;
    for (const auto& m : c.multipaths)
        sorted.push_back(&m);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto* a, const auto* b) { return a->wwid < b->wwid; });
    out += "multipaths {\n";
    for (const auto* m : sorted) {
        out += "\tmultipath {\n";
        put(out, "\t\t", "wwid", m->wwid);
        if (m->alias)
            put(out, "\t\t", "alias", m->alias->value);
        settings(out, "\t\t", multipath_keywords, m->options, m->kept);
        out += "\t}\n";
    }
    out += "}\n";
}

}  // namespace

std::string print_config(const Config& c)
{
    std::string out;
    defaults(out, c);
    filters(out, "blacklist", c.blacklist);
    filters(out, "blacklist_exceptions", c.exceptions);
    devices(out, c);
    overrides(out, c);
    multipaths(out, c);
    return out;
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/keywords.hh"

#include "core/alias.hh"
#include "core/text.hh"

namespace mpb {

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
    if (v == "group_by_prio")
        return Result<PgPolicy>::ok(PgPolicy::group_by_prio);
    if (v == "group_by_node_name")
        return Result<PgPolicy>::ok(PgPolicy::group_by_node_name);
    return Result<PgPolicy>::fail(
        "expected failover, multibus, group_by_serial, group_by_prio or group_by_node_name");
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

// One word or "": uid_attribute "" means the VPD page, udev not asked.
Result<std::string> parse_word_or_empty(const std::string& v)
{
    return v.empty() ? Result<std::string>::ok(v) : parse_word(v);
}

Result<std::string> parse_rr_weight(const std::string& v)
{
    if (v == "uniform" || v == "priorities")
        return Result<std::string>::ok(v);
    return Result<std::string>::fail("expected uniform or priorities");
}

// Any text, the empty one too: prio_args.
Result<std::string> parse_text(const std::string& v) { return Result<std::string>::ok(v); }

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

// multipath-tools keywords that mpath-boot accepts and has no use for (path
// checkers, priorities, timeouts of the daemon): no warning for these. A
// plain array: built at compile time, not at every start of the callout.
constexpr std::string_view unused_keywords[] = {
    "all_devs", "all_tg_pt", "allow_usb_devices", "auto_resize", "bindings_file", "checker", "checker_timeout",
    "config_dir", "deferred_remove", "delay_wait_checks", "delay_watch_checks",
    "detect_checker", "detect_pgpolicy", "detect_pgpolicy_use_tpg", "dev_loss_tmo", "disable_changed_wwids", "eh_deadline", "enable_foreign", "failback",
    "fast_io_fail_tmo", "flush_on_last_del", "force_sync", "ghost_delay", "gid",
    "ignore_new_boot_devs", "log_checker_err", "marginal_path_double_failed_time",
    "marginal_path_err_rate_threshold", "marginal_path_err_recheck_gap_time",
    "marginal_path_err_sample_time", "marginal_pathgroups", "max_fds", "max_polling_interval",
    "max_sectors_kb", "minio", "missing_uev_wait_timeout", "mode", "multipath_dir",
    "path_checker", "pg_timeout", "polling_interval", "prkeys_file",
    "queue_without_daemon", "reassign_maps", "recheck_wwid",
    "remove_retries", "reservation_key", "retrigger_delay",
    "retrigger_tries", "rr_min_io", "san_path_err_forget_rate",
    "san_path_err_recovery_time", "san_path_err_threshold", "strict_timing", "uid",
    "uxsock_timeout", "verbosity", "vpd_vendor", "wwids_file", "partition_delimiter",
};

// ----- what a row does, generated from its parser and accessor ------------
//
// `Field` is a captureless lambda returning a reference to the keyword's
// member of MapSettings<W> or GlobalSettings<W>, for either W; being
// captureless, it is default-constructible, so a function instantiated for
// it needs no state and fits a plain function pointer in the table.

template <class T>
std::string store(Maybe<T>& slot, Result<T> parsed, const Origin& origin)
{
    if (!parsed)
        return parsed.error();
    slot = Set<T>{std::move(parsed.value()), origin};
    return {};
}

template <auto Parse, class Field>
std::string set_map(MapOptions& map, GlobalOptions&, const std::string& v, const Origin& o)
{
    return store(Field{}(map), Parse(v), o);
}

template <auto Parse, class Field>
std::string set_global(MapOptions&, GlobalOptions& global, const std::string& v, const Origin& o)
{
    return store(Field{}(global), Parse(v), o);
}

template <class Field>
void overlay_map(MapOptions& into, const MapOptions& from)
{
    if (const auto& v = Field{}(from))
        Field{}(into) = v;
}

void overlay_nothing(MapOptions&, const MapOptions&) {}

// The built-in default goes through the keyword's own parser, so it is
// written once, the way a user would write it (keywords_test checks that
// every one parses).
template <class T>
void set_builtin(Set<T>& out, Result<T> parsed)
{
    out = {parsed ? std::move(parsed.value()) : T{}, Origin{Origin::builtin, {}, 0, {}}};
}

template <auto Parse, class Field>
void resolve_map(const Keyword& k, const SettingSources& src, EffectiveSettings& out)
{
    for (const MapOptions* level : src.levels) {
        if (level && Field{}(*level)) {
            Field{}(out) = *Field{}(*level);
            return;
        }
    }
    set_builtin(Field{}(out), Parse(k.builtin));
}

template <auto Parse, class Field>
void resolve_global(const Keyword& k, const SettingSources& src, EffectiveSettings& out)
{
    if (src.global && Field{}(*src.global))
        Field{}(out) = *Field{}(*src.global);
    else
        set_builtin(Field{}(out), Parse(k.builtin));
}

std::string value_text(bool b) { return b ? "yes" : "no"; }
std::string value_text(int n) { return std::to_string(n); }
std::string value_text(const std::string& s) { return s; }
std::string value_text(const NoPathRetry& n) { return to_string(n); }
std::string value_text(PgPolicy p) { return to_string(p); }
std::string value_text(FindMultipaths f) { return to_string(f); }

template <class Field>
std::optional<std::string> text_map(const MapOptions& map, const GlobalOptions&)
{
    if (const auto& v = Field{}(map))
        return value_text(v->value);
    return std::nullopt;
}

template <class Field>
std::optional<std::string> text_global(const MapOptions&, const GlobalOptions& global)
{
    if (const auto& v = Field{}(global))
        return value_text(v->value);
    return std::nullopt;
}

// A keyword of MapSettings: valid in `sections`, overlaid, resolved over
// every level.
template <auto Parse, class Field>
constexpr Keyword map_keyword(std::string_view name, unsigned sections, const char* builtin, Field)
{
    return {name, sections, builtin, &set_map<Parse, Field>, &overlay_map<Field>,
            &resolve_map<Parse, Field>, &text_map<Field>};
}

// A keyword of GlobalSettings: defaults section only.
template <auto Parse, class Field>
constexpr Keyword global_keyword(std::string_view name, const char* builtin, Field)
{
    return {name, in_defaults, builtin, &set_global<Parse, Field>, &overlay_nothing,
            &resolve_global<Parse, Field>, &text_global<Field>};
}

// ----- the table -----------------------------------------------------------

constexpr Keyword keywords[] = {
    map_keyword<parse_yes_no>("user_friendly_names", in_map_sections, "no",
                              [](auto& s) -> auto& { return s.user_friendly_names; }),
    map_keyword<parse_alias_prefix>("alias_prefix", in_defaults | in_device | in_overrides, "mpath",
                                    [](auto& s) -> auto& { return s.alias_prefix; }),
    map_keyword<parse_word_or_empty>("uid_attribute", in_defaults | in_device | in_overrides, "ID_SERIAL",
                            [](auto& s) -> auto& { return s.uid_attribute; }),
    map_keyword<parse_no_path_retry>("no_path_retry", in_map_sections, "fail",
                                     [](auto& s) -> auto& { return s.no_path_retry; }),
    map_keyword<parse_pg_policy>("path_grouping_policy", in_map_sections, "failover",
                                 [](auto& s) -> auto& { return s.path_grouping_policy; }),
    map_keyword<parse_selector>("path_selector", in_map_sections, "service-time 0",
                                [](auto& s) -> auto& { return s.path_selector; }),
    map_keyword<parse_counted_words>("features", in_map_sections, "0",
                                     [](auto& s) -> auto& { return s.features; }),
    // multipath-tools takes the handler from device entries and defaults only.
    map_keyword<parse_counted_words>("hardware_handler", in_defaults | in_device, "0",
                                     [](auto& s) -> auto& { return s.hardware_handler; }),
    map_keyword<parse_positive>("rr_min_io_rq", in_map_sections, "1",
                                [](auto& s) -> auto& { return s.rr_min_io_rq; }),
    map_keyword<parse_yes_no>("skip_kpartx", in_map_sections, "no",
                              [](auto& s) -> auto& { return s.skip_kpartx; }),
    map_keyword<parse_rr_weight>("rr_weight", in_map_sections, "uniform",
                                 [](auto& s) -> auto& { return s.rr_weight; }),
    map_keyword<parse_word>("prio", in_map_sections, "const",
                            [](auto& s) -> auto& { return s.prio; }),
    map_keyword<parse_text>("prio_args", in_map_sections, "",
                            [](auto& s) -> auto& { return s.prio_args; }),
    map_keyword<parse_yes_no>("detect_prio", in_defaults | in_device | in_overrides, "yes",
                              [](auto& s) -> auto& { return s.detect_prio; }),
    map_keyword<parse_yes_no>("retain_attached_hw_handler", in_defaults | in_device | in_overrides,
                              "yes", [](auto& s) -> auto& { return s.retain_attached_hw_handler; }),
    global_keyword<parse_find_multipaths>("find_multipaths", "strict",
                                          [](auto& s) -> auto& { return s.find_multipaths; }),
    // -10: 10 s for hardware a device entry matches, 1 s else (settings.cc).
    global_keyword<parse_timeout>("find_multipaths_timeout", "-10",
                                  [](auto& s) -> auto& { return s.find_multipaths_timeout; }),
    // Unset: every device takes uid_attribute.
    global_keyword<parse_uid_attrs>("uid_attrs", "",
                                    [](auto& s) -> auto& { return s.uid_attrs; }),
};

}  // namespace

std::span<const Keyword> keyword_table() { return keywords; }

const Keyword* find_keyword(std::string_view name)
{
    for (const auto& k : keywords)
        if (name == k.name)
            return &k;
    return nullptr;
}

bool is_unused_keyword(std::string_view name)
{
    for (auto k : unused_keywords)
        if (k == name)
            return true;
    return false;
}

void overlay_options(MapOptions& into, const MapOptions& from)
{
    for (const auto& k : keywords)
        k.overlay(into, from);
}

EffectiveSettings resolve_keywords(const SettingSources& sources)
{
    EffectiveSettings out;
    for (const auto& k : keywords)
        k.resolve(k, sources, out);
    return out;
}

}  // namespace mpb

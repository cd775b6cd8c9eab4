// SPDX-License-Identifier: GPL-2.0-or-later
// multipath.conf with meaning: the typed configuration built from the main
// file and conf.d/*.conf, each value remembering where it was set.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hh"
#include "core/regex.hh"

namespace mpb {

enum class FindMultipaths { off, on, strict, greedy, smart };
enum class PgPolicy { failover, multibus, group_by_serial, group_by_prio, group_by_node_name };

struct NoPathRetry {
    enum Kind { fail, queue, retries } kind = fail;
    int count = 0;  // checker intervals to queue for, when kind == retries
    bool operator==(const NoPathRetry&) const = default;
};

// Where a value or rule came from.
struct Origin {
    enum Kind { builtin, builtin_device, defaults, devices, overrides, multipaths, blacklist,
                blacklist_exceptions } kind = builtin;
    std::string file;
    int line = 0;
    std::string detail;  // built-in device entry: "VENDOR/PRODUCT"

    // "defaults section, /etc/multipath.conf:4", "built-in default", ...
    std::string describe() const;
};

template <class T>
struct Set {
    T value{};
    Origin origin;
};

// A value one section or entry may or may not set.
template <class T>
using Maybe = std::optional<Set<T>>;

// The settings of multipath.conf, each declared once for both uses: W =
// Maybe for what one section or entry sets (MapOptions, GlobalOptions), W =
// Set for the value resolved by precedence (EffectiveSettings). A new
// keyword is a member here and a row in keywords.cc's table.

// Options a map can take from several sections.
template <template <class> class W>
struct MapSettings {
    W<bool> user_friendly_names;
    W<std::string> alias_prefix;
    W<std::string> uid_attribute;
    W<NoPathRetry> no_path_retry;
    W<PgPolicy> path_grouping_policy;
    W<std::string> path_selector;
    W<std::string> features;
    W<std::string> hardware_handler;
    W<int> rr_min_io_rq;
    W<bool> skip_kpartx;
    W<std::string> prio;       // prioritizer name: "const", "alua", "sysfs", ...
    W<std::string> prio_args;  // its arguments, "" for none
    W<bool> detect_prio;       // ALUA devices get sysfs/alua whatever prio says
    W<bool> retain_attached_hw_handler;  // keep the handler the kernel attached
    W<std::string> rr_weight;  // "uniform", or "priorities": a path's repeat count times its prio
};

// Options only the defaults section holds.
template <template <class> class W>
struct GlobalSettings {
    W<FindMultipaths> find_multipaths;
    W<int> find_multipaths_timeout;  // < 0: -N s for known hardware, 1 s else
    W<std::string> uid_attrs;        // "sd:ID_SERIAL nvme:ID_WWN"
};

struct MapOptions : MapSettings<Maybe> {};
struct GlobalOptions : GlobalSettings<Maybe> {};

// A keyword kept as written, for show-config: the ones only multipathd
// uses (path_checker, failback, timers) and vpd_vendor.
struct KeywordText {
    std::string keyword;
    std::string value;
    bool operator==(const KeywordText&) const = default;
};
using KeywordTexts = std::vector<KeywordText>;

// Sets `keyword` to `value` in `texts`: a keyword given again replaces its
// earlier value in its place.
void set_text(KeywordTexts& texts, const std::string& keyword, const std::string& value);
const std::string* find_text(const KeywordTexts& texts, std::string_view keyword);

struct DeviceEntry {
    Regex vendor;
    Regex product;
    std::optional<Regex> revision;  // absent: any revision
    // Becomes a blacklist device entry (vendor, this product) after loading.
    std::optional<Set<std::string>> product_blacklist;
    MapOptions options;
    KeywordTexts kept;  // keywords mpath-boot has no use for
    Origin origin;

    // Regex matches, as multipath-tools': a revision that is not known
    // (nullopt) matches any.
    bool matches(std::string_view vendor, std::string_view product,
                 std::optional<std::string_view> revision) const;
};

// multipath-tools' built-in device entries (hwtable.hh has the rows, and
// hwtable.cc this class), in their order. An entry is made from its row
// only when a device could match it, so that the udev callout does not
// build 123 entries; a copy shares the entries made before it.
class BuiltinDevices {
public:
    BuiltinDevices();
    std::size_t size() const { return dropped_.size(); }
    // Whether row `i` is still an entry of its own (not merged into a user
    // entry with the same vendor, product and revision strings).
    bool in_effect(std::size_t i) const { return !dropped_[i]; }
    void drop(std::size_t i) { dropped_[i] = true; }
    // The row in effect whose strings are exactly these, if any.
    std::optional<std::size_t> find_same(std::string_view vendor, std::string_view product,
                                         const std::optional<std::string>& revision) const;
    // Whether row `i` matches (DeviceEntry::matches); rows whose literal
    // patterns rule the device out are decided without making the entry.
    bool matches(std::size_t i, std::string_view vendor, std::string_view product,
                 std::optional<std::string_view> revision) const;
    // The rows in effect that match, highest precedence (last) first.
    std::vector<std::size_t> matching(std::string_view vendor, std::string_view product,
                                      std::optional<std::string_view> revision) const;
    const DeviceEntry& entry(std::size_t i) const;

private:
    bool matches_past_vendor(std::size_t i, std::string_view vendor, std::string_view product,
                             std::optional<std::string_view> revision) const;
    std::vector<bool> dropped_;
    mutable std::vector<std::shared_ptr<const DeviceEntry>> made_;
};

struct MultipathEntry {
    std::string wwid;
    std::optional<Set<std::string>> alias;
    MapOptions options;
    KeywordTexts kept;  // keywords mpath-boot has no use for
    Origin origin;
};

struct FilterRule {
    Regex re;
    Origin origin;
};

struct DeviceFilterRule {
    std::optional<Regex> vendor;   // absent: any vendor
    std::optional<Regex> product;  // absent: any product
    Origin origin;                 // of the product_blacklist line, when from_product_blacklist
    bool from_product_blacklist = false;  // a device entry's product_blacklist
};

struct FilterList {
    std::vector<FilterRule> devnode, wwid, property, protocol;
    std::vector<DeviceFilterRule> device;
};

struct Config {
    MapOptions defaults;
    GlobalOptions global;
    KeywordTexts defaults_kept;               // defaults keywords mpath-boot has no use for
    MapOptions overrides;
    KeywordTexts overrides_kept;
    // User entries, in reading order; an entry with the same vendor, product
    // and revision strings as an earlier one (built-in too) takes the earlier
    // one's settings it does not set, and the earlier one goes.
    std::vector<DeviceEntry> devices;
    BuiltinDevices builtin_devices;
    std::vector<MultipathEntry> multipaths;   // one per WWID, merged
    // The files' rules, then the built-in ones and the product_blacklist of
    // every device entry; a rule written twice is kept once.
    FilterList blacklist;
    FilterList exceptions;
    Diagnostics diagnostics;
    bool fell_back = false;                   // a file was broken: built-in defaults only

    const MultipathEntry* find_multipath(const std::string& wwid) const;
};

struct ConfigText {
    std::string file;  // name for messages
    std::string text;
};

// The main file first, then conf.d files in sorted order; later values win.
// Unknown keywords and bad values are warnings (the value is ignored). A
// syntax error in any file is an error and the result holds the built-in
// defaults only (fell_back), with every diagnostic kept.
Config load_config(const std::vector<ConfigText>& files);

// Built-in defaults, no file read.
Config builtin_config();

const char* to_string(FindMultipaths f);
const char* to_string(PgPolicy p);
std::string to_string(const NoPathRetry& n);

}  // namespace mpb

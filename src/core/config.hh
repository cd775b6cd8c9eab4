// multipath.conf with meaning: the typed configuration built from the main
// file and conf.d/*.conf, each value remembering where it was set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hh"
#include "core/regex.hh"

namespace mpb {

enum class FindMultipaths { off, on, strict, greedy, smart };
enum class PgPolicy { failover, multibus, group_by_serial };

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
    T value;
    Origin origin;
};

// Options a map can take from several sections.
struct MapOptions {
    std::optional<Set<bool>> user_friendly_names;
    std::optional<Set<std::string>> alias_prefix;
    std::optional<Set<std::string>> uid_attribute;
    std::optional<Set<NoPathRetry>> no_path_retry;
    std::optional<Set<PgPolicy>> path_grouping_policy;
    std::optional<Set<std::string>> path_selector;
    std::optional<Set<std::string>> features;
    std::optional<Set<std::string>> hardware_handler;
    std::optional<Set<int>> rr_min_io_rq;
    std::optional<Set<bool>> skip_kpartx;
};

// Options only the defaults section holds.
struct GlobalOptions {
    std::optional<Set<FindMultipaths>> find_multipaths;
    std::optional<Set<int>> find_multipaths_timeout;  // < 0: -N s for known hardware, 1 s else
    std::optional<Set<std::string>> uid_attrs;        // "sd:ID_SERIAL nvme:ID_WWN"
};

struct DeviceEntry {
    Regex vendor;
    Regex product;
    MapOptions options;
    Origin origin;
};

struct MultipathEntry {
    std::string wwid;
    std::optional<Set<std::string>> alias;
    MapOptions options;
    Origin origin;
};

struct FilterRule {
    Regex re;
    Origin origin;
};

struct DeviceFilterRule {
    std::optional<Regex> vendor;   // absent: any vendor
    std::optional<Regex> product;  // absent: any product
    Origin origin;
};

struct FilterList {
    std::vector<FilterRule> devnode, wwid, property, protocol;
    std::vector<DeviceFilterRule> device;
};

struct Config {
    MapOptions defaults;
    GlobalOptions global;
    MapOptions overrides;
    std::vector<DeviceEntry> devices;         // user entries, in reading order
    std::vector<DeviceEntry> builtin_devices; // the built-in device table (hwtable.cc)
    std::vector<MultipathEntry> multipaths;   // one per WWID, merged
    FilterList blacklist;                     // built-in rules first
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

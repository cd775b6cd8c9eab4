// Effective settings of one map (or path), resolved with multipath-tools'
// precedence, highest first: multipaths entry, overrides, device entries
// (user entries before built-in, later before earlier), defaults, built-in.
// Each value keeps the origin it was taken from.
#pragma once

#include <string_view>
#include <vector>

#include "core/config.hh"

namespace mpb {

struct EffectiveSettings {
    Set<bool> user_friendly_names;
    Set<std::string> alias_prefix;
    Set<FindMultipaths> find_multipaths;
    Set<int> find_multipaths_timeout;  // seconds, > 0
    Set<NoPathRetry> no_path_retry;
    Set<PgPolicy> path_grouping_policy;
    Set<std::string> path_selector;
    Set<std::string> features;
    Set<std::string> hardware_handler;
    Set<int> rr_min_io_rq;
    Set<bool> skip_kpartx;
};

// Device entries matching vendor and product, highest precedence first.
std::vector<const DeviceEntry*> matching_devices(const Config& c, std::string_view vendor,
                                                 std::string_view product);

// `mp` may be null (no multipaths entry for this WWID).
EffectiveSettings resolve_settings(const Config& c, const std::vector<const DeviceEntry*>& devices,
                                   const MultipathEntry* mp);

// The udev property that holds a path's WWID: uid_attrs (matched by device
// name prefix) when set, else uid_attribute from overrides, devices,
// defaults, built-in ("ID_SERIAL").
Set<std::string> resolve_uid_attribute(const Config& c, std::string_view devname,
                                       const std::vector<const DeviceEntry*>& devices);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// Blacklist verdicts, one criterion at a time, as multipath-tools applies
// them: within a criterion an exception wins over a blacklist entry; each
// verdict names the rule and where it was written.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/config.hh"

namespace mpb {

struct FilterVerdict {
    bool blacklisted = false;
    // Why: `blacklisted by devnode "^loop" (blacklist section, /etc/multipath.conf:12)`,
    // `allowed by devnode exception "^sdc" (...)`, or empty when no rule matched.
    std::string reason;
};

FilterVerdict filter_devnode(const Config& c, std::string_view devname);
FilterVerdict filter_device(const Config& c, std::string_view vendor, std::string_view product);
FilterVerdict filter_protocol(const Config& c, std::string_view protocol);
FilterVerdict filter_wwid(const Config& c, std::string_view wwid);

// Property names are matched, not values, in name order. When no property
// matches an exception or a blacklist entry, the device is blacklisted as
// "udev property missing" -- but only when `uid_attribute` is among its
// properties: without it udev has not finished with the device yet.
FilterVerdict filter_property(const Config& c, const std::map<std::string, std::string>& props,
                              std::string_view uid_attribute);

}  // namespace mpb

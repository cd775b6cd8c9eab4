// SPDX-License-Identifier: GPL-2.0-or-later
// Effective settings of one map (or path), resolved with multipath-tools'
// precedence, highest first: multipaths entry, overrides, device entries
// (user entries before built-in, later before earlier), defaults, built-in.
// Each value keeps the origin it was taken from.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/config.hh"

namespace mpb {

// Every keyword's value, from the highest level that sets it or built in.
// find_multipaths_timeout is in seconds, > 0. uid_attribute is the one of
// the sections, before uid_attrs: resolve_uid_attribute gives a path's.
struct EffectiveSettings : MapSettings<Set>, GlobalSettings<Set> {};

// Device entries matching vendor, product and revision (regexes, as
// multipath-tools matches them), highest precedence first: user entries,
// then built-in ones, later before earlier. A revision not known matches
// any entry's.
std::vector<const DeviceEntry*> matching_devices(const Config& c, std::string_view vendor,
                                                 std::string_view product,
                                                 std::optional<std::string_view> revision = {});

// `mp` may be null (no multipaths entry for this WWID).
EffectiveSettings resolve_settings(const Config& c, const std::vector<const DeviceEntry*>& devices,
                                   const MultipathEntry* mp);

// The udev property that holds a path's WWID: uid_attrs (matched by device
// name prefix) when set, else uid_attribute from overrides, devices,
// defaults, built-in ("ID_SERIAL").
Set<std::string> resolve_uid_attribute(const Config& c, std::string_view devname,
                                       const std::vector<const DeviceEntry*>& devices);

}  // namespace mpb

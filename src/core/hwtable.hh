// SPDX-License-Identifier: GPL-2.0-or-later
// The built-in device table: multipath-tools 0.9.4's device entries as
// data (hwtable.list, made into rows at build time), every setting each
// entry has. config.hh's BuiltinDevices makes entries from these rows.
#pragma once

#include <span>

#include "core/config.hh"

namespace mpb {

// One keyword of an entry and its value, as `multipath -t` prints it
// without the quotes.
struct BuiltinSetting {
    const char* keyword;
    const char* value;
};

struct BuiltinRow {
    const char* vendor;
    const char* product;
    const char* revision;           // nullptr: none
    const char* product_blacklist;  // nullptr: none
    unsigned first;                 // its settings in builtin_settings()
    unsigned count;
};

// In multipath-tools' order: a later matching entry wins over an earlier one.
std::span<const BuiltinRow> builtin_rows();
std::span<const BuiltinSetting> settings_of(const BuiltinRow& row);

// The entry of `row`, its settings read by their keywords' parsers (the
// ones mpath-boot has no use for kept as text), with origin "built-in
// device table (VENDOR/PRODUCT)".
DeviceEntry builtin_entry(const BuiltinRow& row);

}  // namespace mpb

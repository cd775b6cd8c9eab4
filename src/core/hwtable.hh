// SPDX-License-Identifier: GPL-2.0-or-later
// The built-in device table: storage arrays whose needs are known, as
// multipath-tools' hwtable records them (only the options mpath-boot uses).
#pragma once

#include <vector>

#include "core/config.hh"

namespace mpb {

// Generic entries come first: a later matching entry wins over an earlier one.
std::vector<DeviceEntry> builtin_device_table();

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// A path's WWID: from the udev property chosen by uid_attrs/uid_attribute,
// or, when udev has none, from the raw VPD pages in sysfs (0x83, then 0x80).
#pragma once

#include <string>

#include "core/result.hh"
#include "core/snapshot.hh"

namespace mpb {

struct Wwid {
    std::string value;
    std::string source;  // "udev property ID_SERIAL", "sysfs vpd_pg83", "sysfs vpd_pg80"
};

// Fails with the reasons of every source tried, in order.
Result<Wwid> derive_wwid(const BlockDevice& dev, const std::string& uid_attribute);

}  // namespace mpb

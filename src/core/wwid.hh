// SPDX-License-Identifier: GPL-2.0-or-later
// A path's WWID: from the udev property chosen by uid_attrs/uid_attribute,
// or, as multipath-tools 0.9.4 falls back, from the raw VPD page 0x83 in
// sysfs when a SCSI disk's attribute is the default ID_SERIAL or "".
#pragma once

#include <string>

#include "core/result.hh"
#include "core/snapshot.hh"

namespace mpb {

struct Wwid {
    std::string value;
    std::string source;  // "udev property ID_SERIAL", "sysfs vpd_pg83"
};

// Fails with the reasons of every source tried, in order.
Result<Wwid> derive_wwid(const BlockDevice& dev, const std::string& uid_attribute);

}  // namespace mpb

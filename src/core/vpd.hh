// SPDX-License-Identifier: GPL-2.0-or-later
// SCSI VPD pages (raw bytes as the kernel exposes them in sysfs vpd_pg80 and
// vpd_pg83) turned into identifiers, the way multipath-tools does.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/alias.hh"
#include "core/result.hh"

namespace mpb {

// WWID from page 0x83 (Device Identification). Only designators associated
// with the logical unit count. Priority, highest first: NAA 6, NAA 5, NAA 2,
// EUI-64 (8/12/16 bytes), SCSI name string (eui./naa./iqn.), T10 vendor id,
// NAA 3. Designators with a wrong length for their type are skipped.
// Result text: NAA "3"+hex, EUI-64 "2"+hex (lowercase); SCSI name "2"/"3"
// (lowercased rest) for eui./naa., "8"+text for iqn.; T10 "1"+text with
// runs of spaces turned into one '_'. Never reads past the span; any input
// gives a WWID or a reason.
Result<std::string> wwid_from_vpd83(std::span<const std::uint8_t> page);

// Unit serial number from page 0x80, leading and trailing spaces removed.
Result<std::string> serial_from_vpd80(std::span<const std::uint8_t> page);

}  // namespace mpb

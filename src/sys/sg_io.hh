// SPDX-License-Identifier: GPL-2.0-or-later
// SCSI commands through SG_IO, each bounded by a timeout: what the
// prioritizers ask an array when the kernel keeps no answer for them.
#pragma once

#include <chrono>
#include <string>

#include "core/result.hh"

namespace mpb {

// REPORT TARGET PORT GROUPS on `devnode` ("/dev/sda"): the reply's bytes,
// or why there is none ("timed out after 1000 ms", "check condition").
Result<std::string> report_target_port_groups(const std::string& devnode,
                                              std::chrono::milliseconds timeout);

// INQUIRY of VPD page `page` (0xc0, 0xc9, ...), up to 128 bytes as the
// vendor prioritizers read them.
Result<std::string> inquiry_vpd(const std::string& devnode, unsigned char page,
                                std::chrono::milliseconds timeout);

// TEST UNIT READY as the hp_sw prioritizer sends it: the outcome as bytes,
// SCSI status, host status, driver status (low bytes), then the sense data.
// A unit attention for a reset is retried, at most 3 times.
Result<std::string> test_unit_ready(const std::string& devnode, std::chrono::milliseconds timeout);

}  // namespace mpb

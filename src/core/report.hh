// SPDX-License-Identifier: GPL-2.0-or-later
// Text for people: a plan in the shape of `multipath -d -v2`, followed by
// the reason for every device left out.
#pragma once

#include <string>

#include "core/coalesce.hh"

namespace mpb {

// Sizes as multipath-tools prints them: "1.0G", "20G", "512M".
std::string human_size(unsigned long long sectors);

// For each map:
//   create: NAME (WWID) dm-? VENDOR,PRODUCT
//   size=1.0G features='0' hwhandler='0' wp=undef
//   `-+- policy='service-time 0' prio=undef status=undef
//     `- 0:0:0:0 sda 8:0 undef undef running
// then "left out:" and one "  DEV: reason" line per device.
// `state_dir` names where new bindings/wwids entries would be written.
// With `explain`, each map is followed by why it is built, its name, every
// setting with its origin, and where each path's WWID came from.
std::string format_plan(const Plan& plan, const std::string& state_dir, bool explain = false);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// The hardware handler of a map as multipath-tools 0.9.4 chooses it: the
// handler the kernel attached to a path (retain_attached_hw_handler, always
// in effect on kernels >= 4.3), else the configured one; "1 alua" when
// every path does ALUA and nothing set a handler; never "1 alua" when a
// path does not.
#pragma once

#include <string>
#include <vector>

#include "core/config.hh"
#include "core/path.hh"
#include "core/rtpg.hh"

namespace mpb {

struct HwHandlerChoice {
    std::string value;   // as the table spells it: "0", "1 alua"
    std::string reason;  // "retained: the kernel attached alua to sda", ...
};

// `configured` is hardware_handler resolved by precedence; `tpgs[i]` is
// paths[i]'s ALUA support.
HwHandlerChoice select_hwhandler(const Set<std::string>& configured,
                                 const std::vector<PathRecord>& paths,
                                 const std::vector<Tpgs>& tpgs);

}  // namespace mpb

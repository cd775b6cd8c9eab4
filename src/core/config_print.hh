// SPDX-License-Identifier: GPL-2.0-or-later
// The effective configuration (built-in, then the files) as multipath.conf
// text in the shape of multipath-tools 0.9.4's `multipath -t`: the same
// sections, keywords in its order and quoting, tab indentation, so that
// the two can be diffed. `mpath-boot show-config` prints it.
#pragma once

#include <string>

#include "core/config.hh"

namespace mpb {

std::string print_config(const Config& c);

}  // namespace mpb

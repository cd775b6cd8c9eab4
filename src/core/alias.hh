// SPDX-License-Identifier: GPL-2.0-or-later
// What may stand in a dm name, a udev property and the state files: map
// names (aliases) and WWIDs. Each check returns "" when valid, else why not.
#pragma once

#include <string>
#include <string_view>

#include "core/dm_name.hh"

namespace mpb {

// An alias is a dm name.
inline constexpr std::size_t max_alias_length = max_dm_name;
// multipath-tools' WWID_SIZE is 128 with the NUL.
inline constexpr std::size_t max_wwid_length = 127;

// Empty, too long, ".", ".." or "control", contains '/', '#', whitespace or
// a control character.
std::string alias_problem(std::string_view alias);

// Empty, too long, contains '/', '#', whitespace or a control character (a
// WWID is written as "/WWID/" in the wwids file, after an alias in the
// bindings file and as a udev property value); ".", ".." or "control", or
// too long for its map's dm UUID (a map that cannot exist).
std::string wwid_problem(std::string_view wwid);

}  // namespace mpb

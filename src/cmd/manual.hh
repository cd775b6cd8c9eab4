// SPDX-License-Identifier: GPL-2.0-or-later
// The command manual, mpath-boot(8), as --help prints it.
#pragma once

#include <string_view>

namespace mpb {

// The whole manual page as text.
std::string_view manual_page();

// The part of the manual about COMMAND ("udev-check"), as text; empty when
// there is no such command.
std::string_view command_manual(std::string_view command);

}  // namespace mpb

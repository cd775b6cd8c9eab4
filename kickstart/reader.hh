// SPDX-License-Identifier: GPL-2.0-or-later
// The kickstart reader: a kickstart file (and what it %includes) in, what
// mpath-boot-ks acts on out (kickstart.hh). Pure: files come in through the
// ReadFile callback, so the installer's filesystem and the unit tests' maps
// look the same to it. The rules it reads by are in kickstart/README.md.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/result.hh"
#include "kickstart/kickstart.hh"

namespace mpb::ks {

// Reads a file's text for the reader: nullopt when it does not exist, an
// error "PATH: REASON" when it cannot be read.
using ReadFile = std::function<Result<std::optional<std::string>>(const std::string& path)>;

// %include files open at once, the top file counted: deeper is an error
// (a runaway chain that is not a loop, e.g. through "dir/../dir/ks.cfg").
inline constexpr std::size_t max_include_depth = 16;

// Reads kickstart file `path` (and what it %includes) into what
// mpath-boot-ks acts on. Every problem found is in Kickstart::diagnostics,
// in file order; an error there means nothing may be written.
Kickstart read_kickstart(const std::string& path, const ReadFile& read);

}  // namespace mpb::ks

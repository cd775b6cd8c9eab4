// SPDX-License-Identifier: GPL-2.0-or-later
// The release of a glibc, read from its libc.so.6: a static mpath-boot may
// dlopen libudev and libdevmapper only with the glibc release it was built
// with (the static and the shared glibc share private interfaces).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mpb {

// "2.36" from the banner every libc.so.6 carries ("GNU C Library (Debian
// GLIBC 2.36-9+deb12u14) stable release version 2.36."); nullopt when
// `libc_bytes` has none.
std::optional<std::string> glibc_release(std::string_view libc_bytes);

// Why a static binary built with glibc release `own` may not load libraries
// beside the libc.so.6 at `path` that holds `libc_bytes`; "" when it may
// (the same release, or none to be read: no banner is not held against it).
std::string glibc_mismatch(std::string_view own, std::string_view libc_bytes, const std::string& path);

}  // namespace mpb

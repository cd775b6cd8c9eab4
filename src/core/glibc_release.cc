// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/glibc_release.hh"

namespace mpb {

std::optional<std::string> glibc_release(std::string_view libc_bytes)
{
    constexpr std::string_view banner = "GNU C Library ";
    constexpr std::string_view version = "release version ";
    // The banner is one NUL-terminated line of .rodata.
    for (auto at = libc_bytes.find(banner); at != std::string_view::npos;
         at = libc_bytes.find(banner, at + 1)) {
        auto line = libc_bytes.substr(at, libc_bytes.find_first_of(std::string_view("\n\0", 2), at) - at);
        auto v = line.find(version);
        if (v == std::string_view::npos)
            continue;
        auto rest = line.substr(v + version.size());
        auto end = rest.find_first_not_of("0123456789.");
        auto release = rest.substr(0, end);
        while (release.ends_with('.'))
            release.remove_suffix(1);
        if (!release.empty())
            return std::string(release);
    }
    return std::nullopt;
}

std::string glibc_mismatch(std::string_view own, std::string_view libc_bytes, const std::string& path)
{
    auto system = glibc_release(libc_bytes);
    if (!system || *system == own)
        return {};
    return "the system's glibc is " + *system + " (" + path + ") and mpath-boot was built with " +
           std::string(own) +
           "; a static binary loads libraries only with its own glibc: rebuild or reinstall mpath-boot, "
           "then the initramfs";
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// The initramfs the real root boots next, read by diagnose: found in /boot
// for the running kernel and unpacked with the machine's lsinitrd (dracut),
// which knows every compression and early-microcode layout dracut writes.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/result.hh"
#include "sys/safe_write.hh"

namespace mpb {

// /boot/initrd.img-KVER (Debian) or /boot/initramfs-KVER.img (Fedora, SUSE)
// for the running kernel; fails saying which names were looked for.
Result<std::string> next_initramfs();

// A directory made for one command and removed with everything in it when
// it goes.
class TempDir {
public:
    static Result<TempDir> make(const std::string& name);
    TempDir(TempDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    // The directory this one had goes with `o`.
    TempDir& operator=(TempDir&& o) noexcept
    {
        std::swap(path_, o.path_);
        return *this;
    }
    ~TempDir();
    const std::string& path() const { return path_; }

private:
    explicit TempDir(std::string path) : path_(std::move(path)) {}
    std::string path_;
};

// Unpacks the files of `image` matching `patterns` (cpio patterns, relative:
// "etc/multipath.conf") into `dir` with `lsinitrd --unpack`; a run longer
// than `timeout` is killed. Fails naming what went wrong.
Result<Unit> unpack_initramfs(const std::string& image, const std::string& dir,
                              const std::vector<std::string>& patterns, std::chrono::milliseconds timeout);

}  // namespace mpb

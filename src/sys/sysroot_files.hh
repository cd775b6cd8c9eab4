// SPDX-License-Identifier: GPL-2.0-or-later
// The real root's files read from the initramfs before switch-root, as the
// real root will see them once it is "/": a symbolic link to an absolute
// path is followed inside the sysroot, never on the initramfs's own tree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hh"
#include "sys/files.hh"
#include "sys/unique_fd.hh"

namespace mpb {

// Paths given to read() and names() are absolute inside the sysroot
// ("/etc/multipath.conf"). Every component is opened with
// openat(O_NOFOLLOW) from the one before it, and symbolic links are
// resolved here, so no link, wherever it stands, reaches a file outside
// the sysroot. Refused, with a one-line reason: a link whose ".." climbs
// above the sysroot (the real root would stop at "/", but no sane tree
// holds one), more than 40 links on one path (the kernel's limit), and a
// link that leads to nothing inside the sysroot. Missing files without a
// link on the way are normal (nullopt, no entries).
class SysrootFiles : public FileSource {
public:
    // Opens `dir` (following a symlink: it is the caller's own argument).
    // Fails with "cannot open sysroot "DIR": REASON".
    static Result<SysrootFiles> open(const std::string& dir);

    Result<std::optional<std::string>> read(const std::string& path) const override;
    Result<std::vector<std::string>> names(const std::string& dir) const override;
    // "DIR/etc/multipath.conf" for "/etc/multipath.conf".
    std::string shown(const std::string& path) const override;

    // DIR without trailing slashes, as messages name it.
    const std::string& dir() const { return dir_; }

private:
    SysrootFiles(UniqueFd root, std::string dir) : root_(std::move(root)), dir_(std::move(dir)) {}

    struct Opened;
    Result<Opened> open_inside(const std::string& path, bool directory) const;

    UniqueFd root_;
    std::string dir_;
};

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// The real root's files read from the initramfs before switch-root, or
// written into an installed system by its installer, as the real root will
// see them once it is "/": a symbolic link to an absolute path is followed
// inside the sysroot, never on the tree of the process that runs us.
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
//
// Writes find the file's directory by that same walk (so a linked "etc" or
// "etc/multipath" is followed inside the sysroot), and with
// opts.create_parent make the missing directories the path itself names,
// with opts.dir_mode; never those a link's target names (such a link is
// refused as leading to nothing). Then safe_write.hh's steps run relative
// to that directory: lock, read, change, temp file ".NAME.XXXXXX", fsync,
// rename, fsync of the directory. A file that is itself a symbolic link is
// refused ("is a symbolic link, refusing to write"), like safe_write.hh
// does, not resolved: renaming over it would replace the link, not what it
// names, and an installer has no business writing through one.
class SysrootFiles : public Files {
public:
    // Opens `dir` (following a symlink: it is the caller's own argument).
    // Fails with "cannot open sysroot "DIR": REASON".
    static Result<SysrootFiles> open(const std::string& dir);

    Result<std::optional<std::string>> read(const std::string& path) const override;
    Result<std::vector<std::string>> names(const std::string& dir) const override;
    // "DIR/etc/multipath.conf" for "/etc/multipath.conf".
    std::string shown(const std::string& path) const override;
    Result<Unit> write_atomically(const std::string& path, const std::string& content,
                                  const WriteOptions& opts) override;
    Result<Unit> update(const std::string& path, const Change& change, const WriteOptions& opts) override;
    // Whether anything (a symlink too) stands at `path`, its directory found
    // as a write finds it; false when that walk fails.
    bool exists(const std::string& path) const override;

    // DIR without trailing slashes, as messages name it.
    const std::string& dir() const { return dir_; }

private:
    SysrootFiles(UniqueFd root, std::string dir) : root_(std::move(root)), dir_(std::move(dir)) {}

    // What open_inside() opens: the file, a directory, or the directory
    // that holds the path's last component (for a write).
    enum class Want { file, directory, parent };
    struct Opened;
    // `make`: the mode to create missing directories with (Want::parent only).
    Result<Opened> open_inside(const std::string& path, Want want, std::optional<unsigned> make = {}) const;

    UniqueFd root_;
    std::string dir_;
};

}  // namespace mpb

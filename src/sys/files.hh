// SPDX-License-Identifier: GPL-2.0-or-later
// The seam between the code that reads and writes configuration and state
// files and the file system: the host's files, a tree seen as its own root
// (sysroot_files.hh: the real root before switch-root, an installed
// system), or an in-memory fake for tests (memory_files.hh).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hh"
#include "sys/safe_write.hh"

namespace mpb {

// Where read_config and read_state find files.
class FileSource {
public:
    virtual ~FileSource() = default;
    // The text of `path`; nullopt when there is no such file. Fails with
    // "PATH: REASON", PATH as shown() names it.
    virtual Result<std::optional<std::string>> read(const std::string& path) const = 0;
    // The entries of directory `dir`, unsorted; none when it does not exist.
    virtual Result<std::vector<std::string>> names(const std::string& dir) const = 0;
    // `path` as messages name it.
    virtual std::string shown(const std::string& path) const = 0;
};

// A FileSource that can also be written, with safe_write.hh's guarantees:
// a reader sees the old or the new text, never a mix, and writers of one
// file are serialized by multipath-tools' lock.
class Files : public FileSource {
public:
    // Replaces `path` with `content` (write_file_atomically).
    virtual Result<Unit> write_atomically(const std::string& path, const std::string& content,
                                          const WriteOptions& opts) = 0;
    // Read, change and replace `path` under the lock (update_file_locked).
    virtual Result<Unit> update(const std::string& path, const Change& change, const WriteOptions& opts) = 0;
    // Whether anything (a symlink too) stands at `path`.
    virtual bool exists(const std::string& path) const = 0;
};

// The host's files, by their paths.
Files& host_files();

// The text of `path`, which must exist: a missing file is the error
// "PATH: No such file or directory", as for any other unreadable one.
Result<std::string> read_existing(const FileSource& files, const std::string& path);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// Files held in memory, for unit tests of code that reads and writes
// through the Files seam: no file system, every write recorded, and any
// path can be made to fail.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sys/files.hh"

namespace mpb {

class MemoryFiles : public Files {
public:
    // One successful write_atomically() or update() that stored new text.
    struct Write {
        std::string path;
        std::string content;
        unsigned mode = 0;
        bool operator==(const Write&) const = default;
    };

    // Sets up `path` with `text`; not recorded as a write.
    void put(const std::string& path, const std::string& text) { files_[path] = text; }
    // The text of `path` now; nullopt when there is none.
    std::optional<std::string> text(const std::string& path) const;
    // From now on reads of `path` fail with "PATH: WHY".
    void fail_reads(const std::string& path, const std::string& why) { read_failures_[path] = why; }
    // From now on writes and updates of `path` fail with "PATH: WHY" before
    // anything is read or changed, as a refused lock or open would.
    void fail_writes(const std::string& path, const std::string& why) { write_failures_[path] = why; }
    // Every write that stored text, in order.
    const std::vector<Write>& writes() const { return writes_; }

    Result<std::optional<std::string>> read(const std::string& path) const override;
    // Direct entries: files right in `dir` and the first component of
    // deeper ones (directories exist only through the files in them).
    Result<std::vector<std::string>> names(const std::string& dir) const override;
    std::string shown(const std::string& path) const override { return path; }
    Result<Unit> write_atomically(const std::string& path, const std::string& content,
                                  const WriteOptions& opts) override;
    // As update_file_locked(): a missing file reads as "", an error or
    // nullopt from `change` leaves everything as it was.
    Result<Unit> update(const std::string& path, const Change& change, const WriteOptions& opts) override;
    bool exists(const std::string& path) const override { return files_.contains(path); }

private:
    std::map<std::string, std::string> files_;
    std::map<std::string, std::string> read_failures_;
    std::map<std::string, std::string> write_failures_;
    std::vector<Write> writes_;
};

}  // namespace mpb

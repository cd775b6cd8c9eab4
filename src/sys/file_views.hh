// SPDX-License-Identifier: GPL-2.0-or-later
// Views of a FileSource for diagnose, whose replay must read what the live
// run read: one that records every file it finds, and one that reads a
// recording back from under the name it was recorded as.
#pragma once

#include <map>
#include <string>

#include "sys/files.hh"

namespace mpb {

// Reads through to `base` and keeps the text of every file found in
// `record` under `prefix` + path. Messages name files `prefix` + path, as
// the replay names them.
class RecordingSource : public FileSource {
public:
    RecordingSource(const FileSource& base, std::string prefix, std::map<std::string, std::string>& record)
        : base_(base), prefix_(std::move(prefix)), record_(record)
    {
    }

    Result<std::optional<std::string>> read(const std::string& path) const override;
    Result<std::vector<std::string>> names(const std::string& dir) const override;
    std::string shown(const std::string& path) const override { return prefix_ + path; }

private:
    const FileSource& base_;
    std::string prefix_;
    std::map<std::string, std::string>& record_;
};

// Reads `prefix` + path of `base`; names files that way too.
class PrefixedSource : public FileSource {
public:
    PrefixedSource(const FileSource& base, std::string prefix) : base_(base), prefix_(std::move(prefix)) {}

    Result<std::optional<std::string>> read(const std::string& path) const override
    {
        return base_.read(prefix_ + path);
    }
    Result<std::vector<std::string>> names(const std::string& dir) const override
    {
        return base_.names(prefix_ + dir);
    }
    std::string shown(const std::string& path) const override { return prefix_ + path; }

private:
    const FileSource& base_;
    std::string prefix_;
};

}  // namespace mpb

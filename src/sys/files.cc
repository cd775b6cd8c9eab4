// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/files.hh"

#include <dirent.h>

#include <cerrno>
#include <cstring>

namespace mpb {

namespace {

class HostFiles : public Files {
public:
    Result<std::optional<std::string>> read(const std::string& path) const override
    {
        using R = Result<std::optional<std::string>>;
        if (!file_exists(path))
            return R::ok(std::nullopt);
        auto t = read_file(path);
        return t ? R::ok(std::move(t.value())) : R::fail(t.error());
    }

    Result<std::vector<std::string>> names(const std::string& dir) const override
    {
        std::vector<std::string> names;
        DIR* d = opendir(dir.c_str());
        if (!d) {
            if (errno == ENOENT)
                return Result<std::vector<std::string>>::ok(names);
            return Result<std::vector<std::string>>::fail(dir + ": " + std::strerror(errno));
        }
        while (const dirent* e = readdir(d))
            names.emplace_back(e->d_name);
        closedir(d);
        return Result<std::vector<std::string>>::ok(names);
    }

    std::string shown(const std::string& path) const override { return path; }

    Result<Unit> write_atomically(const std::string& path, const std::string& content,
                                  const WriteOptions& opts) override
    {
        return write_file_atomically(path, content, opts);
    }

    Result<Unit> update(const std::string& path, const Change& change, const WriteOptions& opts) override
    {
        return update_file_locked(path, change, opts);
    }

    bool exists(const std::string& path) const override { return file_exists(path); }
};

}  // namespace

Files& host_files()
{
    static HostFiles files;
    return files;
}

Result<std::string> read_existing(const FileSource& files, const std::string& path)
{
    auto text = files.read(path);
    if (!text)
        return Result<std::string>::fail(text.error());
    if (!text.value())
        return Result<std::string>::fail(files.shown(path) + ": " + std::strerror(ENOENT));
    return Result<std::string>::ok(std::move(**text));
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/memory_files.hh"

#include <algorithm>

namespace mpb {

std::optional<std::string> MemoryFiles::text(const std::string& path) const
{
    auto it = files_.find(path);
    return it == files_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

Result<std::optional<std::string>> MemoryFiles::read(const std::string& path) const
{
    using R = Result<std::optional<std::string>>;
    if (auto f = read_failures_.find(path); f != read_failures_.end())
        return R::fail(path + ": " + f->second);
    return R::ok(text(path));
}

Result<std::vector<std::string>> MemoryFiles::names(const std::string& dir) const
{
    using R = Result<std::vector<std::string>>;
    if (auto f = read_failures_.find(dir); f != read_failures_.end())
        return R::fail(dir + ": " + f->second);
    const std::string prefix = dir.ends_with('/') ? dir : dir + "/";
    std::vector<std::string> out;
    for (const auto& [path, text] : files_) {
        if (!path.starts_with(prefix) || path.size() == prefix.size())
            continue;
        auto name = path.substr(prefix.size(), path.find('/', prefix.size()) - prefix.size());
        if (std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(name);
    }
    return R::ok(out);
}

Result<Unit> MemoryFiles::write_atomically(const std::string& path, const std::string& content,
                                           const WriteOptions& opts)
{
    return update(
        path, [&](const std::string&) { return Result<std::optional<std::string>>::ok(content); }, opts);
}

Result<Unit> MemoryFiles::update(const std::string& path, const Change& change, const WriteOptions& opts)
{
    if (auto f = write_failures_.find(path); f != write_failures_.end())
        return Result<Unit>::fail(path + ": " + f->second);
    auto next = change(text(path).value_or(""));
    if (!next)
        return Result<Unit>::fail(next.error());
    if (next.value()) {
        files_[path] = **next;
        writes_.push_back({path, **next, opts.mode});
    }
    return Result<Unit>::ok({});
}

}  // namespace mpb

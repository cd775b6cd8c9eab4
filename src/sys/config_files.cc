// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/config_files.hh"

#include <algorithm>

#include "sys/safe_write.hh"

namespace mpb {

namespace {

// Paths of the *.conf files in `dir`, sorted; a missing directory is empty.
Result<std::vector<std::string>> conf_d_files(const FileSource& files, const std::string& dir)
{
    auto all = files.names(dir);
    if (!all)
        return all;
    std::vector<std::string> paths;
    for (const auto& n : all.value())
        if (n.size() > 5 && n.compare(n.size() - 5, 5, ".conf") == 0 && n[0] != '.')
            paths.push_back(dir + "/" + n);
    std::sort(paths.begin(), paths.end());
    return Result<std::vector<std::string>>::ok(paths);
}

// `path`'s text, refused when larger than `max` bytes: the udev callout
// reads these files at every event, many at once.
Result<std::optional<std::string>> read_at_most(const FileSource& files, const std::string& path,
                                                std::size_t max)
{
    auto t = files.read(path);
    if (t && t.value() && t.value()->size() > max)
        return Result<std::optional<std::string>>::fail(
            files.shown(path) + ": larger than " + std::to_string(max >> 10) + " KiB (" +
            std::to_string(t.value()->size()) + " bytes)");
    return t;
}

// "PATH: error: cannot read: REASON; CONSEQUENCE" from read_file's "PATH: REASON".
Diagnostic cannot_read(const std::string& path, const std::string& error,
                       const std::string& consequence)
{
    auto reason = error.substr(error.rfind(": ") + 2);
    return make_diagnostic(Severity::error, path, 0, 0, "cannot read: " + reason + "; " + consequence);
}

Config unreadable(const std::string& path, const std::string& error)
{
    Config c = builtin_config();
    c.diagnostics.push_back(cannot_read(path, error, "using built-in defaults"));
    c.fell_back = true;
    return c;
}

}  // namespace

Config read_config(const std::string& main_file, const std::string& conf_dir)
{
    return read_config(host_files(), main_file, conf_dir);
}

Result<std::vector<ConfigText>> read_config_texts(const FileSource& files, const std::string& main_file,
                                                  const std::string& conf_dir)
{
    using R = Result<std::vector<ConfigText>>;
    std::vector<ConfigText> texts;
    auto main_text = read_at_most(files, main_file, max_config_file_size);
    if (!main_text)
        return R::fail(main_text.error());
    if (main_text.value())
        texts.push_back({files.shown(main_file), **main_text});
    auto extra = conf_d_files(files, conf_dir);
    if (!extra)
        return R::fail(extra.error());
    if (extra.value().size() > max_conf_d_files)
        return R::fail(files.shown(conf_dir) + ": more than " + std::to_string(max_conf_d_files) +
                       " *.conf files (" + std::to_string(extra.value().size()) + ")");
    for (const auto& f : extra.value()) {
        auto t = read_at_most(files, f, max_config_file_size);
        if (!t)
            return R::fail(t.error());
        if (t.value())  // nullopt: removed since it was listed
            texts.push_back({files.shown(f), **t});
    }
    return R::ok(std::move(texts));
}

Config read_config(const FileSource& files, const std::string& main_file, const std::string& conf_dir)
{
    auto texts = read_config_texts(files, main_file, conf_dir);
    if (!texts) {
        const auto& e = texts.error();  // "PATH: REASON", PATH as shown
        return unreadable(e.substr(0, e.rfind(": ")), e);
    }
    return load_config(texts.value());
}

BootSettings read_boot_settings(const std::string& path)
{
    return read_boot_settings(host_files(), path);
}

BootSettings read_boot_settings(const FileSource& files, const std::string& path)
{
    auto t = read_at_most(files, path, max_boot_settings_size);
    if (!t) {
        BootSettings s;
        s.diagnostics.push_back(cannot_read(files.shown(path), t.error(), "using built-in defaults"));
        return s;
    }
    if (!t.value())
        return {};
    return parse_boot_settings(**t, files.shown(path));
}

StateFiles read_state(const std::string& dir)
{
    return read_state(host_files(), dir);
}

StateFiles read_state(const FileSource& files, const std::string& dir)
{
    StateFiles s;
    auto read = [&](const std::string& path, auto parse, auto& into, const char* consequence) {
        auto shown = files.shown(path);
        auto t = read_at_most(files, path, max_state_file_size);
        if (!t) {
            s.problems.push_back(cannot_read(shown, t.error(), consequence));
            return false;
        }
        if (!t.value())
            return true;
        into = parse(**t, shown);
        s.problems.insert(s.problems.end(), into.problems.begin(), into.problems.end());
        return true;
    };
    s.bindings_readable = read(dir + "/bindings", parse_bindings, s.bindings,
                               "no new friendly names will be handed out");
    read(dir + "/wwids", parse_wwids, s.wwids, "treated as empty");
    return s;
}

namespace {

// Changes the text read under the lock through `change` (append_bindings,
// append_wwids, remove_wwids); unchanged text is not written again.
template <class Change>
Result<Unit> change_locked(Files& files, const std::string& path, Change change,
                           LockDeadline deadline = std::nullopt)
{
    WriteOptions opts;
    opts.lock_deadline = deadline;
    opts.mode = state_file_mode;
    opts.create_parent = true;
    const std::string shown = files.shown(path);
    return files.update(path, [&](const std::string& old) -> Result<std::optional<std::string>> {
        auto next = change(old, shown);
        if (!next)
            return Result<std::optional<std::string>>::fail(next.error());
        if (next.value() == old)
            return Result<std::optional<std::string>>::ok(std::nullopt);
        return Result<std::optional<std::string>>::ok(std::move(next.value()));
    }, opts);
}

}  // namespace

Result<Unit> add_bindings(const std::string& dir, const std::vector<Binding>& entries)
{
    return add_bindings(host_files(), dir, entries);
}

Result<Unit> add_bindings(Files& files, const std::string& dir, const std::vector<Binding>& entries,
                          LockDeadline deadline)
{
    if (entries.empty())
        return Result<Unit>::ok({});
    return change_locked(files, dir + "/bindings", [&](const std::string& old, const std::string& shown) {
        return append_bindings(old, entries, shown);
    }, deadline);
}

Result<Unit> add_wwids(const std::string& dir, const std::vector<std::string>& wwids)
{
    return add_wwids(host_files(), dir, wwids);
}

Result<Unit> add_wwids(Files& files, const std::string& dir, const std::vector<std::string>& wwids,
                       LockDeadline deadline)
{
    if (wwids.empty())
        return Result<Unit>::ok({});
    return change_locked(files, dir + "/wwids", [&](const std::string& old, const std::string& shown) {
        return append_wwids(old, wwids, shown);
    }, deadline);
}

Result<Unit> remove_wwids(Files& files, const std::string& dir, const std::vector<std::string>& wwids)
{
    return change_locked(files, dir + "/wwids", [&](const std::string& old, const std::string& shown) {
        return mpb::remove_wwids(old, wwids, shown);
    });
}

}  // namespace mpb

#include "sys/config_files.hh"

#include <dirent.h>

#include <algorithm>
#include <cstring>

#include "sys/safe_write.hh"

namespace mpb {

namespace {

class HostFiles : public FileSource {
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
};

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

const FileSource& host_files()
{
    static const HostFiles files;
    return files;
}

Config read_config(const std::string& main_file, const std::string& conf_dir)
{
    return read_config(host_files(), main_file, conf_dir);
}

Config read_config(const FileSource& files, const std::string& main_file, const std::string& conf_dir)
{
    std::vector<ConfigText> texts;
    auto main_text = files.read(main_file);
    if (!main_text)
        return unreadable(files.shown(main_file), main_text.error());
    if (main_text.value())
        texts.push_back({files.shown(main_file), **main_text});
    auto extra = conf_d_files(files, conf_dir);
    if (!extra)
        return unreadable(files.shown(conf_dir), extra.error());
    for (const auto& f : extra.value()) {
        auto t = files.read(f);
        if (!t)
            return unreadable(files.shown(f), t.error());
        if (t.value())  // nullopt: removed since it was listed
            texts.push_back({files.shown(f), **t});
    }
    return load_config(texts);
}

BootSettings read_boot_settings(const std::string& path)
{
    if (!file_exists(path))
        return {};
    auto t = read_file(path);
    if (!t) {
        BootSettings s;
        s.diagnostics.push_back(cannot_read(path, t.error(), "using built-in defaults"));
        return s;
    }
    return parse_boot_settings(t.value(), path);
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
        auto t = files.read(path);
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

// `lines` appended to the file's text, or the whole new file from `fresh`.
Result<Unit> append_lines(const std::string& path, const std::string& lines, const std::string& fresh)
{
    std::string text = fresh;
    if (file_exists(path)) {
        auto old = read_file(path);
        if (!old)
            return Result<Unit>::fail(old.error() + "; not changed");
        text = old.value();
        if (!text.empty() && text.back() != '\n')
            text += '\n';
        text += lines;
    }
    WriteOptions opts;
    opts.mode = state_file_mode;
    opts.create_parent = true;
    return write_file_atomically(path, text, opts);
}

}  // namespace

Result<Unit> add_bindings(const std::string& dir, const std::vector<Binding>& entries)
{
    if (entries.empty())
        return Result<Unit>::ok({});
    std::string lines;
    for (const auto& b : entries)
        lines += b.alias + " " + b.wwid + "\n";
    return append_lines(dir + "/bindings", lines, format_bindings(entries));
}

Result<Unit> add_wwids(const std::string& dir, const std::vector<std::string>& wwids)
{
    if (wwids.empty())
        return Result<Unit>::ok({});
    std::string lines;
    for (const auto& w : wwids)
        lines += "/" + w + "/\n";
    return append_lines(dir + "/wwids", lines, format_wwids(wwids));
}

}  // namespace mpb

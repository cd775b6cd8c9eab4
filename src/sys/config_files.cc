#include "sys/config_files.hh"

#include <dirent.h>

#include <algorithm>
#include <cstring>

#include "sys/safe_write.hh"

namespace mpb {

namespace {

// Names of *.conf files in `dir`, sorted; a missing directory is empty.
Result<std::vector<std::string>> conf_d_files(const std::string& dir)
{
    std::vector<std::string> names;
    DIR* d = opendir(dir.c_str());
    if (!d) {
        if (errno == ENOENT)
            return Result<std::vector<std::string>>::ok(names);
        return Result<std::vector<std::string>>::fail(dir + ": " + std::strerror(errno));
    }
    while (const dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > 5 && n.compare(n.size() - 5, 5, ".conf") == 0 && n[0] != '.')
            names.push_back(dir + "/" + n);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    return Result<std::vector<std::string>>::ok(names);
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
    std::vector<ConfigText> texts;
    if (file_exists(main_file)) {
        auto t = read_file(main_file);
        if (!t)
            return unreadable(main_file, t.error());
        texts.push_back({main_file, t.value()});
    }
    auto extra = conf_d_files(conf_dir);
    if (!extra)
        return unreadable(conf_dir, extra.error());
    for (const auto& f : extra.value()) {
        auto t = read_file(f);
        if (!t)
            return unreadable(f, t.error());
        texts.push_back({f, t.value()});
    }
    return load_config(texts);
}

StateFiles read_state(const std::string& dir)
{
    StateFiles s;
    auto read = [&](const std::string& path, auto parse, auto& into, const char* consequence) {
        if (!file_exists(path))
            return true;
        auto t = read_file(path);
        if (!t) {
            s.problems.push_back(cannot_read(path, t.error(), consequence));
            return false;
        }
        into = parse(t.value(), path);
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

// SPDX-License-Identifier: GPL-2.0-or-later
// Lines, sections and %include: what makes a kickstart file a list of
// commands (directives.hh reads the commands).
#include "kickstart/reader.hh"

#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

#include "core/text.hh"
#include "kickstart/directives.hh"
#include "kickstart/words.hh"

namespace mpb::ks {

namespace {

// Sections hold scripts, package lists and add-on data, none of it
// commands: their lines are not read, whatever they look like.
const std::set<std::string, std::less<>> section_names = {
    "%pre", "%pre-install", "%post", "%packages", "%addon", "%onerror", "%traceback", "%anaconda",
};

struct Reader {
    const ReadFile& read;
    Kickstart ks;
    std::vector<std::string> chain;  // the files being read, normalized, the top one first
};

std::string first_word(std::string_view line)
{
    auto words = split_words(line);
    return words.empty() ? std::string() : words[0];
}

// "a/./b/../c" is "a/c": two spellings of one file are one link of an
// %include chain. Lexical only (a symlinked folder may fool it; the depth
// limit then stops the loop).
std::string normalized(const std::string& path)
{
    bool absolute = starts_with(path, "/");
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto end = std::min(path.find('/', start), path.size());
        std::string part = path.substr(start, end - start);
        start = end + 1;
        if (part.empty() || part == ".")
            continue;
        if (part == ".." && !parts.empty() && parts.back() != "..")
            parts.pop_back();
        else if (part != ".." || !absolute)
            parts.push_back(part);
    }
    std::string out = absolute ? "/" : "";
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "/" : "") + parts[i];
    return out.empty() ? "." : out;
}

// An %include's file: relative to the folder of the file that names it.
std::string included_path(const std::string& including, const std::string& target)
{
    if (starts_with(target, "/"))
        return target;
    auto slash = including.rfind('/');
    return slash == std::string::npos ? target : including.substr(0, slash + 1) + target;
}

// The physical lines from lines[i] that make one line: a line ending in an
// odd number of backslashes goes on, as in the shell, the backslash and
// the line break dropped. `i` moves past the last of them.
std::string logical_line(const std::vector<std::string_view>& lines, std::size_t& i)
{
    std::string out;
    while (i < lines.size()) {
        std::string_view line = lines[i++];
        auto kept = line.find_last_not_of('\\');
        std::size_t backslashes = line.size() - (kept == std::string_view::npos ? 0 : kept + 1);
        if (backslashes % 2 == 0)
            return out += line;
        out += line.substr(0, line.size() - 1);
    }
    return out;
}

void read_file(Reader& r, const std::string& path, const Command* from);

std::string chain_text(const std::vector<std::string>& chain, const std::string& last)
{
    std::string out;
    for (const auto& f : chain)
        out += f + " -> ";
    return out + last;
}

// %include FILE, or %ksappend FILE (which anaconda's preprocessing puts in
// place of its line: the same effect).
void follow_include(Reader& r, const Command& c)
{
    const std::string& what = c.words[0];
    if (c.words.size() != 2)
        return report(r.ks, Severity::error, c.at, what + " takes one file");
    const std::string& target = c.words[1];
    if (target.find("://") != std::string::npos)
        return report(r.ks, Severity::error, c.at,
                      what + ": " + quoted(target) + " is a URL: mpath-boot-ks reads local files only");
    std::string path = included_path(c.at.file, target);
    if (std::find(r.chain.begin(), r.chain.end(), normalized(path)) != r.chain.end())
        return report(r.ks, Severity::error, c.at, what + " loop: " + chain_text(r.chain, normalized(path)));
    if (r.chain.size() >= max_include_depth)
        return report(r.ks, Severity::error, c.at,
                      what + ": more than " + std::to_string(max_include_depth) + " nested files: " + quoted(path));
    read_file(r, path, &c);
}

// A line starting with '%': opens a section (returned), or is an %include.
std::optional<Command> read_percent(Reader& r, const Command& c)
{
    const std::string& w = c.words[0];
    if (section_names.count(w))
        return c;
    if (w == "%include" || w == "%ksappend")
        follow_include(r, c);
    else if (w == "%end")
        report(r.ks, Severity::error, c.at, "%end outside a section");
    else
        report(r.ks, Severity::error, c.at, "unknown section " + quoted(w));
    return std::nullopt;
}

// Skips section `s` (opened by its header line) up to its %end: returns the
// index of the line after it. A new section's header before it is a missing
// %end (that header is then read as such).
std::size_t skip_section(Reader& r, const std::vector<std::string_view>& lines, std::size_t i, const Command& s)
{
    for (; i < lines.size(); ++i) {
        std::string w = first_word(lines[i]);
        if (w == "%end")
            return i + 1;
        if (section_names.count(w))
            break;
    }
    report(r.ks, Severity::error, s.at, "section " + s.words[0] + " has no %end");
    return i;
}

void read_command(Reader& r, const Command& c)
{
    if (c.words[0] == "mpath")
        read_mpath(c, r.ks);
    else if (c.words[0] == "multipath")
        read_legacy_multipath(c, r.ks);
    else
        read_disk_refs(c, r.ks);  // or a command that is not ours: ignored
}

void read_text(Reader& r, const std::string& file, std::string_view text)
{
    auto lines = split_lines(text);
    std::size_t i = 0;
    while (i < lines.size()) {
        Place at{file, static_cast<int>(i + 1)};
        auto t = trim(lines[i]);
        if (t.empty() || t[0] == '#') {  // a comment does not go on with a final backslash
            ++i;
            continue;
        }
        auto words = split_shell_words(logical_line(lines, i));
        if (!words) {
            report(r.ks, Severity::error, at, words.error());
            continue;
        }
        if (words->empty())
            continue;
        Command c{std::move(*words), at};
        if (c.words[0][0] != '%')
            read_command(r, c);
        else if (auto section = read_percent(r, c))
            i = skip_section(r, lines, i, *section);
    }
}

// Reads `path`, the top file (from: null) or one an %include names.
void read_file(Reader& r, const std::string& path, const Command* from)
{
    auto text = r.read(path);
    std::string what = from ? from->words[0] + ": " : "";
    if (text && !*text && from)
        return report(r.ks, Severity::error, from->at, what + "no such file " + quoted(path));
    if (!text && from)
        return report(r.ks, Severity::error, from->at, what + "cannot read " + text.error());
    if (text && !*text)
        return r.ks.diagnostics.push_back(make_diagnostic(Severity::error, path, 0, 0, "no such file"));
    if (!text)
        return r.ks.diagnostics.push_back(make_diagnostic(Severity::error, path, 0, 0, "cannot read " + text.error()));
    r.chain.push_back(normalized(path));
    read_text(r, path, **text);
    r.chain.pop_back();
}

}  // namespace

Kickstart read_kickstart(const std::string& path, const ReadFile& read)
{
    Reader r{read, {}, {}};
    read_file(r, path, nullptr);
    return std::move(r.ks);
}

}  // namespace mpb::ks

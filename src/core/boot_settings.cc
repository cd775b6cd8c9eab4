// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/boot_settings.hh"

#include <ini.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <utility>
#include <vector>

#include "core/text.hh"

namespace mpb {

const char* to_string(BootLogLevel level)
{
    switch (level) {
    case BootLogLevel::error: return "error";
    case BootLogLevel::warning: return "warning";
    case BootLogLevel::info: return "info";
    case BootLogLevel::debug: return "debug";
    }
    return "warning";
}

namespace {

// inih reads a line into a buffer of INI_MAX_LINE (200) bytes with its
// "\r\n\0"; the rest of a longer line it would read as a line of its own.
constexpr std::size_t max_line = 197;

// Hands inih one line per call, so the handler knows which line it is
// called for (the library is built without INI_HANDLER_LINENO). Leading
// blanks are removed: inih would take an indented key for the continuation
// of the previous value. Lines in `blank` are handed over empty.
struct LineReader {
    std::string_view rest;
    const std::set<int>* blank = nullptr;
    int line = 0;
};

std::string_view without_indent(std::string_view line)
{
    line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    return line;
}

char* read_line(char* buf, int size, void* stream)
{
    auto& r = *static_cast<LineReader*>(stream);
    if (r.rest.empty())
        return nullptr;
    auto end = r.rest.find('\n');
    auto len = end == std::string_view::npos ? r.rest.size() : end + 1;
    std::string_view line = r.rest.substr(0, len);
    r.rest.remove_prefix(len);
    ++r.line;
    line = without_indent(line);
    if (r.blank->count(r.line) || line.size() >= static_cast<std::size_t>(size))
        line = "\n";
    std::memcpy(buf, line.data(), line.size());
    buf[line.size()] = '\0';
    return buf;
}

struct Problem {
    int line;
    Diagnostic diagnostic;
};

struct Parse {
    const std::string& file;
    const LineReader& reader;
    BootSettings settings;
    std::vector<Problem> problems;

    void warn(int line, const std::string& what)
    {
        problems.push_back({line, make_diagnostic(Severity::warning, file, line, 0, what)});
    }
};

// Each returns "" when `value` was taken, else what was expected.
std::string set_path_wait(BootSettings& s, std::string_view value)
{
    long long n = -1;
    if (!parse_int(value, n) || n < 0 || n > max_path_wait)
        return "expected a whole number of seconds from 0 to " + std::to_string(max_path_wait);
    s.path_wait = static_cast<int>(n);
    return {};
}

std::string set_scsi_timeout(BootSettings& s, std::string_view value)
{
    long long n = -1;
    if (!parse_int(value, n) || n < 1 || n > max_scsi_timeout_ms)
        return "expected a whole number of milliseconds from 1 to " +
               std::to_string(max_scsi_timeout_ms);
    s.scsi_timeout_ms = static_cast<int>(n);
    return {};
}

std::string set_rename(BootSettings& s, std::string_view value)
{
    if (value != "yes" && value != "no")
        return "expected yes or no";
    s.rename_at_handover = value == "yes";
    return {};
}

std::string set_log_level(BootSettings& s, std::string_view value)
{
    for (auto level : {BootLogLevel::error, BootLogLevel::warning, BootLogLevel::info,
                       BootLogLevel::debug})
        if (value == to_string(level)) {
            s.log_level = level;
            return {};
        }
    return "expected error, warning, info or debug";
}

struct Key {
    std::string_view name;
    std::string (*set)(BootSettings&, std::string_view);
};

constexpr Key boot_keys[] = {
    {"path_wait", set_path_wait},
    {"rename_at_handover", set_rename},
    {"log_level", set_log_level},
    {"scsi_timeout_ms", set_scsi_timeout},
};

void apply(Parse& p, int line, std::string_view name, std::string_view value)
{
    for (const auto& k : boot_keys) {
        if (k.name != name)
            continue;
        auto expected = k.set(p.settings, value);
        if (!expected.empty())
            p.warn(line, "invalid value " + quoted(value) + " for " + quoted(name) + ": " +
                             expected + "; ignored");
        else if (name == "path_wait")
            p.settings.path_wait_set_at = p.file + ":" + std::to_string(line);
        return;
    }
    p.warn(line, "unknown key " + quoted(name) + " in section [boot]; ignored");
}

int on_key(void* user, const char* section, const char* name, const char* value)
{
    auto& p = *static_cast<Parse*>(user);
    int line = p.reader.line;
    std::string_view sect = section;
    if (sect == "boot")
        apply(p, line, name, value);
    else if (sect.empty())
        p.warn(line, "key " + quoted(name) + " outside a section (expected [boot]); ignored");
    else
        p.warn(line, "key " + quoted(name) + " in unknown section " + quoted(sect) +
                         " (expected [boot]); ignored");
    return 1;  // never an inih error: those are left for syntax errors
}

bool is_comment(std::string_view line)
{
    auto t = trim(line);
    return !t.empty() && (t.front() == '#' || t.front() == ';');
}

// Lines inih cannot hold: a long comment is dropped silently, anything
// else with a warning.
std::set<int> overlong_lines(std::string_view text, const std::string& filename,
                            std::vector<Problem>& problems)
{
    std::set<int> out;
    int n = 0;
    for (auto line : split_lines(text)) {
        ++n;
        if (without_indent(line).size() <= max_line)
            continue;
        out.insert(n);
        if (!is_comment(line))
            problems.push_back({n, make_diagnostic(Severity::warning, filename, n, 0,
                                                   "line longer than " + std::to_string(max_line) +
                                                       " bytes; ignored")});
    }
    return out;
}

int ignore_key(void*, const char*, const char*, const char*) { return 1; }

// Whether inih reads `line` alone without a syntax error. Whether a line is
// one does not depend on the lines before it: indentation (continuation)
// is already gone, and keys are never refused as errors.
bool inih_reads(std::string_view line)
{
    const std::set<int> none;
    LineReader reader{line, &none, 0};
    return ini_parse_stream(read_line, &reader, ignore_key, nullptr) == 0;
}

// inih reports only the first syntax error of a pass, so each line is
// judged alone first (linear in the file, however many are broken) and
// the broken ones are blanked for the one pass that reads the settings.
std::set<int> broken_lines(std::string_view text, const std::string& filename, std::set<int> blank,
                           std::vector<Problem>& problems)
{
    int n = 0;
    for (auto line : split_lines(text)) {
        ++n;
        if (blank.count(n) || inih_reads(line))
            continue;
        blank.insert(n);
        problems.push_back({n, make_diagnostic(Severity::warning, filename, n, 0,
                                               "syntax error (expected [section], key = value or a "
                                               "comment); line ignored")});
    }
    return blank;
}

}  // namespace

BootSettings parse_boot_settings(std::string_view text, const std::string& filename)
{
    std::vector<Problem> problems;
    auto blank = broken_lines(text, filename, overlong_lines(text, filename, problems), problems);
    LineReader reader{text, &blank, 0};
    Parse pass{filename, reader, {}, {}};
    if (ini_parse_stream(read_line, &reader, on_key, &pass) < 0) {  // no memory for its line buffer
        pass.settings = {};
        pass.problems.clear();
        pass.warn(0, "out of memory while reading it; built-in defaults used");
    }
    problems.insert(problems.end(), pass.problems.begin(), pass.problems.end());
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    for (auto& x : problems)
        pass.settings.diagnostics.push_back(std::move(x.diagnostic));
    return std::move(pass.settings);
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/usage.hh"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "core/text.hh"
#include "sys/safe_write.hh"

namespace mpb {

namespace {

// The kernel escapes space, tab, newline and backslash as \NNN (octal).
std::string unescape_octal(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size()) {
            auto oct = s.substr(i + 1, 3);
            bool digits = true;
            for (char c : oct)
                digits = digits && c >= '0' && c <= '7';
            if (digits) {
                out += static_cast<char>((oct[0] - '0') * 64 + (oct[1] - '0') * 8 + (oct[2] - '0'));
                i += 3;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

}  // namespace

namespace {

// The first `n` space-separated fields of a line, without copying: the
// callout reads this file at every boot for every disk.
std::vector<std::string_view> first_fields(std::string_view line, std::size_t n)
{
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (fields.size() < n && i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        std::size_t end = line.find(' ', i);
        if (end == std::string_view::npos)
            end = line.size();
        if (end > i)
            fields.push_back(line.substr(i, end - i));
        i = end;
    }
    return fields;
}

}  // namespace

std::map<std::string, std::vector<std::string>> parse_mountinfo(std::string_view text)
{
    std::map<std::string, std::vector<std::string>> mounts;
    for (auto line : split_lines(text)) {
        auto f = first_fields(line, 5);
        if (f.size() == 5)
            mounts[std::string(f[2])].push_back(unescape_octal(f[4]));
    }
    return mounts;
}

std::vector<std::string> parse_swaps(std::string_view text)
{
    std::vector<std::string> files;
    auto lines = split_lines(text);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        auto w = split_words(lines[i]);
        if (!w.empty())
            files.push_back(unescape_octal(w[0]));
    }
    return files;
}

DeviceUsage read_usage()
{
    DeviceUsage u;
    if (auto t = read_file("/proc/self/mountinfo"))
        u.mounts = parse_mountinfo(t.value());
    if (auto t = read_file("/proc/swaps")) {
        for (const auto& f : parse_swaps(t.value())) {
            struct stat st;
            if (stat(f.c_str(), &st) == 0 && S_ISBLK(st.st_mode))
                u.swap.insert(std::to_string(major(st.st_rdev)) + ":" + std::to_string(minor(st.st_rdev)));
        }
    }
    return u;
}

void apply_usage(BlockDevice& d, const DeviceUsage& u)
{
    auto key = d.devt.str();
    if (auto it = u.mounts.find(key); it != u.mounts.end())
        d.mountpoints = it->second;
    d.swap = u.swap.count(key) != 0;
}

void apply_usage(DmMap& m, const DeviceUsage& u)
{
    if (auto it = u.mounts.find(m.devt.str()); it != u.mounts.end())
        m.mountpoints = it->second;
}

}  // namespace mpb

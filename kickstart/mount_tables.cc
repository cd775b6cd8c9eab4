// SPDX-License-Identifier: GPL-2.0-or-later
#include "kickstart/mount_tables.hh"

#include "core/text.hh"

namespace mpb::ks {

namespace {

// The fields of each line that is neither blank nor a comment, with its number.
template <class F>
void for_each_entry(std::string_view text, F f)
{
    int n = 0;
    for (auto line : split_lines(text)) {
        ++n;
        auto fields = split_words(line);
        if (!fields.empty() && !fields[0].starts_with("#"))
            f(fields, n);
    }
}

}  // namespace

std::optional<std::string> mapper_name(std::string_view device)
{
    for (std::string_view prefix : {"/dev/mapper/", "/dev/disk/by-id/dm-name-"})
        if (device.starts_with(prefix) && device.size() > prefix.size())
            return std::string(device.substr(prefix.size()));
    return std::nullopt;
}

MountTables read_mount_tables(std::string_view fstab, std::string_view crypttab)
{
    MountTables t;
    for_each_entry(fstab, [&](const auto& f, int line) {
        if (auto name = mapper_name(f[0]))
            t.fstab_refs.push_back({*name, std::string(f[0]), line});
        if (f.size() > 1 && f[1] == "/") {
            t.root_device = std::string(f[0]);
            t.root_line = line;
        }
    });
    for_each_entry(crypttab, [&](const auto& f, int line) {
        t.crypt_targets.emplace_back(f[0]);
        if (f.size() > 1)
            if (auto name = mapper_name(f[1]))
                t.crypttab_refs.push_back({*name, std::string(f[1]), line});
    });
    return t;
}

}  // namespace mpb::ks

// SPDX-License-Identifier: GPL-2.0-or-later
// The disks that installation commands name: mpath-boot-ks checks each
// against the multipath topology (another step); here they are only
// collected, as written.
#include <algorithm>
#include <array>

#include "kickstart/directives.hh"
#include "kickstart/words.hh"

namespace mpb::ks {

namespace {

struct DiskOption {
    std::string_view command;
    std::string_view option;
};

// autopart has none: it uses the disks ignoredisk leaves.
constexpr std::array<DiskOption, 13> disk_options = {{
    {"ignoredisk", "--only-use"},
    {"ignoredisk", "--drives"},
    {"clearpart", "--drives"},
    {"part", "--ondisk"},
    {"part", "--ondrive"},
    {"partition", "--ondisk"},
    {"partition", "--ondrive"},
    {"logvol", "--ondisk"},
    {"logvol", "--ondrive"},
    {"raid", "--ondisk"},
    {"raid", "--ondrive"},
    {"bootloader", "--boot-drive"},
    {"bootloader", "--driveorder"},
}};

// Each item of a comma-separated list; empty items ("sda,,sdb", a trailing
// comma) name nothing.
std::vector<std::string> comma_items(const std::string& list)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = std::min(list.find(',', start), list.size());
        if (end > start)
            out.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

bool read_disk_refs(const Command& c, Kickstart& ks)
{
    std::vector<std::string_view> names;
    for (const auto& d : disk_options)
        if (d.command == c.words[0])
            names.push_back(d.option);
    if (names.empty())
        return false;
    std::vector<std::string> args(c.words.begin() + 1, c.words.end());
    for (const auto& o : find_options(args, names)) {
        std::string where = c.words[0] + " " + o.name;
        if (o.value.empty()) {
            report(ks, Severity::error, c.at, c.words[0] + ": option " + o.name + " needs a value");
            continue;
        }
        for (auto& item : comma_items(o.value))
            ks.disks.push_back({std::move(item), where, c.at});
    }
    return true;
}

}  // namespace mpb::ks

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/root_device.hh"

#include <algorithm>

#include <cctype>
#include "core/kernel_cmdline.hh"
#include "core/text.hh"

namespace mpb {

namespace {

void add_once(std::vector<std::string>& list, const std::string& item)
{
    if (std::find(list.begin(), list.end(), item) == list.end())
        list.push_back(item);
}

// The udev property a "TAG=value" spec matches, as mount and systemd read it.
const char* tag_property(std::string_view tag)
{
    if (tag == "UUID")
        return "ID_FS_UUID";
    if (tag == "LABEL")
        return "ID_FS_LABEL";
    if (tag == "PARTUUID")
        return "ID_PART_ENTRY_UUID";
    if (tag == "PARTLABEL")
        return "ID_PART_ENTRY_NAME";
    return nullptr;
}

bool same_ignoring_case(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool has_link(const BlockDevice& d, std::string_view link)
{
    const std::string* links = d.property("DEVLINKS");
    if (!links)
        return false;
    for (const auto& l : split_words(*links))
        if (l == link)
            return true;
    return false;
}

void resolve_tag(std::string_view tag, std::string_view value, const Snapshot& snap, RootTarget& out)
{
    const char* key = tag_property(tag);
    if (!key)
        return;
    // UUIDs are compared without case, as blkid and systemd do.
    for (const auto& d : snap.devices)
        if (const std::string* v = d.property(key))
            if (tag.ends_with("UUID") ? same_ignoring_case(*v, value) : *v == value)
                add_once(out.devices, d.name);
}

void resolve_path(std::string_view path, const Snapshot& snap, RootTarget& out)
{
    constexpr std::string_view mapper = "/dev/mapper/";
    if (path.starts_with(mapper)) {
        std::string name(path.substr(mapper.size()));
        for (const auto& m : snap.maps)
            if (m.name == name)
                add_once(out.maps, m.name);
        return;
    }
    constexpr std::string_view dev = "/dev/";
    if (!path.starts_with(dev))
        return;
    std::string_view rest = path.substr(dev.size());
    if (auto m = snap.find_map_by_kernel_name(rest))
        add_once(out.maps, m->name);
    for (const auto& d : snap.devices)
        if (d.name == rest || has_link(d, path))
            add_once(out.devices, d.name);
}

}  // namespace

RootSpec root_from_cmdline(std::string_view cmdline)
{
    RootSpec r;
    for (const auto& p : split_cmdline(cmdline))
        if (p.name == "root" && p.value)
            r = {*p.value, "kernel command line"};
    return r;
}

RootSpec root_from_fstab(std::string_view fstab, const std::string& file)
{
    int n = 0;
    for (auto line : split_lines(fstab)) {
        ++n;
        auto w = split_words(line);
        if (w.size() >= 2 && !w[0].starts_with("#") && w[1] == "/")
            return {w[0], file + ":" + std::to_string(n)};
    }
    return {};
}

RootTarget resolve_root(const RootSpec& spec, const Snapshot& snap)
{
    RootTarget out;
    const std::string& s = spec.spec;
    if (auto eq = s.find('='); eq != std::string::npos && !s.starts_with("/"))
        resolve_tag(std::string_view(s).substr(0, eq), std::string_view(s).substr(eq + 1), snap, out);
    else
        resolve_path(s, snap, out);
    return out;
}

RootMount mounted_at(const Snapshot& snap, std::string_view mountpoint)
{
    auto at = [&](const std::vector<std::string>& points) {
        return std::find(points.begin(), points.end(), mountpoint) != points.end();
    };
    for (const auto& m : snap.maps)
        if (at(m.mountpoints))
            return {"", &m};
    for (const auto& d : snap.devices)
        if (at(d.mountpoints))
            return {d.name, nullptr};
    return {};
}

}  // namespace mpb

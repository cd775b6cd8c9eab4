// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/alias.hh"

#include "core/text.hh"

namespace mpb {

namespace {

std::string char_problem(std::string_view s)
{
    for (unsigned char c : s) {
        if (c == '/')
            return "contains '/'";
        // The bindings and wwids readers (ours and multipath-tools') end a
        // line at '#': the entry would be read back cut short.
        if (c == '#')
            return "contains '#'";
        if (c <= ' ' || c == 0x7f)
            return "contains whitespace or a control character";
    }
    return {};
}

std::string length_problem(std::string_view s, std::size_t max)
{
    if (s.empty())
        return "empty name";
    if (s.size() > max)
        return "longer than " + std::to_string(max) + " bytes";
    return {};
}

// Names /dev/mapper cannot hold: the directory itself, its parent and
// device-mapper's control node (newer kernels refuse all three).
std::string reserved_problem(std::string_view name)
{
    if (name == "." || name == ".." || name == "control")
        return quoted(name) + " is not a valid name";
    return {};
}

}  // namespace

std::string alias_problem(std::string_view alias)
{
    if (auto p = length_problem(alias, max_alias_length); !p.empty())
        return p;
    if (auto p = reserved_problem(alias); !p.empty())
        return p;
    return char_problem(alias);
}

std::string wwid_problem(std::string_view wwid)
{
    if (wwid.empty())
        return "empty WWID";
    if (auto p = length_problem(wwid, max_wwid_length); !p.empty())
        return p;
    if (auto p = char_problem(wwid); !p.empty())
        return p;
    // Without a friendly name the WWID names the map, and its map's dm UUID
    // must fit: a path claimed for a map that cannot exist stays unusable.
    if (auto p = reserved_problem(wwid); !p.empty())
        return p + " (the map's name without a friendly name)";
    if (auto uuid = map_uuid(wwid); uuid.size() > max_dm_uuid)
        return "its map's dm UUID (\"mpath-\" and the WWID) would be " + std::to_string(uuid.size()) +
               " bytes, device-mapper allows " + std::to_string(max_dm_uuid);
    return {};
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/alias.hh"

namespace mpb {

namespace {

std::string char_problem(std::string_view s)
{
    for (unsigned char c : s) {
        if (c == '/')
            return "contains '/'";
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

}  // namespace

std::string alias_problem(std::string_view alias)
{
    if (auto p = length_problem(alias, max_alias_length); !p.empty())
        return p;
    if (alias == "." || alias == "..")
        return "\"" + std::string(alias) + "\" is not a valid name";
    return char_problem(alias);
}

std::string wwid_problem(std::string_view wwid)
{
    if (wwid.empty())
        return "empty WWID";
    if (auto p = length_problem(wwid, max_wwid_length); !p.empty())
        return p;
    return char_problem(wwid);
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/dm_name.hh"

#include <limits>

namespace mpb {

namespace {

constexpr std::string_view map_uuid_prefix = "mpath-";
constexpr std::string_view partition_prefix = "part";
constexpr std::string_view partition_name_infix = "-part";
constexpr std::string_view dm_kernel_prefix = "dm-";

// A number as the kernel and kpartx write one: decimal digits, no sign, no
// leading zero (so that parsing and building give back the same text).
std::optional<unsigned> canonical_number(std::string_view s)
{
    if (s.empty() || (s.size() > 1 && s[0] == '0'))
        return std::nullopt;
    unsigned long long n = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + static_cast<unsigned>(c - '0');
        if (n > std::numeric_limits<unsigned>::max())
            return std::nullopt;
    }
    return static_cast<unsigned>(n);
}

std::string too_long(std::string_view what, std::size_t limit)
{
    if (what.size() <= limit)
        return {};
    return std::string(what) + " is " + std::to_string(what.size()) +
           " bytes, device-mapper allows " + std::to_string(limit);
}

}  // namespace

std::string map_uuid(std::string_view wwid) { return std::string(map_uuid_prefix) + std::string(wwid); }

bool is_map_uuid(std::string_view uuid)
{
    return uuid.size() > map_uuid_prefix.size() && uuid.starts_with(map_uuid_prefix);
}

std::optional<std::string> wwid_of_map_uuid(std::string_view uuid)
{
    if (!is_map_uuid(uuid))
        return std::nullopt;
    return std::string(uuid.substr(map_uuid_prefix.size()));
}

std::string partition_uuid(unsigned number, std::string_view wwid)
{
    return std::string(partition_prefix) + std::to_string(number) + "-" + map_uuid(wwid);
}

std::optional<PartitionUuid> parse_partition_uuid(std::string_view uuid)
{
    if (!uuid.starts_with(partition_prefix))
        return std::nullopt;
    uuid.remove_prefix(partition_prefix.size());
    auto dash = uuid.find('-');
    if (dash == std::string_view::npos)
        return std::nullopt;
    auto number = canonical_number(uuid.substr(0, dash));
    auto wwid = wwid_of_map_uuid(uuid.substr(dash + 1));
    if (!number || *number == 0 || !wwid)
        return std::nullopt;
    return PartitionUuid{*number, std::move(*wwid)};
}

std::string partition_map_name(std::string_view map_name, unsigned number)
{
    return std::string(map_name) + std::string(partition_name_infix) + std::to_string(number);
}

std::string dm_name_too_long(std::string_view name) { return too_long(name, max_dm_name); }

std::string dm_uuid_too_long(std::string_view uuid) { return too_long(uuid, max_dm_uuid); }

std::string dm_kernel_name(unsigned minor) { return std::string(dm_kernel_prefix) + std::to_string(minor); }

std::optional<unsigned> minor_of_dm_kernel_name(std::string_view name)
{
    if (!name.starts_with(dm_kernel_prefix))
        return std::nullopt;
    return canonical_number(name.substr(dm_kernel_prefix.size()));
}

}  // namespace mpb

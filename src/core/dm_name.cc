#include "core/dm_name.hh"

namespace mpb {

namespace {

constexpr std::string_view map_uuid_prefix = "mpath-";

}  // namespace

std::string map_uuid(std::string_view wwid) { return std::string(map_uuid_prefix) + std::string(wwid); }

bool is_map_uuid(std::string_view uuid) { return uuid.starts_with(map_uuid_prefix); }

std::optional<std::string> wwid_of_map_uuid(std::string_view uuid)
{
    if (!is_map_uuid(uuid))
        return std::nullopt;
    return std::string(uuid.substr(map_uuid_prefix.size()));
}

}  // namespace mpb

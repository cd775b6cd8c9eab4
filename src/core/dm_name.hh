// The device-mapper naming facts multipath-tools and kpartx share: map and
// partition-map UUIDs, built and parsed in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mpb {

// "mpath-WWID": the dm UUID of the multipath map of WWID.
std::string map_uuid(std::string_view wwid);

// Whether `uuid` is a multipath map's ("mpath-..."; partition maps,
// LVM and crypt maps are not).
bool is_map_uuid(std::string_view uuid);

// The WWID of a multipath map's dm UUID; nullopt for any other UUID.
std::optional<std::string> wwid_of_map_uuid(std::string_view uuid);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// The device-mapper naming facts multipath-tools and kpartx share, in one
// place: map and partition-map UUIDs and names built and parsed, the length
// limits of names and UUIDs, and the kernel names ("dm-N") of dm devices.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mpb {

// Longest dm name: DM_NAME_LEN (128) without its final NUL.
inline constexpr std::size_t max_dm_name = 127;
// Longest dm UUID: DM_UUID_LEN (129) without its final NUL.
inline constexpr std::size_t max_dm_uuid = 128;

// "mpath-WWID": the dm UUID of the multipath map of WWID.
std::string map_uuid(std::string_view wwid);

// Whether `uuid` is a multipath map's ("mpath-" and a WWID; partition maps,
// LVM and crypt maps are not, nor "mpath-" alone: there is no empty WWID).
bool is_map_uuid(std::string_view uuid);

// The WWID of a multipath map's dm UUID; nullopt for any other UUID.
std::optional<std::string> wwid_of_map_uuid(std::string_view uuid);

// A partition map's dm UUID taken apart.
struct PartitionUuid {
    unsigned number = 0;  // N >= 1, as kpartx counts partitions
    std::string wwid;     // of the multipath map it lies on
    bool operator==(const PartitionUuid&) const = default;
};

// "partN-mpath-WWID": the dm UUID kpartx gives partition N of the map of
// WWID ("part" N "-" and the map's UUID).
std::string partition_uuid(unsigned number, std::string_view wwid);

// The number and WWID of a partition map's UUID as partition_uuid builds
// it; nullopt for anything else (N must be canonical decimal, >= 1).
std::optional<PartitionUuid> parse_partition_uuid(std::string_view uuid);

// "NAME-partN": the dm name of partition N of map NAME (kpartx -p -part).
std::string partition_map_name(std::string_view map_name, unsigned number);

// "" when `name` fits device-mapper, else "NAME is N bytes, device-mapper
// allows 127" (for a message that says which name it is).
std::string dm_name_too_long(std::string_view name);
// The same for a dm UUID and its limit of 128.
std::string dm_uuid_too_long(std::string_view uuid);

// "dm-N": the kernel name of the dm device with minor number N.
std::string dm_kernel_name(unsigned minor);

// N of a kernel name "dm-N"; nullopt for any other name ("sda", "dm-",
// "dm-01", "dm-x").
std::optional<unsigned> minor_of_dm_kernel_name(std::string_view name);

}  // namespace mpb

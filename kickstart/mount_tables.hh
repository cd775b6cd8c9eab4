// SPDX-License-Identifier: GPL-2.0-or-later
// The installed system's fstab and crypttab as far as multipath names go:
// which /dev/mapper names they rely on, and where root comes from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpb::ks {

// A device named by its dm name: "/dev/mapper/NAME" or
// "/dev/disk/by-id/dm-name-NAME".
struct MapperRef {
    std::string name;     // NAME
    std::string written;  // as the file has it
    int line = 0;
};

struct MountTables {
    std::vector<MapperRef> fstab_refs;        // fstab's devices
    std::vector<MapperRef> crypttab_refs;     // crypttab's source devices
    std::vector<std::string> crypt_targets;   // crypttab's first column: dm names it creates
    std::optional<std::string> root_device;   // fstab's device for "/", as written
    int root_line = 0;
};

// `fstab` and `crypttab` texts ("" when the file is missing): comment and
// blank lines skipped, fields separated by white space.
MountTables read_mount_tables(std::string_view fstab, std::string_view crypttab);

// NAME of "/dev/mapper/NAME" or "/dev/disk/by-id/dm-name-NAME"; nullopt
// for any other device spec.
std::optional<std::string> mapper_name(std::string_view device);

}  // namespace mpb::ks

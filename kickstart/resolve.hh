// SPDX-License-Identifier: GPL-2.0-or-later
// Which volume a kickstart disk reference names, through the topology: the
// forms installers write (disk/by-id links, /dev/mapper names, map names,
// member paths) resolved to a WWID as the installed system will see it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/bindings.hh"
#include "core/config.hh"
#include "core/naming.hh"
#include "core/snapshot.hh"

namespace mpb::ks {

struct Volume {
    std::string wwid;      // "" when the device is no multipath path (then why_not says why)
    std::string found_as;  // "sdb", "map mpatha", "dm-uuid-mpath-WWID"
    std::string why_not;   // "vda: blacklisted by devnode ..." when wwid is ""
};

// `ref` as written: "disk/by-id/dm-uuid-mpath-WWID", "disk/by-id/scsi-ID_SERIAL",
// "disk/by-id/wwn-0x...", each also under "/dev/"; "/dev/mapper/NAME",
// "mapper/NAME", "NAME" (a multipath map or its partition map NAME-partN);
// a member path "sdb" or "/dev/sdb". nullopt when it names no device of
// `topology`. `cfg` is the configuration the devices are judged by.
std::optional<Volume> resolve_disk(std::string_view ref, const Snapshot& topology, const Config& cfg);

// The WWID of a multipath map or of one of its partition maps; "" for any
// other dm map (LVM, crypt).
std::string wwid_of_dm(const DmMap& m);

// Whether some device or multipath map of `topology` has WWID `wwid`.
bool wwid_present(std::string_view wwid, const Snapshot& topology, const Config& cfg);

// The name `cfg` and `bindings` give the map of `wwid` (choose_name, with
// the settings of one of its paths in `topology`, as at boot); `reserved`
// names are never handed out as new friendly names.
NameChoice name_of(const std::string& wwid, const Config& cfg, const BindingsTable& bindings,
                   const Snapshot& topology, const std::vector<std::string>& reserved = {});

}  // namespace mpb::ks

// SPDX-License-Identifier: GPL-2.0-or-later
// Whether an installed system's multipath files agree with each other, with
// the kickstart and with the volumes the installation uses: what
// mpath-boot-ks --check reports, and what every plan must pass before a
// file is written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/snapshot.hh"
#include "kickstart/intent.hh"

namespace mpb::ks {

// Paths inside the installed system's root.
inline constexpr const char* conf_path = "etc/multipath.conf";
inline constexpr const char* wwids_path = "etc/multipath/wwids";
inline constexpr const char* bindings_path = "etc/multipath/bindings";
inline constexpr const char* dracut_path = "etc/dracut.conf.d/59-mpath-boot.conf";
inline constexpr const char* fstab_path = "etc/fstab";
inline constexpr const char* crypttab_path = "etc/crypttab";

// The installed system's files (nullopt: missing) and where it is mounted.
struct InstalledTexts {
    std::string dir;
    std::optional<std::string> conf, wwids, bindings, dracut, fstab, crypttab;

    // "DIR/etc/fstab"
    std::string shown(const char* path) const { return dir + "/" + path; }
};

// One line per inconsistency, naming the file (and line where there is
// one) and the kickstart line it disagrees with. Empty when consistent.
std::vector<std::string> inconsistencies(const Kickstart& ks, const Intent& intent, const InstalledTexts& sys,
                                         const Snapshot& topology);

}  // namespace mpb::ks

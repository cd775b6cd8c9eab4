// SPDX-License-Identifier: GPL-2.0-or-later
// What `mpath-boot diagnose` concludes: findings, each a cause and a remedy
// under a stable code (docs/diagnose.md, mpath-boot-diagnose(8)).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpb {

// In the order findings are listed: causes before the symptoms they
// explain, the more specific before the more general.
enum class FindingCode {
    config_error,
    module_missing,
    initramfs_stale,
    blacklisted,
    alias_conflict,
    name_mismatch,
    wwid_not_listed,
    root_on_path,
    path_in_use,
    map_no_path,
    wait_gave_up,
    unclaimed_multipath,
};

// Every code, in listing order.
const std::vector<FindingCode>& all_finding_codes();

// "wwid-not-listed".
const char* to_string(FindingCode c);

struct Finding {
    FindingCode code = FindingCode::config_error;
    std::vector<std::string> subjects;  // WWIDs, devices, maps, aliases, files it is about
    std::string message;                // the cause, in plain words
    std::string remedy;                 // what to do
};

// Listing order: by code, then as found. Stable.
void sort_findings(std::vector<Finding>& findings);

// "sda", "sda and sdb", "sda, sdb and sdc".
std::string and_list(const std::vector<std::string>& items);

}  // namespace mpb

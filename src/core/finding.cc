// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/finding.hh"

#include <algorithm>

namespace mpb {

const std::vector<FindingCode>& all_finding_codes()
{
    using C = FindingCode;
    static const std::vector<FindingCode> codes{
        C::config_error, C::module_missing, C::initramfs_stale, C::blacklisted,
        C::alias_conflict, C::name_mismatch, C::wwid_not_listed, C::root_on_path,
        C::path_in_use, C::map_no_path, C::wait_gave_up, C::unclaimed_multipath,
    };
    return codes;
}

const char* to_string(FindingCode c)
{
    switch (c) {
    case FindingCode::config_error: return "config-error";
    case FindingCode::module_missing: return "module-missing";
    case FindingCode::initramfs_stale: return "initramfs-stale";
    case FindingCode::blacklisted: return "blacklisted";
    case FindingCode::alias_conflict: return "alias-conflict";
    case FindingCode::name_mismatch: return "name-mismatch";
    case FindingCode::wwid_not_listed: return "wwid-not-listed";
    case FindingCode::root_on_path: return "root-on-path";
    case FindingCode::path_in_use: return "path-in-use";
    case FindingCode::map_no_path: return "map-no-path";
    case FindingCode::wait_gave_up: return "wait-gave-up";
    case FindingCode::unclaimed_multipath: return "unclaimed-multipath";
    }
    return "?";
}

void sort_findings(std::vector<Finding>& findings)
{
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.code < b.code; });
}

std::string and_list(const std::vector<std::string>& items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

}  // namespace mpb

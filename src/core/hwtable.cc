// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/hwtable.hh"

#include "core/keywords.hh"

namespace mpb {

namespace {

// One setting as multipath.conf would write it; read by the keyword's own
// parser, so the table takes any keyword the parser knows.
struct Setting {
    const char* keyword;  // nullptr: an unused slot
    const char* value;
};

struct Row {
    const char* vendor;
    const char* product;
    Setting settings[3];
};

// Values are facts from multipath-tools' built-in table; group_by_prio is
// left out where the array asks for it (not supported here yet), so such
// arrays get the default grouping.
constexpr Row rows[] = {
    {"NVME", ".*", {{"uid_attribute", "ID_WWN"}}},
    {"IBM", "S/390.*",
     {{"uid_attribute", "ID_UID"}, {"no_path_retry", "queue"}, {"path_grouping_policy", "multibus"}}},
    {"3PARdata", "VV", {{"hardware_handler", "1 alua"}, {"no_path_retry", "18"}}},
    {"EMC", "SYMMETRIX", {{"no_path_retry", "6"}, {"path_grouping_policy", "multibus"}}},
    {"^DGC", "^(RAID|DISK|VRAID)", {{"hardware_handler", "1 emc"}, {"no_path_retry", "60"}}},
    {"XtremIO", "XtremApp", {{"path_grouping_policy", "multibus"}}},
    {"COMPELNT", "Compellent Vol", {{"no_path_retry", "queue"}, {"path_grouping_policy", "multibus"}}},
    {"NEXENTA", "COMSTAR", {{"no_path_retry", "30"}, {"path_grouping_policy", "group_by_serial"}}},
    {"(HITACHI|HP)", "^OPEN-", {{"path_grouping_policy", "multibus"}}},
    {"Nimble", "Server", {{"hardware_handler", "1 alua"}, {"no_path_retry", "queue"}}},
};

DeviceEntry entry(const Row& r)
{
    Origin o{Origin::builtin_device, {}, 0, std::string(r.vendor) + "/" + r.product};
    DeviceEntry e{Regex::builtin(r.vendor), Regex::builtin(r.product), {}, o};
    GlobalOptions not_in_devices;  // device entries hold map options only
    for (const auto& s : r.settings)
        if (const Keyword* k = s.keyword ? find_keyword(s.keyword) : nullptr)
            k->set(e.options, not_in_devices, s.value, o);  // values checked by keywords_test
    return e;
}

}  // namespace

std::vector<DeviceEntry> builtin_device_table()
{
    std::vector<DeviceEntry> out;
    for (const auto& r : rows)
        out.push_back(entry(r));
    return out;
}

}  // namespace mpb

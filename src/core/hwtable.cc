#include "core/hwtable.hh"

namespace mpb {

namespace {

struct Row {
    const char* vendor;
    const char* product;
    const char* uid_attribute;     // nullptr: not set
    const char* hardware_handler;
    const char* no_path_retry;
    const char* pg_policy;
};

// Values are facts from multipath-tools' built-in table; group_by_prio is
// left out where the array asks for it (not supported here yet), so such
// arrays get the default grouping.
constexpr Row rows[] = {
    {"NVME", ".*", "ID_WWN", nullptr, nullptr, nullptr},
    {"IBM", "S/390.*", "ID_UID", nullptr, "queue", "multibus"},
    {"3PARdata", "VV", nullptr, "1 alua", "18", nullptr},
    {"EMC", "SYMMETRIX", nullptr, nullptr, "6", "multibus"},
    {"^DGC", "^(RAID|DISK|VRAID)", nullptr, "1 emc", "60", nullptr},
    {"XtremIO", "XtremApp", nullptr, nullptr, nullptr, "multibus"},
    {"COMPELNT", "Compellent Vol", nullptr, nullptr, "queue", "multibus"},
    {"NEXENTA", "COMSTAR", nullptr, nullptr, "30", "group_by_serial"},
    {"(HITACHI|HP)", "^OPEN-", nullptr, nullptr, nullptr, "multibus"},
    {"Nimble", "Server", nullptr, "1 alua", "queue", nullptr},
};

NoPathRetry no_path_retry_of(const char* v)
{
    if (std::string_view(v) == "queue")
        return {NoPathRetry::queue, 0};
    return {NoPathRetry::retries, std::stoi(v)};
}

PgPolicy pg_policy_of(const char* v)
{
    std::string_view s(v);
    return s == "multibus" ? PgPolicy::multibus
           : s == "group_by_serial" ? PgPolicy::group_by_serial
                                    : PgPolicy::failover;
}

DeviceEntry entry(const Row& r)
{
    Origin o{Origin::builtin_device, {}, 0, std::string(r.vendor) + "/" + r.product};
    DeviceEntry e{Regex::builtin(r.vendor), Regex::builtin(r.product), {}, o};
    if (r.uid_attribute)
        e.options.uid_attribute = Set<std::string>{r.uid_attribute, o};
    if (r.hardware_handler)
        e.options.hardware_handler = Set<std::string>{r.hardware_handler, o};
    if (r.no_path_retry)
        e.options.no_path_retry = Set<NoPathRetry>{no_path_retry_of(r.no_path_retry), o};
    if (r.pg_policy)
        e.options.path_grouping_policy = Set<PgPolicy>{pg_policy_of(r.pg_policy), o};
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

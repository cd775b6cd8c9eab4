#include "core/settings.hh"

#include "core/text.hh"

namespace mpb {

namespace {

const Origin builtin_origin{Origin::builtin, {}, 0, {}};

template <class T>
using Slot = std::optional<Set<T>> MapOptions::*;

// The first level that sets the option wins.
template <class T>
Set<T> pick(const Config& c, const std::vector<const DeviceEntry*>& devices,
            const MultipathEntry* mp, Slot<T> slot, T builtin)
{
    if (mp && mp->options.*slot)
        return *(mp->options.*slot);
    if (c.overrides.*slot)
        return *(c.overrides.*slot);
    for (const auto* d : devices)
        if (d->options.*slot)
            return *(d->options.*slot);
    if (c.defaults.*slot)
        return *(c.defaults.*slot);
    return {builtin, builtin_origin};
}

bool known_hardware(const std::vector<const DeviceEntry*>& devices)
{
    for (const auto* d : devices)
        if (d->origin.kind == Origin::builtin_device)
            return true;
    return false;
}

// multipath-tools' default is -10: 10 s for hardware in the built-in table,
// 1 s for anything else (an unknown single path should not stall the boot).
Set<int> timeout(const Config& c, const std::vector<const DeviceEntry*>& devices)
{
    Set<int> t = c.global.find_multipaths_timeout ? *c.global.find_multipaths_timeout
                                                  : Set<int>{-10, builtin_origin};
    if (t.value == 0)
        t.value = -10;
    if (t.value < 0)
        t.value = known_hardware(devices) ? -t.value : 1;
    return t;
}

}  // namespace

std::vector<const DeviceEntry*> matching_devices(const Config& c, std::string_view vendor,
                                                 std::string_view product)
{
    std::vector<const DeviceEntry*> out;
    auto scan = [&](const std::vector<DeviceEntry>& list) {
        for (auto it = list.rbegin(); it != list.rend(); ++it)
            if (it->vendor.matches(vendor) && it->product.matches(product))
                out.push_back(&*it);
    };
    scan(c.devices);
    scan(c.builtin_devices);
    return out;
}

EffectiveSettings resolve_settings(const Config& c, const std::vector<const DeviceEntry*>& devices,
                                   const MultipathEntry* mp)
{
    EffectiveSettings s;
    s.user_friendly_names = pick(c, devices, mp, &MapOptions::user_friendly_names, false);
    s.alias_prefix = pick(c, devices, mp, &MapOptions::alias_prefix, std::string("mpath"));
    s.find_multipaths = c.global.find_multipaths
                            ? *c.global.find_multipaths
                            : Set<FindMultipaths>{FindMultipaths::strict, builtin_origin};
    s.find_multipaths_timeout = timeout(c, devices);
    s.no_path_retry = pick(c, devices, mp, &MapOptions::no_path_retry, NoPathRetry{});
    s.path_grouping_policy =
        pick(c, devices, mp, &MapOptions::path_grouping_policy, PgPolicy::failover);
    s.path_selector = pick(c, devices, mp, &MapOptions::path_selector, std::string("service-time 0"));
    s.features = pick(c, devices, mp, &MapOptions::features, std::string("0"));
    s.hardware_handler = pick(c, devices, mp, &MapOptions::hardware_handler, std::string("0"));
    s.rr_min_io_rq = pick(c, devices, mp, &MapOptions::rr_min_io_rq, 1);
    s.skip_kpartx = pick(c, devices, mp, &MapOptions::skip_kpartx, false);
    return s;
}

Set<std::string> resolve_uid_attribute(const Config& c, std::string_view devname,
                                       const std::vector<const DeviceEntry*>& devices)
{
    if (c.global.uid_attrs) {
        for (const auto& rec : split_words(c.global.uid_attrs->value)) {
            auto colon = rec.find(':');  // as validated: the first colon ends the prefix
            if (starts_with(devname, std::string_view(rec).substr(0, colon)))
                return {rec.substr(colon + 1), c.global.uid_attrs->origin};
        }
    }
    return pick(c, devices, nullptr, &MapOptions::uid_attribute, std::string("ID_SERIAL"));
}

}  // namespace mpb

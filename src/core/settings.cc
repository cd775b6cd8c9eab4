// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/settings.hh"

#include "core/keywords.hh"
#include "core/text.hh"

namespace mpb {

namespace {

// multipath-tools' default is -10 (0 means it too): 10 s for hardware that
// a device entry matches (a built-in or a user one: 0.9.4 counts any), 1 s
// for anything else (an unknown single path should not stall the boot).
Set<int> timeout(Set<int> t, const std::vector<const DeviceEntry*>& devices)
{
    if (t.value == 0)
        t.value = -10;
    if (t.value < 0)
        t.value = devices.empty() ? 1 : -t.value;
    return t;
}

}  // namespace

std::vector<const DeviceEntry*> matching_devices(const Config& c, std::string_view vendor,
                                                 std::string_view product,
                                                 std::optional<std::string_view> revision)
{
    std::vector<const DeviceEntry*> out;
    for (auto it = c.devices.rbegin(); it != c.devices.rend(); ++it)
        if (it->matches(vendor, product, revision))
            out.push_back(&*it);
    for (auto i : c.builtin_devices.matching(vendor, product, revision))
        out.push_back(&c.builtin_devices.entry(i));
    return out;
}

EffectiveSettings resolve_settings(const Config& c, const std::vector<const DeviceEntry*>& devices,
                                   const MultipathEntry* mp)
{
    // multipath-tools' precedence, highest first.
    SettingSources sources{{mp ? &mp->options : nullptr, &c.overrides}, &c.global};
    for (const auto* d : devices)
        sources.levels.push_back(&d->options);
    sources.levels.push_back(&c.defaults);
    auto s = resolve_keywords(sources);
    s.find_multipaths_timeout = timeout(s.find_multipaths_timeout, devices);
    return s;
}

Set<std::string> resolve_uid_attribute(const Config& c, std::string_view devname,
                                       const std::vector<const DeviceEntry*>& devices)
{
    auto s = resolve_settings(c, devices, nullptr);
    for (const auto& rec : split_words(s.uid_attrs.value)) {
        auto colon = rec.find(':');  // as validated: the first colon ends the prefix
        if (starts_with(devname, std::string_view(rec).substr(0, colon)))
            return {rec.substr(colon + 1), s.uid_attrs.origin};
    }
    return s.uid_attribute;
}

}  // namespace mpb

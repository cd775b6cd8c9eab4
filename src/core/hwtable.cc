// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/hwtable.hh"

#include "core/keywords.hh"

namespace mpb {

namespace {

#include "core/hwtable.inc"

}  // namespace

std::span<const BuiltinRow> builtin_rows() { return builtin_rows_; }

std::span<const BuiltinSetting> settings_of(const BuiltinRow& row)
{
    return std::span<const BuiltinSetting>(builtin_settings_).subspan(row.first, row.count);
}

DeviceEntry builtin_entry(const BuiltinRow& row)
{
    Origin o{Origin::builtin_device, {}, 0, std::string(row.vendor) + "/" + row.product};
    DeviceEntry e{Regex::builtin(row.vendor), Regex::builtin(row.product), {}, {}, {}, {}, o};
    if (row.revision)
        e.revision = Regex::builtin(row.revision);
    if (row.product_blacklist)
        e.product_blacklist = Set<std::string>{row.product_blacklist, o};
    GlobalOptions not_in_devices;  // device entries hold map options only
    for (const auto& s : settings_of(row)) {
        if (const Keyword* k = find_keyword(s.keyword))
            k->set(e.options, not_in_devices, s.value, o);  // every value parses: hwtable_test
        else
            set_text(e.kept, s.keyword, s.value);
    }
    return e;
}

// ----- BuiltinDevices (config.hh) -------------------------------------------

BuiltinDevices::BuiltinDevices() : dropped_(builtin_rows().size()), made_(dropped_.size()) {}

std::optional<std::size_t> BuiltinDevices::find_same(std::string_view vendor,
                                                     std::string_view product,
                                                     const std::optional<std::string>& revision) const
{
    auto rows = builtin_rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        bool same_revision = revision ? r.revision && *revision == r.revision : !r.revision;
        if (in_effect(i) && vendor == r.vendor && product == r.product && same_revision)
            return i;
    }
    return std::nullopt;
}

bool BuiltinDevices::matches(std::size_t i, std::string_view vendor, std::string_view product,
                             std::optional<std::string_view> revision) const
{
    return !Regex::rules_out(builtin_rows()[i].vendor, vendor) &&
           matches_past_vendor(i, vendor, product, revision);
}

// Row `i` whose vendor pattern has not ruled the device out.
bool BuiltinDevices::matches_past_vendor(std::size_t i, std::string_view vendor,
                                         std::string_view product,
                                         std::optional<std::string_view> revision) const
{
    const auto& r = builtin_rows()[i];
    if (Regex::rules_out(r.product, product) ||
        (r.revision && revision && Regex::rules_out(r.revision, *revision)))
        return false;
    return entry(i).matches(vendor, product, revision);
}

std::vector<std::size_t> BuiltinDevices::matching(std::string_view vendor, std::string_view product,
                                                  std::optional<std::string_view> revision) const
{
    std::vector<std::size_t> out;
    std::string_view last_pattern;  // neighbouring rows often share a vendor: checked once
    bool last_ruled_out = false;
    for (std::size_t i = size(); i-- > 0;) {
        if (!in_effect(i))
            continue;
        std::string_view pattern = builtin_rows()[i].vendor;
        if (pattern != last_pattern || last_pattern.empty()) {
            last_pattern = pattern;
            last_ruled_out = Regex::rules_out(pattern, vendor);
        }
        if (!last_ruled_out && matches_past_vendor(i, vendor, product, revision))
            out.push_back(i);
    }
    return out;
}

const DeviceEntry& BuiltinDevices::entry(std::size_t i) const
{
    if (!made_[i])
        made_[i] = std::make_shared<const DeviceEntry>(builtin_entry(builtin_rows()[i]));
    return *made_[i];
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/blacklist.hh"

#include "core/text.hh"

namespace mpb {

namespace {

const FilterRule* first_match(const std::vector<FilterRule>& rules, std::string_view s)
{
    for (const auto& r : rules)
        if (r.re.matches(s))
            return &r;
    return nullptr;
}

std::string rule_text(const char* criterion, const FilterRule& r)
{
    return std::string(criterion) + " " + quoted(r.re.pattern()) + " (" + r.origin.describe() + ")";
}

FilterVerdict by_regex(const std::vector<FilterRule>& blacklist,
                       const std::vector<FilterRule>& exceptions, const char* criterion,
                       std::string_view s)
{
    if (const auto* e = first_match(exceptions, s))
        return {false, "allowed by " + std::string(criterion) + " exception " +
                           quoted(e->re.pattern()) + " (" + e->origin.describe() + ")"};
    if (const auto* b = first_match(blacklist, s))
        return {true, "blacklisted by " + rule_text(criterion, *b)};
    return {};
}

bool device_matches(const DeviceFilterRule& r, std::string_view vendor, std::string_view product)
{
    return (!r.vendor || r.vendor->matches(vendor)) && (!r.product || r.product->matches(product));
}

std::string device_rule_text(const char* criterion, const DeviceFilterRule& r)
{
    std::string s = criterion;
    if (r.vendor)
        s += " vendor " + quoted(r.vendor->pattern());
    if (r.product)
        s += " product " + quoted(r.product->pattern());
    if (!r.from_product_blacklist)
        return s + " (" + r.origin.describe() + ")";
    if (r.origin.kind == Origin::builtin_device)
        return s + " (product_blacklist of built-in device entry " + r.origin.detail + ")";
    return s + " (product_blacklist, " + r.origin.describe() + ")";
}

std::string exception_patterns(const std::vector<FilterRule>& rules)
{
    std::string s;
    for (const auto& r : rules)
        s += (s.empty() ? "" : ", ") + quoted(r.re.pattern()) + " (" + r.origin.describe() + ")";
    return s;
}

}  // namespace

FilterVerdict filter_devnode(const Config& c, std::string_view devname)
{
    return by_regex(c.blacklist.devnode, c.exceptions.devnode, "devnode", devname);
}

FilterVerdict filter_protocol(const Config& c, std::string_view protocol)
{
    return by_regex(c.blacklist.protocol, c.exceptions.protocol, "protocol", protocol);
}

FilterVerdict filter_wwid(const Config& c, std::string_view wwid)
{
    return by_regex(c.blacklist.wwid, c.exceptions.wwid, "wwid", wwid);
}

FilterVerdict filter_device(const Config& c, std::string_view vendor, std::string_view product)
{
    for (const auto& r : c.exceptions.device)
        if (device_matches(r, vendor, product))
            return {false, "allowed by " + device_rule_text("device exception", r)};
    for (const auto& r : c.blacklist.device)
        if (device_matches(r, vendor, product))
            return {true, "blacklisted by " + device_rule_text("device", r)};
    return {};
}

FilterVerdict filter_property(const Config& c, const std::map<std::string, std::string>& props,
                              std::string_view uid_attribute)
{
    bool uid_seen = false;
    for (const auto& [name, value] : props) {
        uid_seen = uid_seen || name == uid_attribute;
        if (const auto* e = first_match(c.exceptions.property, name))
            return {false, "allowed by udev property " + name + " matching exception " +
                               quoted(e->re.pattern()) + " (" + e->origin.describe() + ")"};
        if (const auto* b = first_match(c.blacklist.property, name))
            return {true, "blacklisted by udev property " + name + " matching " +
                              rule_text("property", *b)};
    }
    if (uid_attribute.empty() || !uid_seen)
        return {};
    return {true, "blacklisted, udev property missing: no property matches " +
                      exception_patterns(c.exceptions.property)};
}

}  // namespace mpb

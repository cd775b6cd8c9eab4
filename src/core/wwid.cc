// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/wwid.hh"

#include <span>

#include "core/alias.hh"
#include "core/hex.hh"
#include "core/text.hh"
#include "core/vpd.hh"

namespace mpb {

namespace {

using Parser = Result<std::string> (*)(std::span<const std::uint8_t>);

Result<std::string> from_vpd_attr(const BlockDevice& dev, const char* attr, Parser parse)
{
    const auto* hex = dev.attr(attr);
    if (!hex)
        return Result<std::string>::fail(std::string("no sysfs ") + attr);
    auto raw = bytes_from_hex(*hex);
    if (!raw)
        return Result<std::string>::fail(std::string("sysfs ") + attr + ": " + raw.error());
    const auto& b = raw.value();
    auto r = parse({reinterpret_cast<const std::uint8_t*>(b.data()), b.size()});
    if (!r)
        return Result<std::string>::fail(std::string("sysfs ") + attr + ": " + r.error());
    return r;
}

Result<Wwid> accept(std::string value, std::string source)
{
    auto problem = wwid_problem(value);
    if (!problem.empty())
        return Result<Wwid>::fail(source + ": invalid WWID " + quoted(value) + ": " + problem);
    return Result<Wwid>::ok({std::move(value), std::move(source)});
}

}  // namespace

Result<Wwid> derive_wwid(const BlockDevice& dev, const std::string& uid_attribute)
{
    std::string why;
    if (const auto* v = dev.property(uid_attribute); v && !v->empty())
        return accept(*v, "udev property " + uid_attribute);
    why = "no udev property " + uid_attribute;
    auto pg83 = from_vpd_attr(dev, "vpd_pg83", wwid_from_vpd83);
    if (pg83)
        return accept(pg83.value(), "sysfs vpd_pg83");
    why += "; " + pg83.error();
    auto pg80 = from_vpd_attr(dev, "vpd_pg80", serial_from_vpd80);
    if (pg80)
        return accept(pg80.value(), "sysfs vpd_pg80");
    return Result<Wwid>::fail(why + "; " + pg80.error());
}

}  // namespace mpb

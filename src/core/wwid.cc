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

namespace {

// multipath-tools reads the VPD page itself only when the attribute is the
// default for the device's bus, or "" (udev not asked): a site's own
// attribute must not be silently replaced by another identity. Only SCSI
// disks have a fallback here (sysfs vpd_pg83, as multipath-tools 0.9.4).
bool has_vpd_fallback(const BlockDevice& dev, const std::string& uid_attribute)
{
    return dev.attr("hctl") && (uid_attribute == "ID_SERIAL" || uid_attribute.empty());
}

}  // namespace

Result<Wwid> derive_wwid(const BlockDevice& dev, const std::string& uid_attribute)
{
    std::string why = "uid_attribute \"\": udev not asked";
    if (!uid_attribute.empty()) {
        if (const auto* v = dev.property(uid_attribute); v && !v->empty())
            return accept(*v, "udev property " + uid_attribute);
        why = "no udev property " + uid_attribute;
    }
    if (!has_vpd_fallback(dev, uid_attribute))
        return Result<Wwid>::fail(why + "; no VPD fallback for uid_attribute " + quoted(uid_attribute) +
                                  (dev.attr("hctl") ? "" : " on a device that is not SCSI"));
    auto pg83 = from_vpd_attr(dev, "vpd_pg83", wwid_from_vpd83);
    if (pg83)
        return accept(pg83.value(), "sysfs vpd_pg83");
    return Result<Wwid>::fail(why + "; " + pg83.error());
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/udev_verdict.hh"

#include "core/coalesce.hh"
#include "core/dm_name.hh"
#include "core/hex.hh"
#include "core/naming.hh"
#include "core/path.hh"
#include "core/settings.hh"
#include "core/text.hh"

namespace mpb {

namespace {

using Kind = UdevVerdict::Kind;

// The name the map of this WWID has or will have without a new binding:
// the existing map's, else the multipaths alias or a bound friendly name.
std::string known_alias(const PathRecord& p, const EffectiveSettings& s, const MultipathEntry* mp,
                        const Snapshot& snap, const UdevInput& in)
{
    std::string name;
    if (const auto* m = snap.find_map_by_uuid(map_uuid(p.wwid)))
        name = m->name;
    else
        name = choose_name(p.wwid, s, mp, in.bindings, names_taken(in.config, snap.maps, p.wwid),
                           false).name;
    return name == p.wwid ? std::string() : name;
}

// Step 1: the mpath map holding the disk, as multipath-tools'
// sysfs_is_multipathed finds it: a holder "dm-N" whose dm UUID begins with
// "mpath-". Partitions are not looked at (their holders are kpartx maps).
const DmMap* holding_map(const BlockDevice& dev, const Snapshot& snap)
{
    if (dev.partition)
        return nullptr;
    for (const auto& h : dev.holders)
        if (const auto* m = snap.find_map_by_kernel_name(h); m && is_map_uuid(m->uuid))
            return m;
    return nullptr;
}

// "find_multipaths on (defaults section, /etc/multipath.conf:2)".
std::string mode_with_origin(const EffectiveSettings& s)
{
    return std::string("find_multipaths ") + to_string(s.find_multipaths.value) + " (" +
           s.find_multipaths.origin.describe() + ")";
}

const std::string released = "released to systemd earlier; stays released";

// Step 8 with every device read: the other paths of the snapshot with the
// WWID of `self`, those in use not counted.
Claim smart_counted(const PathRecord& self, WwidFacts facts, const EffectiveSettings& s,
                    const Snapshot& snap, const Config& cfg)
{
    std::vector<PathRecord> busy;
    std::size_t usable = 1;  // self, not in use (step 3)
    for (const auto& d : snap.devices) {
        if (d.name == self.name)
            continue;
        auto v = evaluate_path(d, snap, cfg);
        if (!v.path || v.path->wwid != self.wwid)
            continue;
        if (v.path->in_use.empty())
            ++usable;
        else
            busy.push_back(std::move(*v.path));
    }
    facts.paths = usable;
    auto claim = find_multipaths_claim(facts, s, SmartTimer::absent, true);
    if (claim.verdict == Claim::Verdict::leave && !busy.empty()) {
        // The other paths exist but are in use: say so, as dry-run does.
        std::vector<const PathRecord*> users;
        for (const auto& b : busy)
            users.push_back(&b);
        return {Claim::Verdict::leave, in_use_reason(users)};
    }
    return claim;
}

UdevVerdict decide(const PathRecord& p, const Snapshot& snap, const UdevInput& in, bool enumerated)
{
    const auto* mp = in.config.find_multipath(p.wwid);
    auto s = resolve_settings(in.config, p.devices, mp);
    UdevVerdict v{Kind::not_path, p.wwid, known_alias(p, s, mp, snap, in), {}};
    auto verdict = [&](Kind k, std::string why) {
        v.kind = k;
        v.reason = std::move(why);
        return v;
    };
    // A path claimed from here on is released again when an earlier event
    // released it: systemd may be using it, and taking it back would pull
    // it from under its user.
    auto unless_released = [&](std::string why) {
        if (in.earlier == "0")
            return verdict(Kind::not_path, released);
        return verdict(Kind::path, std::move(why));
    };
    // 3. In use: never claimed, under any mode (the deliberate deviation).
    if (!p.in_use.empty())
        return verdict(Kind::not_path, in_use_reason({&p}));
    auto mode = s.find_multipaths.value;
    WwidFacts unknown{p.wwid, false, false, std::nullopt};
    // dry-run's reason for what the rule knows so far.
    auto rule = [&](bool has_map, bool in_wwids) {
        return find_multipaths_claim({p.wwid, has_map, in_wwids, std::nullopt}, s,
                                     SmartTimer::absent, true)
            .reason;
    };
    // 4. greedy, before the wwids file, so that the released check applies.
    if (mode == FindMultipaths::greedy)
        return unless_released(rule(false, false));
    // 5. The wwids file: claimed even if released earlier.
    if (in.wwids.contains(p.wwid))
        return verdict(Kind::path, rule(false, true));
    // 6. A map for the WWID.
    if (snap.find_map_by_uuid(map_uuid(p.wwid)))
        return unless_released(rule(true, false));
    // 7. strict, on/yes, off: all strict in udev.
    if (mode == FindMultipaths::strict)
        return verdict(Kind::not_path, rule(false, false));
    if (mode != FindMultipaths::smart)
        return verdict(Kind::not_path, mode_with_origin(s) + ": WWID " + p.wwid +
                                           " is not in the wwids file (in udev, " +
                                           to_string(mode) +
                                           " acts as strict: a path is claimed once its map "
                                           "is built and its WWID listed)");
    // 8. smart: released earlier stays released without counting.
    if (in.earlier == "0")
        return verdict(Kind::not_path, released);
    if (!enumerated)
        return verdict(Kind::need_siblings, rule(false, false));
    auto claim = smart_counted(p, unknown, s, snap, in.config);
    return claim.verdict == Claim::Verdict::take ? unless_released(claim.reason)
                                                 : verdict(Kind::not_path, claim.reason);
}

// ----- output -------------------------------------------------------------

// Whether `c` may be in a printed value: [A-Za-z0-9_.:/-], what WWIDs and
// map names are made of. udev and the scripts reading its database split
// on '=' and white space, and quotes, '\', '$', '`', ';', globs and the
// like mean something to shells and rules that may see the value later.
bool value_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_.:/-").find(static_cast<char>(c)) != std::string_view::npos;
}

// Why `value` must not reach udev's import, "" when it may.
std::string unsafe_because(std::string_view value)
{
    if (value.front() == ' ')
        return "begins with a space";
    if (value.back() == ' ')
        return "ends with a space";
    for (unsigned char c : value) {
        if (c < 0x20 || c == 0x7f)
            return "contains control character " + hex_byte(c);
        if (c > 0x7f)
            return "contains non-ASCII byte " + hex_byte(c);
        if (!value_char(c))
            return "contains the character " + quoted(std::string(1, static_cast<char>(c)));
    }
    return {};
}

void add_property(UdevOutput& out, const char* key, const std::string& value)
{
    if (value.empty())
        return;
    auto why = unsafe_because(value);
    if (why.empty())
        out.text += std::string(key) + "=" + value + "\n";
    else
        out.warnings.push_back(std::string(key) + " not printed: value " + quoted(value) + " " +
                               why);
}

}  // namespace

UdevVerdict udev_verdict(const Snapshot& snap, std::string_view devname, const UdevInput& in,
                         bool enumerated)
{
    const auto* dev = snap.find_device(devname);
    if (!dev)
        return {Kind::not_path, {}, {}, quoted(devname) + " is not in the snapshot"};
    // 1. Held by an mpath map: claimed before anything else is looked at.
    if (const auto* m = holding_map(*dev, snap)) {
        auto wwid = *wwid_of_map_uuid(m->uuid);  // holding_map checked it
        auto alias = m->name == wwid ? std::string() : m->name;
        return {Kind::path, wwid, alias, "held by the existing map " + m->name};
    }
    // 2. Not a path.
    auto v = evaluate_path(*dev, snap, in.config);
    if (!v.path)
        return {Kind::not_path, {}, {}, v.reason};
    return decide(*v.path, snap, in, enumerated);
}

UdevOutput udev_properties(const UdevVerdict& v)
{
    UdevOutput out;
    if (v.kind == Kind::need_siblings) {
        out.warnings.push_back("no verdict printed: the other devices must be read first (" +
                               v.reason + ")");
        return out;
    }
    const char* flag = v.kind == Kind::path ? "1" : "0";
    out.text = std::string("DM_MULTIPATH_DEVICE_PATH=") + flag + "\nMPATH_BOOT_PATH=" + flag + "\n";
    add_property(out, "MPATH_BOOT_WWID", v.wwid);
    add_property(out, "MPATH_BOOT_ALIAS", v.alias);
    return out;
}

}  // namespace mpb

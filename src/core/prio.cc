// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/prio.hh"

#include "core/hex.hh"
#include "core/settings.hh"

namespace mpb {

namespace {

TpgsFact tpgs_none(std::string why) { return {Tpgs::none, std::move(why)}; }

TpgsFact tpgs_failed(const std::string& why) { return {Tpgs::none, "no TPGS: " + why}; }

// The REPORT TARGET PORT GROUPS answer for group `tpg`, "" when there is one.
std::string rtpg_problem(const PrioFacts& f, unsigned tpg)
{
    if (!f.rtpg.empty()) {
        auto s = rtpg_state(f.rtpg, tpg);
        return s ? std::string() : s.error();
    }
    return f.access_state ? std::string() : "no REPORT TARGET PORT GROUPS reply and no access_state";
}

// The configured prioritizer at one level: name and arguments together.
bool take_level(const MapOptions* o, PrioChoice& out)
{
    if (!o || !o->prio)
        return false;
    out = {o->prio->value, o->prio_args ? o->prio_args->value : "", o->prio->origin.describe()};
    return true;
}

// Device entries give the first name and, independently, the first
// arguments among the matching entries, as multipath-tools does.
bool take_devices(const std::vector<const DeviceEntry*>& devices, PrioChoice& out)
{
    const Set<std::string>* name = nullptr;
    const Set<std::string>* args = nullptr;
    for (const auto* d : devices) {
        if (!name && d->options.prio)
            name = &*d->options.prio;
        if (!args && d->options.prio_args)
            args = &*d->options.prio_args;
    }
    if (!name)
        return false;
    out = {name->value, args ? args->value : "", name->origin.describe()};
    return true;
}

// RDAC arrays answer VPD page 0xc9 with "vac1"; multipath-tools prefers
// alua over sysfs for them unless they do explicit ALUA only.
bool rdac_array(const PrioFacts& f)
{
    return f.vpd_pgc9.size() >= 8 && f.vpd_pgc9.compare(4, 4, "vac1") == 0;
}

bool detect(const PathRecord& p, const TpgsFact& t, PrioChoice& out)
{
    if (!p.facts.scsi || t.tpgs == Tpgs::none)
        return false;
    bool sysfs = (t.tpgs == Tpgs::explicit_only || !rdac_array(p.facts)) && p.facts.access_state;
    out = {sysfs ? "sysfs" : "alua", "",
           "detect_prio: " + t.reason + (sysfs ? ", access_state present" : ", no access_state")};
    return true;
}

PrioChoice configured(const PathRecord& p, const Config& c, const MultipathEntry* mp)
{
    PrioChoice out;
    if (take_level(mp ? &mp->options : nullptr, out) || take_level(&c.overrides, out) ||
        take_devices(p.devices, out) || take_level(&c.defaults, out))
        return out;
    return {"const", "", "built-in default"};
}

}  // namespace

TpgsFact path_tpgs(const PathRecord& p)
{
    const auto& f = p.facts;
    if (!f.scsi)
        return tpgs_none("not a SCSI device");
    if (!path_is_up(p))
        return {Tpgs::undef, "TPGS unknown: path " + p.state};
    if (f.inquiry.empty())
        return {Tpgs::undef, "TPGS unknown: no INQUIRY data recorded"};
    auto bits = inquiry_tpgs(f.inquiry);
    if (!bits)
        return {Tpgs::undef, "TPGS unknown: " + bits.error()};
    if (bits.value() == Tpgs::none)
        return tpgs_none("no TPGS (INQUIRY)");
    auto tpg = vpd83_target_port_group(f.vpd_pg83);
    if (!tpg)
        return tpgs_failed(tpg.error());
    if (auto problem = rtpg_problem(f, tpg.value()); !problem.empty())
        return tpgs_failed(problem);
    return {bits.value(), std::string("TPGS ") + to_string(bits.value()) + ", target port group " +
                              std::to_string(tpg.value())};
}

bool wants_rtpg(const BlockDevice& d)
{
    const auto* inquiry = d.attr("inquiry");
    const auto* state = d.attr("state");
    if (!d.attr("hctl") || !inquiry || d.attr("access_state") || d.attr("rtpg") ||
        (state && *state != "running"))
        return false;
    auto bytes = bytes_from_hex(*inquiry);
    auto tpgs = bytes ? inquiry_tpgs(bytes.value()) : Result<Tpgs>::fail("");
    return tpgs && tpgs.value() != Tpgs::none;
}

PrioChoice select_prio(const PathRecord& p, const Config& c, const MultipathEntry* mp,
                       const TpgsFact& tpgs)
{
    auto s = resolve_settings(c, p.devices, mp);
    PrioChoice out;
    if (!(s.detect_prio.value && detect(p, tpgs, out)))
        out = configured(p, c, mp);
    if (out.name == "alua" && tpgs.tpgs == Tpgs::none)
        return {"const", "", "alua failed (" + tpgs.reason + "), emergency fallback"};
    return out;
}

std::vector<std::string> wanted_replies(const PathRecord& p, const Config& c)
{
    std::vector<std::string> pages;
    if (!p.facts.scsi || !path_is_up(p))
        return pages;
    const auto* mp = c.find_multipath(p.wwid);
    auto t = path_tpgs(p);
    bool rdac_check = resolve_settings(c, p.devices, mp).detect_prio.value &&
                      t.tpgs != Tpgs::none && t.tpgs != Tpgs::explicit_only && p.facts.access_state;
    auto name = select_prio(p, c, mp, t).name;
    if (name == "emc" && p.facts.vpd_pgc0.empty())
        pages.push_back("vpd_pgc0");
    if ((name == "rdac" || rdac_check) && p.facts.vpd_pgc9.empty())
        pages.push_back("vpd_pgc9");
    if (name == "hp_sw" && p.facts.tur.empty())
        pages.push_back("tur");
    return pages;
}

PathPriority path_priority(const PathRecord& p, const Config& c, const MultipathEntry* mp)
{
    PathPriority out;
    auto t = path_tpgs(p);
    out.tpgs = t.tpgs;
    auto choice = select_prio(p, c, mp, t);
    out.prioritizer = choice.name;
    auto tail = ", " + choice.name + " prioritizer (" + choice.origin + ")";
    if (!path_is_up(p)) {
        out.reason = "prio undefined: path " + p.state + tail;
        return out;
    }
    if (!known_prioritizer(choice.name)) {
        out.reason = "prio undefined: multipath-tools 0.9.4 has no prioritizer \"" + choice.name +
                     "\" (" + choice.origin + ")";
        return out;
    }
    auto v = run_prioritizer(choice.name, p.facts, choice.args);
    if (!v) {
        out.warning = "prioritizer " + choice.name + " (" + choice.origin +
                      ") cannot run in the initramfs; " + p.name + " gets const's priority 1";
        out.prioritizer = "const";
        v = prio_const();
        tail = ", const prioritizer in place of " + choice.name;
    }
    out.value = v->value;
    out.reason = "prio " + (v->value == prio_undef ? std::string("undefined") : std::to_string(v->value)) +
                 (v->from.empty() ? "" : " from " + v->from) + tail;
    return out;
}

}  // namespace mpb

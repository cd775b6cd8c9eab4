// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/findings.hh"

#include <algorithm>
#include <set>

#include "core/coalesce.hh"
#include "core/dm_name.hh"
#include "core/dm_table.hh"
#include "core/handover.hh"
#include "core/path.hh"
#include "core/settings.hh"
#include "core/text.hh"
#include "core/topology.hh"

namespace mpb {

namespace {

using C = FindingCode;

const std::string rebuild = "rebuild the initramfs with `dracut -f`";

std::string is_are(std::size_t n) { return n == 1 ? " is" : " are"; }

std::vector<std::string> names_of(const std::vector<DeviceNote>& notes)
{
    std::vector<std::string> out;
    for (const auto& n : notes)
        out.push_back(n.device);
    return out;
}

std::vector<std::string> with(std::vector<std::string> subjects, const std::vector<std::string>& more)
{
    for (const auto& m : more)
        if (std::find(subjects.begin(), subjects.end(), m) == subjects.end())
            subjects.push_back(m);
    return subjects;
}

// The roots whose files name maps: this one, then the other one.
std::vector<const RootFiles*> roots(const FindingContext& c)
{
    std::vector<const RootFiles*> out{&c.in.here};
    if (c.in.other)
        out.push_back(c.in.other);
    return out;
}

// Whether root= (or fstab's /) resolves to one of the volume's devices.
bool root_names(const FindingContext& c, const Volume& v)
{
    for (const auto& d : c.root.resolves_to.devices)
        if (volume_of_device(c.volumes, c.in.snap, d) == &v)
            return true;
    return false;
}

// Why a map should exist for the volume, "" when nothing says so. Being
// bound in a bindings file does not count: bindings keep every WWID ever seen.
std::string wanted_because(const FindingContext& c, const Volume& v)
{
    const RootFiles& here = c.in.here;
    if (here.wwids.contains(v.wwid))
        return "WWID " + v.wwid + " is listed in " + here.state_dir + "/wwids";
    if (c.in.other && c.in.other->wwids.contains(v.wwid))
        return c.in.other->label + " lists WWID " + v.wwid + " in its wwids file";
    if (auto mp = here.config.find_multipath(v.wwid))
        return "the multipaths section has an entry for it (" + mp->origin.describe() + ")";
    if (v.disks.size() >= 2)
        return and_list(v.disks) + " show the same WWID";
    if (root_names(c, v))
        return c.root.spec.spec + " names it";
    return "";
}

// "FILE:LINE" of a diagnostic's text ("FILE:LINE[:COL]: error: ...").
std::string place_of(const Diagnostic& d)
{
    auto end = d.text.find(": ");
    return end == std::string::npos ? d.text : d.text.substr(0, end);
}

void config_errors(const FindingContext& c, std::vector<Finding>& out)
{
    for (const RootFiles* r : roots(c)) {
        Diagnostics problems;
        for (const auto& d : r->config.diagnostics)
            if (d.severity == Severity::error)
                problems.push_back(d);
        for (const auto& d : r->settings.diagnostics)
            problems.push_back(d);
        if (problems.empty())
            continue;
        Finding f{C::config_error, {}, "", ""};
        for (const auto& d : problems) {
            f.subjects.push_back(place_of(d));
            f.message += (f.message.empty() ? "" : "; ") + d.text;
        }
        f.message += r->config.fell_back ? "; " + r->label + " used the built-in multipath defaults instead"
                                         : "; those settings kept their defaults";
        f.remedy = "correct the line named, then " + rebuild + " so the initramfs reads the corrected file";
        out.push_back(f);
    }
}

bool lists_module(const std::string& modules, std::string_view name)
{
    for (auto line : split_lines(modules))
        if (trim(line) == name)
            return true;
    return false;
}

// Whether root is on a multipath map now, or is named as one.
bool root_on_multipath(const FindingContext& c)
{
    const DmMap* m = c.root.mounted.map;
    if (m && (is_map_uuid(m->uuid) || parse_partition_uuid(m->uuid)))
        return true;
    return c.root.spec.spec.starts_with("/dev/mapper/");
}

void module_missing(const FindingContext& c, std::vector<Finding>& out)
{
    const RootFiles* rd = c.in.in_initramfs ? &c.in.here : c.in.other;
    if (!rd || !rd->dracut_modules || !root_on_multipath(c))
        return;
    if (lists_module(*rd->dracut_modules, "mpath-boot") || lists_module(*rd->dracut_modules, "multipath"))
        return;
    out.push_back({C::module_missing, {rd->label},
                   "root is on a multipath map, but " + rd->label +
                       " has neither the mpath-boot module nor dracut's multipath module (its "
                       "/usr/lib/dracut/modules.txt), so that boot builds no map: root is mounted from a raw path "
                       "or not at all",
                   "rebuild it with `dracut -f --add mpath-boot`"});
}

void initramfs_stale(const FindingContext& c, std::vector<Finding>& out)
{
    if (c.differences.empty() || !c.in.other)
        return;
    Finding f{C::initramfs_stale, {}, "", ""};
    const std::string& rd = c.in.in_initramfs ? c.in.here.label : c.in.other->label;
    const std::string& root = c.in.in_initramfs ? c.in.other->label : c.in.here.label;
    for (const auto& d : c.differences) {
        f.subjects = with(f.subjects, {d.file});
        if (!d.wwid.empty())
            f.subjects = with(f.subjects, {d.wwid});
        f.message += (f.message.empty() ? "" : "; ") + d.file + ": " + d.what + " (" + d.effect + ")";
    }
    f.message = "the multipath files of " + rd + " differ from those of " + root + ": " + f.message;
    f.remedy = c.in.in_initramfs
                   ? "boot the real root (a raw path or another boot entry will do) and " + rebuild +
                         " there, so the initramfs carries the real root's files"
                   : rebuild + " so the next boot uses these files";
    out.push_back(f);
}

void blacklisted(const FindingContext& c, std::vector<Finding>& out)
{
    for (const auto& v : c.volumes) {
        std::vector<DeviceNote> hit;
        for (const auto& n : v.not_paths)
            if (n.why.starts_with("blacklisted"))
                hit.push_back(n);
        auto wanted = wanted_because(c, v);
        if (hit.empty() || v.map || wanted.empty())
            continue;
        auto devices = names_of(hit);
        out.push_back({C::blacklisted, with({v.wwid}, devices),
                       and_list(devices) + " (WWID " + v.wwid + ")" + is_are(devices.size()) + " " +
                           hit.front().why + ", so no map uses " + (devices.size() == 1 ? "it" : "them") +
                           " although " + wanted,
                       "remove or narrow that rule, or add `wwid \"" + v.wwid +
                           "\"` to blacklist_exceptions, then " + rebuild});
    }
}

// What an alias is given to (a WWID), or a WWID to (an alias), and where.
struct Claimant {
    std::string other;
    std::string where;  // "/etc/multipath/bindings:3", "multipaths section, ..."
};

// Who has an alias given twice, as multipath-tools decides: a multipaths
// entry's alias wins, else the first binding line that was taken.
std::string alias_owner(const RootFiles& r, const std::string& alias)
{
    for (const auto& mp : r.config.multipaths)
        if (mp.alias && mp.alias->value == alias)
            return "WWID " + mp.wwid + " has it (multipaths section), so";
    if (const Binding* b = r.bindings.find_by_alias(alias))
        return "WWID " + b->wwid + " has it (line " + std::to_string(b->line) + "), so";
    return "none of them has it, so";
}

// alias -> WWIDs and WWID -> aliases of one root's bindings and multipaths
// section; each list with two or more different entries is a conflict.
void alias_conflicts_of(const RootFiles& r, std::vector<Finding>& out)
{
    std::map<std::string, std::vector<Claimant>> by_alias, by_wwid;
    auto add = [](std::vector<Claimant>& list, const std::string& key, const std::string& where) {
        if (std::none_of(list.begin(), list.end(), [&](const Claimant& x) { return x.other == key; }))
            list.push_back({key, where});
    };
    const std::string file = r.state_dir + "/bindings";
    for (const auto& b : r.bindings.lines) {
        if (b.wwid.empty())
            continue;
        const std::string where = file + ":" + std::to_string(b.line);
        add(by_alias[b.alias], b.wwid, where);
        add(by_wwid[b.wwid], b.alias, where);
    }
    for (const auto& mp : r.config.multipaths)
        if (mp.alias)
            add(by_alias[mp.alias->value], mp.wwid, mp.alias->origin.describe());
    auto subjects_of = [](const std::string& key, const std::vector<Claimant>& list) {
        std::vector<std::string> subjects{key};
        for (const auto& x : list)
            subjects.push_back(x.other);
        return subjects;
    };
    auto describe = [](const std::vector<Claimant>& list) {
        std::vector<std::string> parts;
        for (const auto& x : list)
            parts.push_back(x.other + " (" + x.where + ")");
        return and_list(parts);
    };
    const std::string remedy = "edit " + file + " (or the multipaths section) so that each alias names one WWID "
                               "and each WWID has one alias, then " + rebuild;
    for (const auto& [alias, list] : by_alias) {
        if (list.size() < 2)
            continue;
        out.push_back({C::alias_conflict, subjects_of(alias, list),
                       "in " + r.label + " the alias " + alias + " is given to " + describe(list) + "; " +
                           alias_owner(r, alias) + " the others are named otherwise, and a name that expects " +
                           alias + " finds another volume or none",
                       remedy});
    }
    for (const auto& [wwid, list] : by_wwid) {
        if (list.size() < 2)
            continue;
        const Binding* counts = r.bindings.find_by_wwid(wwid);
        out.push_back({C::alias_conflict, subjects_of(wwid, list),
                       "in " + r.label + " WWID " + wwid + " is bound to " + describe(list) + "; " +
                           (counts ? counts->alias + " (line " + std::to_string(counts->line) +
                                         ") is the binding that counts, the other lines are ignored"
                                   : "none of these lines counts"),
                       remedy});
    }
}

void alias_conflict(const FindingContext& c, std::vector<Finding>& out)
{
    for (const RootFiles* r : roots(c))
        alias_conflicts_of(*r, out);
}

// Whether root= waits for a name the handover would only give after root
// is mounted: "/dev/mapper/NAME" or "/dev/mapper/NAME-partN".
bool root_waits_for(const FindingContext& c, const std::string& name)
{
    const std::string& s = c.root.spec.spec;
    const std::string want = "/dev/mapper/" + name;
    return s == want || (s.starts_with(want + "-part") && !c.root.mounted.found());
}

void name_mismatch(const FindingContext& c, std::vector<Finding>& out)
{
    // In the initramfs against the real root's files; in the real root, the
    // maps against this root's own files.
    const RootFiles& rd = c.in.here;
    const RootFiles* root = c.in.in_initramfs ? c.in.other : &c.in.here;
    if (!root)
        return;
    HandoverInput hi{c.in.snap, c.in.snap.maps, {rd.config, rd.bindings}, {root->config, root->bindings},
                     root->wwids, root->label};
    for (const auto& m : plan_handover(hi).maps) {
        if (m.action == MapHandover::Action::keep)
            continue;
        std::string why;
        if (m.action == MapHandover::Action::conflict)
            why = "the handover cannot rename it: " + m.reason;
        else if (!c.in.in_initramfs)
            why = "the handover did not rename it";
        else if (root_waits_for(c, m.name_after))
            why = c.root.spec.spec + " waits for the real root's name, which the handover would only give "
                                     "after root is mounted";
        else if (!rd.settings.rename_at_handover)
            why = "rename_at_handover is no in this initramfs's /etc/mpath-boot.conf, so the handover keeps the "
                  "initramfs's name";
        if (why.empty())
            continue;
        out.push_back({C::name_mismatch, {m.wwid, m.name_before, m.name_after},
                       "map " + m.name_before + " (WWID " + m.wwid + ") is " + m.name_after + " to " + root->label +
                           ": " + m.reason + "; " + why,
                       c.in.in_initramfs
                           ? "make the names agree: " + rebuild + " in the real root (its bindings then name the map "
                             "in the initramfs too), and name root by UUID= or let the handover rename "
                             "(rename_at_handover yes)"
                           : "rename the map (`multipathd reconfigure` renames maps to their bound names), and "
                             "make the initramfs agree: " + rebuild});
    }
}

// The find_multipaths rule for a volume no map has, as udev-check and
// assemble apply it; empty reason when it would be taken.
std::string left_alone_by(const FindingContext& c, const Volume& v)
{
    const BlockDevice* d = c.in.snap.find_device(v.paths.front());
    auto p = d ? evaluate_path(*d, c.in.snap, c.in.here.config) : PathVerdict{};
    if (!p.path)
        return "";
    const MultipathEntry* mp = c.in.here.config.find_multipath(v.wwid);
    auto settings = resolve_settings(c.in.here.config, p.path->devices, mp);
    WwidFacts facts{v.wwid, false, c.in.here.wwids.contains(v.wwid), v.paths.size()};
    auto claim = find_multipaths_claim(facts, settings, SmartTimer::expired, true);
    return claim.verdict == Claim::Verdict::leave ? claim.reason : "";
}

void wwid_not_listed(const FindingContext& c, std::vector<Finding>& out)
{
    for (const auto& v : c.volumes) {
        if (v.map || v.paths.empty() || c.in.here.wwids.contains(v.wwid))
            continue;
        auto wanted = wanted_because(c, v);
        auto rule = left_alone_by(c, v);
        if (wanted.empty() || rule.empty())
            continue;
        std::string tail;
        if (!c.root.spec.spec.empty() && c.root.resolves_to.empty())
            tail = ", and " + c.root.spec.spec + " never appeared";
        out.push_back({C::wwid_not_listed, with({v.wwid}, v.paths),
                       and_list(v.paths) + (v.paths.size() == 1 ? " has" : " have") + " WWID " + v.wwid +
                           ", which is not in " + c.in.here.state_dir + "/wwids (" + rule + "), so no map was built" +
                           tail + "; yet " + wanted,
                       "add it with `mpath-boot wwids add " + v.wwid + "` (or list it in the kickstart) and " +
                           rebuild});
    }
}

void root_on_path(const FindingContext& c, std::vector<Finding>& out)
{
    const std::string& dev = c.root.mounted.device;
    if (dev.empty())
        return;
    const Volume* v = volume_of_device(c.volumes, c.in.snap, dev);
    if (!v || (v->disks.size() < 2 && !c.in.here.wwids.contains(v->wwid) && !v->map))
        return;
    out.push_back({C::root_on_path, {dev, v->wwid},
                   "root (" + c.root.mountpoint + ") is mounted from " + dev + ", a raw path of WWID " + v->wwid +
                       " (" + and_list(v->disks) + "), not from a multipath map: its I/O has no other path, and "
                       "no map can be built on the volume while it is mounted",
                   "make the initramfs build the map before root is mounted: list the WWID (`mpath-boot wwids add " +
                       v->wwid + "`), " + rebuild + " and reboot"});
}

// A use is the cause only where find_multipaths would have taken the
// volume: otherwise no map was coming anyway (wwid-not-listed says why).
void path_in_use(const FindingContext& c, std::vector<Finding>& out)
{
    for (const auto& v : c.volumes) {
        if (v.map || v.in_use.empty())
            continue;
        if (v.disks.size() < 2 && !c.in.here.wwids.contains(v.wwid))
            continue;
        if (!left_alone_by(c, v).empty())
            continue;
        std::vector<std::string> uses;
        for (const auto& n : v.in_use)
            uses.push_back(n.why);
        out.push_back({C::path_in_use, with({v.wwid}, names_of(v.in_use)),
                       and_list(uses) + ", so " + (v.in_use.size() == 1 ? "that path was" : "those paths were") +
                           " left to the system and no map was built for WWID " + v.wwid,
                       "stop what uses it (unmount, swapoff, deactivate the holder) and run `mpath-boot assemble`, "
                       "or have the initramfs build the map before anything uses the path: list the WWID and " +
                           rebuild});
    }
}

void map_no_path(const FindingContext& c, std::vector<Finding>& out)
{
    for (const auto& m : c.in.snap.maps) {
        auto wwid = wwid_of_map_uuid(m.uuid);
        auto table = wwid ? parse_multipath_table(m.table) : Result<TableShape>::fail("");
        if (!table)
            continue;
        std::size_t paths = 0, failed = 0;
        for (const auto& g : table->groups)
            paths += g.size();
        if (auto st = parse_multipath_status(m.status))
            for (const auto& g : st->groups)
                for (const auto& p : g.paths)
                    failed += p.failed ? 1 : 0;
        if (paths > 0 && failed < paths)
            continue;
        out.push_back({C::map_no_path, {m.name, *wwid},
                       "map " + m.name + " (WWID " + *wwid + ") " +
                           (paths == 0 ? std::string("has no path in its table")
                                       : "has " + std::to_string(paths) + (paths == 1 ? " path" : " paths") +
                                             " and every one has failed") +
                           ": I/O to it queues or fails",
                       "check the paths (cabling, zoning, the array's LUN masking); `mpath-boot status` shows each "
                       "path's state, and `mpath-boot assemble` adds paths that came back"});
    }
}

void wait_gave_up(const FindingContext& c, std::vector<Finding>& out)
{
    for (auto line : split_lines(c.in.wait_record)) {
        auto at = line.find("WWID ");
        if (at == std::string_view::npos)
            continue;
        auto rest = line.substr(at + 5);
        std::string wwid(rest.substr(0, rest.find(' ')));
        out.push_back({C::wait_gave_up, {wwid},
                       "the initramfs " + std::string(line),
                       "if the volume is gone for good, `mpath-boot wwids remove " + wwid + "` and " + rebuild +
                           "; if its paths come late, raise path_wait in /etc/mpath-boot.conf (or "
                           "rd.mpath_boot.wait= on the kernel command line)"});
    }
}

void unclaimed_multipath(const FindingContext& c, std::vector<Finding>& out)
{
    for (const auto& v : c.volumes) {
        if (v.map || v.disks.size() < 2)
            continue;
        out.push_back({C::unclaimed_multipath, with({v.wwid}, v.disks),
                       and_list(v.disks) + " show the same WWID " + v.wwid +
                           " and no map holds them: one volume is reached through several raw devices",
                       "if it is multipath storage, `mpath-boot wwids add " + v.wwid + "`, " + rebuild +
                           " and reboot (or run `mpath-boot assemble` while nothing uses it); if it is not, "
                           "blacklist it (wwid \"" + v.wwid + "\" in the blacklist section)"});
    }
}

}  // namespace

std::vector<Finding> find_problems(const FindingContext& c)
{
    std::vector<Finding> out;
    for (auto rule : {config_errors, module_missing, initramfs_stale, blacklisted, alias_conflict, name_mismatch,
                      wwid_not_listed, root_on_path, path_in_use, map_no_path, wait_gave_up, unclaimed_multipath})
        rule(c, out);
    sort_findings(out);
    return out;
}

}  // namespace mpb

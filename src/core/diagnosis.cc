// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/diagnosis.hh"

#include <algorithm>

#include "core/coalesce.hh"
#include "core/dm_name.hh"
#include "core/dm_table.hh"
#include "core/findings.hh"
#include "core/kernel_cmdline.hh"
#include "core/path.hh"
#include "core/root_compare.hh"
#include "core/settings.hh"
#include "core/text.hh"
#include "core/topology.hh"
#include "core/volumes.hh"

namespace mpb {

namespace {

std::string join(const std::vector<std::string>& words, const std::string& sep)
{
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : sep) + w;
    return out;
}

bool multipath_switch(std::string_view name)
{
    return name.starts_with("rd.mpath_boot") || name == "rd.multipath" || name == "multipath" ||
           name == "nompath" || name == "rd.timeout" || name == "rd.shell" || name == "root";
}

std::string switches(const std::string& cmdline)
{
    std::vector<std::string> out;
    for (const auto& p : split_cmdline(cmdline))
        if (multipath_switch(p.name))
            out.push_back(p.value ? p.name + "=" + *p.value : p.name);
    return out.empty() ? "none" : join(out, " ");
}

std::string modules_line(const DiagnoseInput& in)
{
    const RootFiles* rd = in.in_initramfs ? &in.here : in.other;
    if (!rd || !rd->dracut_modules)
        return "dracut modules: not known (no /usr/lib/dracut/modules.txt to read)";
    auto has = [&](std::string_view m) {
        for (auto line : split_lines(*rd->dracut_modules))
            if (trim(line) == m)
                return "yes";
        return "no";
    };
    return "dracut modules of " + rd->label + ": mpath-boot " + has("mpath-boot") + ", multipath " +
           has("multipath");
}

std::vector<std::string> where_lines(const DiagnoseInput& in)
{
    std::vector<std::string> out;
    out.push_back(in.in_initramfs ? "running in: the initramfs (/etc/initrd-release exists)"
                                  : "running in: the real root (no /etc/initrd-release)");
    out.push_back("kernel command line switches: " + switches(in.snap.cmdline));
    out.push_back(modules_line(in));
    auto k = parse_kernel_cmdline(in.snap.cmdline, "/proc/cmdline");
    if (k.disabled)
        out.push_back("mpath-boot: turned off by " + k.disabled_by);
    auto wait = effective_path_wait(in.here.settings, k);
    out.push_back("path wait: " + std::to_string(wait.seconds) + " s (" + wait.reason + ")");
    if (in.wait_record.empty())
        out.push_back("wait: no give-up recorded (/run/mpath-boot/wait-gave-up)");
    for (auto line : split_lines(in.wait_record))
        out.push_back("wait: " + std::string(line));
    out.push_back(in.handover_record ? "handover: recorded in /run/mpath-boot/handover.json"
                                     : "handover: not run in this boot (no /run/mpath-boot/handover.json)");
    return out;
}

// Where the plan puts each device: "in map NAME: why", or why it is left out.
std::map<std::string, std::string> plan_verdicts(const DiagnoseInput& in)
{
    PlanInput pi{in.here.config, in.here.wwids, in.here.bindings, in.snap.maps, true, in.here.bindings_readable};
    auto plan = plan_from_snapshot(in.snap, pi);
    std::map<std::string, std::string> out;
    for (const auto& m : plan.maps)
        for (const auto& p : m.paths)
            out[p.name] = "map " + m.name + ": " + m.taken_because;
    for (const auto& l : plan.left_out)
        out[l.device] = "left out: " + l.reason;
    return out;
}

DeviceReport device_report(const DiagnoseInput& in, const BlockDevice& d,
                           const std::map<std::string, std::string>& verdicts, const MapsByPath& holders)
{
    DeviceReport r;
    r.name = d.name;
    r.devnum = d.devt.str();
    if (d.partition) {
        r.verdict = "partition of " + d.parent;
    } else {
        auto v = evaluate_path(d, in.snap, in.here.config);
        r.wwid = v.path ? v.path->wwid : device_wwid(d, in.here.config);
        r.wwid_source = v.path ? v.path->wwid_source : "";
        r.verdict = v.path ? "path" : "not a path: " + v.reason;
        const DmMap* m = holders.holding(d.devt);
        r.map = m ? m->name : "";
    }
    // Devices that are not paths were left out for that same reason.
    if (auto it = verdicts.find(d.name); it != verdicts.end() && r.verdict == "path")
        r.find_multipaths = it->second;
    for (const char* key : {"DM_MULTIPATH_DEVICE_PATH", "SYSTEMD_READY", "ID_FS_TYPE", "MPATH_BOOT_PATH"})
        if (const std::string* v = d.property(key))
            r.udev[key] = *v;
    r.holders = d.holders;
    r.mounts = d.mountpoints;
    r.swap = d.swap;
    return r;
}

MapReport map_report(const Snapshot& snap, const DmMap& m, const std::string& wwid)
{
    MapReport r{m.name, wwid, m.devt.str(), m.table, {}, {}, m.holders, m.mountpoints, m.open_count};
    auto table = parse_multipath_table(m.table);
    auto status = parse_multipath_status(m.status);
    std::size_t group = 0;
    for (const auto& g : table ? table->groups : std::vector<std::vector<std::string>>{}) {
        for (std::size_t i = 0; i < g.size(); ++i) {
            std::string state = "undef";
            if (status && group < status->groups.size() && i < status->groups[group].paths.size())
                state = status->groups[group].paths[i].failed ? "failed" : "active";
            const BlockDevice* d = snap.find_device_by_devnum(g[i]);
            r.paths.push_back({g[i], d ? d->name : "#", state});
        }
        ++group;
    }
    for (const auto& p : snap.maps)
        if (auto part = parse_partition_uuid(p.uuid); part && part->wwid == wwid)
            r.partitions.push_back(p.name);
    return r;
}

std::vector<std::string> config_lines(const DiagnoseInput& in, const std::vector<Volume>& volumes)
{
    const RootFiles& h = in.here;
    auto s = resolve_settings(h.config, {}, nullptr);
    std::vector<std::string> out{
        std::string("find_multipaths ") + to_string(s.find_multipaths.value) + " (" +
            s.find_multipaths.origin.describe() + ")",
        std::string("user_friendly_names ") + (s.user_friendly_names.value ? "yes" : "no") + " (" +
            s.user_friendly_names.origin.describe() + ")",
        std::string("rename_at_handover ") + (h.settings.rename_at_handover ? "yes" : "no"),
        std::to_string(h.wwids.wwids.size()) + " WWIDs in " + h.state_dir + "/wwids, " +
            std::to_string(h.bindings.entries.size()) + " bindings in " + h.state_dir + "/bindings",
    };
    for (const auto* ds : {&h.config.diagnostics, &h.state_problems, &h.settings.diagnostics})
        for (const auto& d : *ds)
            out.push_back(d.text);
    for (const auto& w : h.wwids.wwids)
        if (!find_volume(volumes, w))
            out.push_back("WWID " + w + " is listed in " + h.state_dir + "/wwids but no device shows it");
    return out;
}

std::string root_why(const DiagnoseInput& in, const std::vector<Volume>& volumes, const RootReport& r)
{
    if (const DmMap* m = r.mounted.map) {
        if (auto w = wwid_of_map_uuid(m->uuid))
            return "on multipath map " + m->name + " (WWID " + *w + ")";
        if (auto p = parse_partition_uuid(m->uuid))
            return "on " + m->name + ", partition " + std::to_string(p->number) + " of the multipath map of WWID " +
                   p->wwid;
        return "on dm device " + m->name + ", not a multipath map";
    }
    if (r.mounted.device.empty())
        return "nothing is mounted on " + r.mountpoint +
               (r.resolves_to.empty() && !r.spec.spec.empty() ? "; " + r.spec.spec + " resolves to nothing now" : "");
    const Volume* v = volume_of_device(volumes, in.snap, r.mounted.device);
    if (!v)
        return "on " + r.mounted.device + ", a device without a WWID: not multipath";
    if (v->disks.size() < 2 && !in.here.wwids.contains(v->wwid))
        return "on " + r.mounted.device + " (WWID " + v->wwid + ", one device, not listed): not multipath";
    return "on " + r.mounted.device + ", a raw path of WWID " + v->wwid + ", not on its map";
}

RootReport root_report(const DiagnoseInput& in, const std::vector<Volume>& volumes)
{
    RootReport r;
    if (!in.in_initramfs && in.here.fstab)
        r.spec = root_from_fstab(*in.here.fstab, "/etc/fstab");
    if (r.spec.spec.empty())
        r.spec = root_from_cmdline(in.snap.cmdline);
    r.resolves_to = resolve_root(r.spec, in.snap);
    r.mountpoint = in.in_initramfs ? "/sysroot" : "/";
    r.mounted = mounted_at(in.snap, r.mountpoint);
    r.why = root_why(in, volumes, r);
    return r;
}

}  // namespace

Diagnosis diagnose(const DiagnoseInput& in)
{
    Diagnosis d;
    d.where = where_lines(in);
    auto verdicts = plan_verdicts(in);
    const MapsByPath holders(in.snap.maps);
    for (const auto& dev : in.snap.devices)
        d.devices.push_back(device_report(in, dev, verdicts, holders));
    for (const auto& m : in.snap.maps)
        if (auto w = wwid_of_map_uuid(m.uuid))
            d.maps.push_back(map_report(in.snap, m, *w));
    auto volumes = volumes_of(in.snap, in.here.config);
    d.config = config_lines(in, volumes);
    if (in.other) {
        d.compared_with = in.other->label;
        d.differences = in.in_initramfs ? compare_roots(in.here, *in.other) : compare_roots(*in.other, in.here);
    } else {
        d.compared_with = "nothing: " + in.no_other;
    }
    d.root = root_report(in, volumes);
    d.findings = find_problems({in, volumes, d.root, d.differences});
    return d;
}

}  // namespace mpb

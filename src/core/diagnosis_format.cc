// SPDX-License-Identifier: GPL-2.0-or-later
// The two shapes of a diagnosis: text for the emergency shell, JSON for tools.
#include <nlohmann/json.hpp>

#include "core/diagnosis.hh"

namespace mpb {

namespace {

using Json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& items, const std::string& sep = ", ")
{
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : sep) + i;
    return out;
}

void line(std::string& out, int indent, const std::string& text)
{
    out += std::string(static_cast<std::size_t>(indent), ' ') + text + "\n";
}

void device_text(std::string& out, const DeviceReport& d)
{
    std::string head = d.name + " " + d.devnum;
    if (!d.wwid.empty())
        head += "  WWID " + d.wwid + (d.wwid_source.empty() ? "" : " (" + d.wwid_source + ")");
    line(out, 2, head);
    line(out, 4, "verdict: " + d.verdict);
    if (!d.find_multipaths.empty())
        line(out, 4, "find_multipaths: " + d.find_multipaths);
    std::vector<std::string> udev;
    for (const auto& [k, v] : d.udev)
        udev.push_back(k + "=" + v);
    if (!udev.empty())
        line(out, 4, "udev: " + joined(udev, " "));
    if (!d.holders.empty())
        line(out, 4, "holders: " + joined(d.holders));
    if (!d.mounts.empty())
        line(out, 4, "mounted on: " + joined(d.mounts));
    if (d.swap)
        line(out, 4, "swap: active");
    if (!d.map.empty())
        line(out, 4, "map: " + d.map);
}

void map_text(std::string& out, const MapReport& m)
{
    line(out, 2, m.name + " (" + m.wwid + ") " + m.devnum + ", open count " + std::to_string(m.open_count));
    line(out, 4, "table: " + m.table);
    std::vector<std::string> paths;
    for (const auto& p : m.paths)
        paths.push_back(p.dev + " " + p.devnum + " " + p.state);
    line(out, 4, "paths: " + (paths.empty() ? std::string("none") : joined(paths)));
    if (!m.partitions.empty())
        line(out, 4, "partition maps: " + joined(m.partitions));
    if (!m.holders.empty())
        line(out, 4, "holders: " + joined(m.holders));
    if (!m.mounts.empty())
        line(out, 4, "mounted on: " + joined(m.mounts));
}

std::string target_text(const RootTarget& t)
{
    std::vector<std::string> all = t.devices;
    all.insert(all.end(), t.maps.begin(), t.maps.end());
    return all.empty() ? "nothing" : joined(all);
}

std::string mount_text(const RootMount& m)
{
    return m.map ? m.map->name : m.device.empty() ? "nothing" : m.device;
}

Json finding_json(const Finding& f)
{
    return Json{{"code", to_string(f.code)}, {"subjects", f.subjects}, {"message", f.message}, {"remedy", f.remedy}};
}

}  // namespace

std::string format_diagnosis(const Diagnosis& d)
{
    std::string out = "Where\n";
    for (const auto& w : d.where)
        line(out, 2, w);
    out += "Devices\n";
    for (const auto& dev : d.devices)
        device_text(out, dev);
    if (d.devices.empty())
        line(out, 2, "none");
    out += "Maps\n";
    for (const auto& m : d.maps)
        map_text(out, m);
    if (d.maps.empty())
        line(out, 2, "none");
    out += "Configuration\n";
    for (const auto& c : d.config)
        line(out, 2, c);
    out += "Initramfs and real root: compared with " + d.compared_with + "\n";
    for (const auto& diff : d.differences) {
        line(out, 2, diff.file + ": " + diff.what);
        line(out, 4, "effect: " + diff.effect);
    }
    if (d.differences.empty())
        line(out, 2, "no difference");
    out += "Root\n";
    line(out, 2, d.root.spec.spec.empty() ? std::string("nothing names root")
                                          : d.root.spec.spec + " (" + d.root.spec.source + ")");
    line(out, 2, "resolves to: " + target_text(d.root.resolves_to));
    line(out, 2, "mounted on " + d.root.mountpoint + ": " + mount_text(d.root.mounted));
    line(out, 2, d.root.why);
    out += "Findings\n";
    for (std::size_t i = 0; i < d.findings.size(); ++i) {
        const Finding& f = d.findings[i];
        line(out, 2, std::to_string(i + 1) + ". " + to_string(f.code) + ": " + joined(f.subjects));
        line(out, 5, f.message);
        line(out, 5, "remedy: " + f.remedy);
    }
    if (d.findings.empty())
        line(out, 2, "none: nothing found wrong");
    return out;
}

std::string format_diagnosis_json(const Diagnosis& d)
{
    Json devices = Json::array();
    for (const auto& x : d.devices)
        devices.push_back({{"name", x.name}, {"devnum", x.devnum}, {"wwid", x.wwid}, {"wwid_source", x.wwid_source},
                           {"verdict", x.verdict}, {"find_multipaths", x.find_multipaths}, {"udev", x.udev},
                           {"holders", x.holders}, {"mountpoints", x.mounts}, {"swap", x.swap}, {"map", x.map}});
    Json maps = Json::array();
    for (const auto& m : d.maps) {
        Json paths = Json::array();
        for (const auto& p : m.paths)
            paths.push_back({{"dev", p.dev}, {"devnum", p.devnum}, {"state", p.state}});
        maps.push_back({{"name", m.name}, {"wwid", m.wwid}, {"devnum", m.devnum}, {"table", m.table},
                        {"paths", paths}, {"partition_maps", m.partitions}, {"holders", m.holders},
                        {"mountpoints", m.mounts}, {"open_count", m.open_count}});
    }
    Json differences = Json::array();
    for (const auto& x : d.differences)
        differences.push_back({{"file", x.file}, {"wwid", x.wwid}, {"what", x.what}, {"effect", x.effect}});
    Json root{{"spec", d.root.spec.spec},
              {"spec_source", d.root.spec.source},
              {"resolves_to", {{"devices", d.root.resolves_to.devices}, {"maps", d.root.resolves_to.maps}}},
              {"mountpoint", d.root.mountpoint},
              {"mounted_from", d.root.mounted.found() ? mount_text(d.root.mounted) : ""},
              {"why", d.root.why}};
    Json findings = Json::array();
    for (const auto& f : d.findings)
        findings.push_back(finding_json(f));
    Json all{{"where", d.where},   {"devices", devices},
             {"maps", maps},       {"config", d.config},
             {"compared_with", d.compared_with}, {"differences", differences},
             {"root", root},       {"findings", findings}};
    return all.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace mpb

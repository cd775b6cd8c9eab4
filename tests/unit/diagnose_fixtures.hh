// SPDX-License-Identifier: GPL-2.0-or-later
// Building blocks for the diagnose tests: one root's files from texts, and
// a diagnosis of a hand-made machine.
#pragma once

#include <string>

#include "core/diagnosis.hh"
#include "core/dm_name.hh"
#include "unit_fixtures.hh"

namespace mpb::test {

struct RootTexts {
    std::string conf;          // /etc/multipath.conf, "" for none
    std::string wwids;         // "" for none
    std::string bindings;      // "" for none
    std::string settings;      // /etc/mpath-boot.conf, "" for none
};

inline RootFiles root_files(const std::string& label, const RootTexts& t)
{
    RootFiles r;
    r.label = label;
    r.state_dir = "/etc/multipath";
    r.config = load_config(t.conf.empty() ? std::vector<ConfigText>{}
                                          : std::vector<ConfigText>{{"/etc/multipath.conf", t.conf}});
    r.wwids = parse_wwids(t.wwids, "/etc/multipath/wwids");
    r.bindings = parse_bindings(t.bindings, "/etc/multipath/bindings");
    r.settings = parse_boot_settings(t.settings, "/etc/mpath-boot.conf");
    auto keep = [&](const std::string& name, const std::string& text) {
        if (!text.empty())
            r.texts[name] = text;
    };
    keep("/etc/multipath.conf", t.conf);
    keep("/etc/multipath/wwids", t.wwids);
    keep("/etc/multipath/bindings", t.bindings);
    keep("/etc/mpath-boot.conf", t.settings);
    return r;
}

// A multipath map of `wwid` over `paths` ("8:0"), named `name`, every path
// active unless `failed`.
inline DmMap multipath_map(const std::string& name, const std::string& wwid, unsigned minor,
                           const std::vector<std::string>& paths, bool failed = false)
{
    DmMap m;
    m.name = name;
    m.uuid = map_uuid(wwid);
    m.devt = {253, minor};
    m.table = "0 2097152 multipath 0 0 1 1 service-time 0 " + std::to_string(paths.size()) + " 1";
    m.status = "0 2097152 multipath 2 0 0 0 1 1 A 0 " + std::to_string(paths.size()) + " 0";
    for (const auto& p : paths) {
        m.table += " " + p + " 1";
        m.status += std::string(" ") + p + (failed ? " F 1" : " A 0");
    }
    m.open_count = 1;
    return m;
}

// The partition map NAME-partN on the multipath map `parent`.
inline DmMap partition_map(const DmMap& parent, const std::string& wwid, unsigned n, unsigned minor)
{
    DmMap m;
    m.name = parent.name + "-part" + std::to_string(n);
    m.uuid = partition_uuid(n, wwid);
    m.devt = {253, minor};
    m.table = "0 1048576 linear " + parent.devt.str() + " 2048";
    return m;
}

struct Case {
    Snapshot snap = machine();
    RootFiles here = root_files("this initramfs", {});
    std::optional<RootFiles> other;
    bool in_initramfs = true;
    std::string wait_record;

    Diagnosis run() const
    {
        DiagnoseInput in{snap, here, other ? &*other : nullptr, other ? "" : "/sysroot is not mounted",
                         in_initramfs, wait_record, std::nullopt};
        return diagnose(in);
    }
};

inline std::vector<std::string> codes_of(const Diagnosis& d)
{
    std::vector<std::string> out;
    for (const auto& f : d.findings)
        out.push_back(to_string(f.code));
    return out;
}

// The first finding with `code`; a test asking for one that is not there fails.
inline const Finding& finding(const Diagnosis& d, FindingCode code)
{
    for (const auto& f : d.findings)
        if (f.code == code)
            return f;
    BOOST_FAIL("no finding " << to_string(code));
    throw std::logic_error("unreachable");
}

}  // namespace mpb::test

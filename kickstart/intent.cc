// SPDX-License-Identifier: GPL-2.0-or-later
#include "kickstart/intent.hh"

#include <algorithm>

#include "kickstart/resolve.hh"

namespace mpb::ks {

namespace {

Diagnostic error_at(const Place& at, const std::string& what)
{
    return make_diagnostic(Severity::error, at.file, at.line, 0, what);
}

class Resolver {
public:
    Resolver(const Snapshot& topology, const Config& cfg, Intent& out) : topo_(topology), cfg_(cfg), out_(out) {}

    void use(const std::string& wwid, const std::string& why)
    {
        auto& v = out_.volumes;
        if (std::none_of(v.begin(), v.end(), [&](const UsedVolume& u) { return u.wwid == wwid; }))
            v.push_back({wwid, why});
    }

    void disk(const DiskRef& d)
    {
        auto what = d.command + " " + d.text;
        auto v = resolve_disk(d.text, topo_, cfg_);
        if (!v)
            return out_.diagnostics.push_back(error_at(d.at, what + ": names no device"));
        if (v->wwid.empty())
            return out_.notes.push_back(what + " (" + d.at.str() + ") is left alone: " + v->why_not);
        use(v->wwid, what + " (" + d.at.str() + ")");
    }

    // The group's devices must all be paths of one volume.
    void legacy(const LegacyMap& g)
    {
        std::string wwid;
        for (const auto& dev : g.devices) {
            auto v = resolve_disk(dev.value, topo_, cfg_);
            auto what = "multipath --name=" + g.name + " --device=" + dev.value;
            if (!v)
                return out_.diagnostics.push_back(error_at(dev.at, what + ": names no device"));
            if (v->wwid.empty())
                return out_.diagnostics.push_back(error_at(dev.at, what + ": is no multipath path: " + v->why_not));
            if (!wwid.empty() && v->wwid != wwid)
                return out_.diagnostics.push_back(
                    error_at(dev.at, what + ": WWID " + v->wwid + " is not the group's WWID " + wwid));
            wwid = v->wwid;
        }
        if (!wwid.empty())
            alias({wwid, g.name, g.at});
    }

    void alias(const Alias& a)
    {
        for (const auto& b : out_.aliases) {
            if (b.wwid == a.wwid && b.alias == a.alias)
                return;
            if (b.wwid == a.wwid || b.alias == a.alias)
                return out_.diagnostics.push_back(error_at(
                    a.at, "alias " + a.alias + " for WWID " + a.wwid + " conflicts with alias " + b.alias +
                              " for WWID " + b.wwid + " (" + b.at.str() + ")"));
        }
        out_.aliases.push_back(a);
        out_.edits.multipaths.emplace_back(a.wwid, a.alias);
        use(a.wwid, "alias " + a.alias + " (" + a.at.str() + ")");
    }

private:
    const Snapshot& topo_;
    const Config& cfg_;
    Intent& out_;
};

void conf_edits(const Kickstart& ks, ConfEdits& e)
{
    if (ks.friendly_names)
        e.defaults.emplace_back("user_friendly_names", ks.friendly_names->value ? "yes" : "no");
    if (ks.find_multipaths)
        e.defaults.emplace_back("find_multipaths", ks.find_multipaths->value);
    if (ks.no_path_retry)
        e.defaults.emplace_back("no_path_retry", ks.no_path_retry->value);
    for (const auto& w : ks.blacklist_wwids)
        e.blacklist.emplace_back("wwid", w.value);
    for (const auto& d : ks.blacklist_devnodes)
        e.blacklist.emplace_back("devnode", d.value);
    for (const auto& w : ks.blacklist_exception_wwids)
        e.blacklist_exception_wwids.push_back(w.value);
}

}  // namespace

Intent resolve_intent(const Kickstart& ks, const Snapshot& topology, const Config& running)
{
    Intent out;
    out.diagnostics = ks.diagnostics;
    Resolver r(topology, running, out);
    for (const auto& a : ks.aliases)
        r.alias(a);
    for (const auto& g : ks.legacy)
        r.legacy(g);
    for (const auto& d : ks.disks)
        r.disk(d);
    conf_edits(ks, out.edits);
    return out;
}

}  // namespace mpb::ks

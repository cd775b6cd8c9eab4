// SPDX-License-Identifier: GPL-2.0-or-later
#include "kickstart/consistency.hh"

#include <algorithm>
#include <map>

#include "core/bindings.hh"
#include "core/dm_name.hh"
#include "core/path.hh"
#include "core/settings.hh"
#include "core/text.hh"
#include "core/wwids.hh"
#include "kickstart/mount_tables.hh"
#include "kickstart/resolve.hh"

namespace mpb::ks {

namespace {

// The value in force for a defaults keyword the kickstart can set.
std::string effective_default(const Config& c, const std::string& keyword)
{
    auto s = resolve_settings(c, {}, nullptr);
    if (keyword == "user_friendly_names")
        return s.user_friendly_names.value ? "yes" : "no";
    if (keyword == "find_multipaths")
        return to_string(s.find_multipaths.value);
    return to_string(s.no_path_retry.value);
}

// The kickstart's value as the configuration parser reads it, so that
// "yes" and "on" compare equal.
std::string asked_default(const std::string& keyword, const std::string& value)
{
    return effective_default(load_config({{"kickstart", "defaults {\n\t" + keyword + " " + value + "\n}\n"}}),
                             keyword);
}

// "NAME" of "NAME-partN".
std::string without_partition(const std::string& name)
{
    auto dash = name.rfind("-part");
    if (dash == std::string::npos || dash + 5 == name.size())
        return name;
    auto digits = std::string_view(name).substr(dash + 5);
    return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })
               ? name.substr(0, dash)
               : name;
}

class Checker {
public:
    Checker(const Kickstart& ks, const Intent& intent, const InstalledTexts& sys, const Snapshot& topology)
        : ks_(ks), intent_(intent), sys_(sys), topo_(topology)
    {
        std::vector<ConfigText> texts;
        if (sys.conf)
            texts.push_back({sys.shown(conf_path), *sys.conf});
        cfg_ = load_config(texts);
        bindings_ = parse_bindings(sys.bindings.value_or(""), sys.shown(bindings_path));
        wwids_ = parse_wwids(sys.wwids.value_or(""), sys.shown(wwids_path));
        tables_ = read_mount_tables(sys.fstab.value_or(""), sys.crypttab.value_or(""));
    }

    std::vector<std::string> run()
    {
        files_read_cleanly();
        defaults();
        for (const auto& a : intent_.aliases)
            alias(a);
        for (const auto& v : intent_.volumes)
            if (!wwids_.contains(v.wwid))
                say(sys_.shown(wwids_path) + ": WWID " + v.wwid + " is missing: the installation uses it (" +
                    v.why + ")");
        name_installed_maps();
        root_disk();
        for (const auto& r : tables_.fstab_refs)
            mapper_ref(r, fstab_path);
        for (const auto& r : tables_.crypttab_refs)
            mapper_ref(r, crypttab_path);
        dracut();
        return std::move(out_);
    }

private:
    void say(const std::string& line) { out_.push_back(line); }

    void files_read_cleanly()
    {
        for (const Diagnostics* ds : {&cfg_.diagnostics, &bindings_.problems, &wwids_.problems})
            for (const auto& d : *ds)
                say(d.text);
    }

    template <class T>
    void one_default(const std::optional<At<T>>& asked, const std::string& keyword, const std::string& value)
    {
        if (!asked)
            return;
        auto want = asked_default(keyword, value), have = effective_default(cfg_, keyword);
        if (want != have)
            say(sys_.shown(conf_path) + ": " + keyword + " is " + have + ", the kickstart asks for " + want + " (" +
                asked->at.str() + ")");
    }

    void defaults()
    {
        if (ks_.friendly_names)
            one_default(ks_.friendly_names, "user_friendly_names", ks_.friendly_names->value ? "yes" : "no");
        if (ks_.find_multipaths)
            one_default(ks_.find_multipaths, "find_multipaths", ks_.find_multipaths->value);
        if (ks_.no_path_retry)
            one_default(ks_.no_path_retry, "no_path_retry", ks_.no_path_retry->value);
    }

    void alias(const Alias& a)
    {
        const auto where = " (" + a.at.str() + ")";
        const auto* mp = cfg_.find_multipath(a.wwid);
        if (!mp || !mp->alias || mp->alias->value != a.alias)
            say(sys_.shown(conf_path) + ": WWID " + a.wwid + " has " +
                (mp && mp->alias ? "alias " + mp->alias->value : std::string("no alias")) +
                ", the kickstart names it " + a.alias + where);
        const auto bindings = sys_.shown(bindings_path);
        const auto* by_alias = bindings_.find_by_alias(a.alias);
        const auto* by_wwid = bindings_.find_by_wwid(a.wwid);
        if (by_alias && by_alias->wwid != a.wwid)
            say(bindings + ":" + std::to_string(by_alias->line) + ": " + a.alias + " is bound to WWID " +
                by_alias->wwid + ", the kickstart names WWID " + a.wwid + where);
        if (by_wwid && by_wwid->alias != a.alias)
            say(bindings + ":" + std::to_string(by_wwid->line) + ": WWID " + a.wwid + " is bound to " +
                by_wwid->alias + ", the kickstart names it " + a.alias + where);
        if (!by_alias && !by_wwid)
            say(bindings + ": " + a.alias + " is not bound to WWID " + a.wwid + where);
    }

    // The name the installed system gives each WWID it knows of (listed,
    // used, aliased or bound); a WWID that would get a new friendly name at
    // boot has no name yet.
    void name_installed_maps()
    {
        std::vector<std::string> wwids = wwids_.wwids;
        for (const auto& v : intent_.volumes)
            wwids.push_back(v.wwid);
        for (const auto& m : cfg_.multipaths)
            wwids.push_back(m.wwid);
        for (const auto& b : bindings_.entries)
            wwids.push_back(b.wwid);
        for (const auto& w : wwids)
            if (auto choice = name_of(w, cfg_, bindings_, topo_); !choice.new_binding)
                names_[choice.name] = w;
    }

    std::string root_wwid() const;

    void root_disk()
    {
        auto wwid = root_wwid();
        auto mode = resolve_settings(cfg_, {}, nullptr).find_multipaths.value;
        bool strict = mode == FindMultipaths::strict || mode == FindMultipaths::on;
        bool reported = std::any_of(intent_.volumes.begin(), intent_.volumes.end(),
                                    [&](const UsedVolume& v) { return v.wwid == wwid; });
        if (wwid.empty() || !strict || wwids_.contains(wwid) || reported)
            return;
        say(sys_.shown(wwids_path) + ": the root disk's WWID " + wwid + " (" + sys_.shown(fstab_path) + ":" +
            std::to_string(tables_.root_line) + ") is missing: under find_multipaths " + to_string(mode) +
            " its paths are not claimed at boot");
    }

    // Whether `name` is one a multipath map could have: worth checking.
    bool multipath_like(const std::string& name) const
    {
        const auto& prefix = resolve_settings(cfg_, {}, nullptr).alias_prefix.value;
        if (name.starts_with(prefix) && suffix_to_index(std::string_view(name).substr(prefix.size())))
            return true;
        if (bindings_.find_by_alias(name) || wwids_.contains(name))
            return true;
        if (std::any_of(cfg_.multipaths.begin(), cfg_.multipaths.end(),
                        [&](const MultipathEntry& m) { return m.alias && m.alias->value == name; }))
            return true;
        return std::any_of(topo_.maps.begin(), topo_.maps.end(),
                           [&](const DmMap& m) { return m.name == name && is_map_uuid(m.uuid); });
    }

    void mapper_ref(const MapperRef& r, const char* file)
    {
        auto base = without_partition(r.name);
        auto& targets = tables_.crypt_targets;
        if (names_.count(base) || std::find(targets.begin(), targets.end(), r.name) != targets.end())
            return;
        bool other_dm = std::any_of(topo_.maps.begin(), topo_.maps.end(), [&](const DmMap& m) {
            return m.name == r.name && wwid_of_dm(m).empty();
        });
        if (other_dm || !multipath_like(base))
            return;
        say(sys_.shown(file) + ":" + std::to_string(r.line) + ": " + r.written +
            ": no map of the installed system will have this name");
    }

    void dracut()
    {
        bool adds = false;
        const std::string text = sys_.dracut.value_or("");
        for (auto line : split_lines(text))
            adds = adds || (line.find("add_dracutmodules") != std::string_view::npos &&
                            line.find("mpath-boot") != std::string_view::npos);
        if (!adds)
            say(sys_.shown(dracut_path) + ": " + (sys_.dracut ? "does not add" : "missing: nothing adds") +
                " the mpath-boot module, so the installed system's dracut may leave it out");
    }

    const Kickstart& ks_;
    const Intent& intent_;
    const InstalledTexts& sys_;
    const Snapshot& topo_;
    Config cfg_;
    BindingsTable bindings_;
    WwidsTable wwids_;
    MountTables tables_;
    std::map<std::string, std::string> names_;  // installed map name -> WWID
    std::vector<std::string> out_;
};

// The device an fstab spec names: UUID=, LABEL=, /dev/disk/by-uuid/...,
// /dev/disk/by-label/..., /dev/NAME.
const BlockDevice* device_of_spec(const Snapshot& topo, const std::string& spec)
{
    static const std::pair<std::string_view, std::string_view> keyed[] = {
        {"UUID=", "ID_FS_UUID"}, {"LABEL=", "ID_FS_LABEL"},
        {"/dev/disk/by-uuid/", "ID_FS_UUID"}, {"/dev/disk/by-label/", "ID_FS_LABEL"}};
    for (const auto& [prefix, key] : keyed)
        if (spec.starts_with(prefix)) {
            auto value = std::string_view(spec).substr(prefix.size());
            for (const auto& d : topo.devices)
                if (const std::string* v = d.property(key); v && *v == value)
                    return &d;
            return nullptr;
        }
    return spec.starts_with("/dev/") ? topo.find_device(std::string_view(spec).substr(5)) : nullptr;
}

std::string Checker::root_wwid() const
{
    if (!tables_.root_device)
        return "";
    if (auto name = mapper_name(*tables_.root_device)) {
        if (auto it = names_.find(without_partition(*name)); it != names_.end())
            return it->second;
        for (const auto& m : topo_.maps)
            if (m.name == *name)
                return wwid_of_dm(m);
        return "";
    }
    const BlockDevice* d = device_of_spec(topo_, *tables_.root_device);
    if (d && d->partition)
        d = topo_.find_device(d->parent);
    if (!d)
        return "";
    if (const DmMap* m = topo_.find_map_by_kernel_name(d->name))
        return wwid_of_dm(*m);
    auto v = evaluate_path(*d, topo_, cfg_);
    return v.path ? v.path->wwid : "";
}

}  // namespace

std::vector<std::string> inconsistencies(const Kickstart& ks, const Intent& intent, const InstalledTexts& sys,
                                         const Snapshot& topology)
{
    return Checker(ks, intent, sys, topology).run();
}

}  // namespace mpb::ks

// SPDX-License-Identifier: GPL-2.0-or-later
#include "kickstart/plan.hh"

#include "core/bindings.hh"
#include "core/conf_edit.hh"
#include "core/text.hh"
#include "core/wwids.hh"
#include "kickstart/resolve.hh"

namespace mpb::ks {

namespace {

constexpr unsigned state_mode = 0600;      // bindings and wwids, as multipath-tools creates them
constexpr unsigned state_dir_mode = 0700;  // etc/multipath, likewise

constexpr const char* dracut_text =
    "# Written by mpath-boot-ks: the initramfs assembles the multipath maps of\n"
    "# the volumes in /etc/multipath/wwids with mpath-boot (mpath-boot(8)).\n"
    "add_dracutmodules+=\" mpath-boot \"\n";

Diagnostic error(const std::string& file, const std::string& what)
{
    return make_diagnostic(Severity::error, file, 0, 0, what);
}

// The installer's main file and conf.d files as one text: the installed
// system gets the configuration the installer ran with.
std::string joined_config(const RunningFiles& running)
{
    std::string text;
    for (std::size_t i = 0; i < running.config.size(); ++i) {
        if (i > 0)
            text += "\n# From " + running.config[i].file + " (added by mpath-boot-ks)\n";
        text += running.config[i].text;
        if (!text.empty() && text.back() != '\n')
            text += '\n';
    }
    return text;
}

// `text` without its line `n` (1-based).
std::string without_line(std::string_view text, int n)
{
    std::string out;
    int i = 0;
    for (auto line : split_lines(text))
        if (++i != n)
            out += std::string(line) + "\n";
    return out;
}

class Planner {
public:
    Planner(const Snapshot& topology, const RunningFiles& running, const InstalledTexts& installed, Plan& plan)
        : topo_(topology), running_(running), installed_(installed), plan_(plan) {}

    void run(const Intent& intent)
    {
        auto conf = edit_multipath_conf(joined_config(running_), installed_.shown(conf_path), intent.edits);
        if (!conf)
            return plan_.diagnostics.push_back(error(installed_.shown(conf_path), conf.error()));
        Config cfg = load_config({{installed_.shown(conf_path), conf.value()}});
        add({conf_path, conf.value(), 0644, 0755, describe(intent.edits)});
        wwids(intent);
        bindings(intent, cfg);
        add({dracut_path, dracut_text, 0644, 0755, {"add_dracutmodules mpath-boot"}});
    }

private:
    void add(PlannedFile f) { plan_.files.push_back(std::move(f)); }

    static std::vector<std::string> describe(const ConfEdits& e)
    {
        std::vector<std::string> out;
        for (const auto& [k, v] : e.defaults)
            out.push_back("defaults " + k + " " + v);
        for (const auto& [k, v] : e.blacklist)
            out.push_back("blacklist " + k + " " + v);
        for (const auto& w : e.blacklist_exception_wwids)
            out.push_back("blacklist_exceptions wwid " + w);
        for (const auto& [w, a] : e.multipaths)
            out.push_back("multipath wwid " + w + " alias " + a);
        return out;
    }

    void wwids(const Intent& intent)
    {
        std::vector<std::string> list;
        for (const auto& v : intent.volumes)
            list.push_back(v.wwid);
        auto text = append_wwids(running_.wwids.value_or(""), list, installed_.shown(wwids_path));
        if (!text)
            return plan_.diagnostics.push_back(error(installed_.shown(wwids_path), text.error()));
        auto old = parse_wwids(running_.wwids.value_or(""), running_.wwids_file);
        std::vector<std::string> added;
        for (const auto& w : list)
            if (!old.contains(w))
                added.push_back("wwid " + w);
        add({wwids_path, text.value(), state_mode, state_dir_mode, added});
    }

    // An alias takes the place of the WWID's old binding; an alias bound
    // to another WWID is an error.
    bool rebind(const Alias& a, BindingsTable& table, std::string& text)
    {
        if (const auto* b = table.find_by_alias(a.alias); b && b->wwid != a.wwid) {
            plan_.diagnostics.push_back(make_diagnostic(
                Severity::error, a.at.file, a.at.line, 0,
                "alias " + a.alias + " for WWID " + a.wwid + " is bound to WWID " + b->wwid + " in " +
                    running_.bindings_file + ":" + std::to_string(b->line)));
            return false;
        }
        if (const auto* b = table.find_by_wwid(a.wwid); b && b->alias != a.alias) {
            plan_.notes.push_back(running_.bindings_file + ":" + std::to_string(b->line) + ": " + b->alias + " " +
                                  a.wwid + " becomes " + a.alias + " " + a.wwid + " (" + a.at.str() + ")");
            replaced_.push_back(b->alias);  // never handed to another WWID
            text = without_line(text, b->line);
            table = parse_bindings(text, running_.bindings_file);
        }
        return true;
    }

    void bindings(const Intent& intent, const Config& cfg)
    {
        std::string text = running_.bindings.value_or("");
        auto table = parse_bindings(text, running_.bindings_file);
        std::vector<Binding> fresh;
        for (const auto& a : intent.aliases) {
            if (!rebind(a, table, text))
                return;
            fresh.push_back({a.alias, a.wwid, 0});
        }
        BindingsTable with_fresh = table;
        for (const auto& b : fresh)
            with_fresh.add(b);
        for (const auto& v : intent.volumes)
            if (auto choice = name_of(v.wwid, cfg, with_fresh, topo_, replaced_); choice.new_binding) {
                fresh.push_back({choice.name, v.wwid, 0});
                with_fresh.add(fresh.back());
            }
        auto out = append_bindings(text, fresh, installed_.shown(bindings_path));
        if (!out)
            return plan_.diagnostics.push_back(error(installed_.shown(bindings_path), out.error()));
        std::vector<std::string> added;
        for (const auto& b : fresh)
            if (!table.find_by_alias(b.alias))
                added.push_back("binding " + b.alias + " " + b.wwid);
        add({bindings_path, out.value(), state_mode, state_dir_mode, added});
    }

    const Snapshot& topo_;
    const RunningFiles& running_;
    const InstalledTexts& installed_;
    Plan& plan_;
    std::vector<std::string> replaced_;  // friendly names an alias took the place of
};

// The installed system as it would be with the planned files.
InstalledTexts with_planned(InstalledTexts t, const Plan& plan)
{
    for (const auto& f : plan.files) {
        std::string_view p = f.path;
        auto& slot = p == conf_path ? t.conf : p == wwids_path ? t.wwids : p == bindings_path ? t.bindings : t.dracut;
        slot = f.text;
    }
    return t;
}

Config running_config(const RunningFiles& running) { return load_config(running.config); }

}  // namespace

Plan plan_sysroot(const Kickstart& ks, const Snapshot& topology, const RunningFiles& running,
                  const InstalledTexts& installed)
{
    Plan plan;
    Intent intent = resolve_intent(ks, topology, running_config(running));
    plan.diagnostics = intent.diagnostics;
    plan.notes = intent.notes;
    if (has_error(plan.diagnostics))
        return plan;
    Planner(topology, running, installed, plan).run(intent);
    if (has_error(plan.diagnostics)) {
        plan.files.clear();  // nothing is half planned
        return plan;
    }
    for (const auto& line : inconsistencies(ks, intent, with_planned(installed, plan), topology))
        plan.diagnostics.push_back({Severity::error, "the installed system would not be consistent: " + line});
    if (has_error(plan.diagnostics))
        plan.files.clear();
    return plan;
}

std::vector<std::string> check_sysroot(const Kickstart& ks, const Snapshot& topology,
                                       const RunningFiles& running, const InstalledTexts& installed)
{
    Intent intent = resolve_intent(ks, topology, running_config(running));
    std::vector<std::string> out;
    for (const auto& d : intent.diagnostics)
        if (d.severity == Severity::error)
            out.push_back(d.text);
    if (!out.empty())
        return out;
    return inconsistencies(ks, intent, installed, topology);
}

}  // namespace mpb::ks

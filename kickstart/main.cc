// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot-ks: the installer helper. Reads a kickstart file, the
// topology and the installer's multipath files, and writes a consistent
// multipath.conf, wwids and bindings (and a dracut snippet) into the
// installed system; or shows them (--dry-run), or checks them (--check).
#include <cstdio>
#include <optional>
#include <string>

#include "cmd/manual.hh"
#include "kickstart/options.hh"
#include "kickstart/plan.hh"
#include "kickstart/reader.hh"
#include "sys/config_files.hh"
#include "sys/log.hh"
#include "sys/machine.hh"
#include "sys/sysroot_files.hh"

extern char** environ;

namespace mpb::ks {

namespace {

void report(const Logger& log, const Diagnostics& ds)
{
    for (const auto& d : ds)
        log.log(d.severity == Severity::error ? LogLevel::error : LogLevel::warning, d.text);
}

Result<Snapshot> topology(const KsOptions& o)
{
    if (o.replay.empty())
        return live_machine(environ)->snapshot();
    auto m = replay_machine(o.replay);
    return m ? m.value()->snapshot() : Result<Snapshot>::fail(m.error());
}

Result<RunningFiles> running_files(const KsOptions& o)
{
    auto& files = host_files();
    auto config = read_config_texts(files, o.config, o.config_dir);
    if (!config)
        return Result<RunningFiles>::fail("cannot read the installer's configuration: " + config.error());
    RunningFiles r{config.value(), {}, {}, o.state_dir + "/bindings", o.state_dir + "/wwids"};
    for (auto [text, file] : {std::pair{&r.bindings, r.bindings_file}, std::pair{&r.wwids, r.wwids_file}}) {
        auto t = files.read(file);
        if (!t)
            return Result<RunningFiles>::fail("cannot read " + t.error());
        *text = t.value();
    }
    return Result<RunningFiles>::ok(std::move(r));
}

Result<InstalledTexts> installed_texts(const SysrootFiles& root)
{
    InstalledTexts t;
    t.dir = root.dir();
    std::pair<const char*, std::optional<std::string>*> slots[] = {
        {conf_path, &t.conf},   {wwids_path, &t.wwids}, {bindings_path, &t.bindings},
        {dracut_path, &t.dracut}, {fstab_path, &t.fstab}, {crypttab_path, &t.crypttab}};
    for (auto [path, slot] : slots) {
        auto text = root.read(std::string("/") + path);
        if (!text)
            return Result<InstalledTexts>::fail(text.error());
        *slot = text.value();
    }
    return Result<InstalledTexts>::ok(std::move(t));
}

int check(const Kickstart& ks, const Snapshot& topo, const RunningFiles& running, const InstalledTexts& sys)
{
    auto lines = check_sysroot(ks, topo, running, sys);
    for (const auto& l : lines)
        std::printf("%s\n", l.c_str());
    return lines.empty() ? 0 : 1;
}

void show(const Plan& plan, const InstalledTexts& sys)
{
    for (const auto& f : plan.files)
        std::printf("# %s (mode %04o)\n%s", sys.shown(f.path).c_str(), f.mode, f.text.c_str());
}

// What the installed system has of `path` now.
const std::optional<std::string>& current(const InstalledTexts& sys, std::string_view path)
{
    return path == conf_path ? sys.conf : path == wwids_path ? sys.wwids : path == bindings_path ? sys.bindings
                                                                                                : sys.dracut;
}

int write(const Plan& plan, const InstalledTexts& sys, SysrootFiles& root, const Logger& log)
{
    for (const auto& f : plan.files) {
        const auto shown = sys.shown(f.path);
        if (current(sys, f.path) == f.text) {
            std::printf("unchanged %s\n", shown.c_str());
            continue;
        }
        WriteOptions opts;
        opts.mode = f.mode;
        opts.dir_mode = f.dir_mode;
        opts.create_parent = true;
        if (auto w = root.write_atomically(std::string("/") + f.path, f.text, opts); !w) {
            log.error(w.error());
            return 1;
        }
        std::printf("wrote %s\n", shown.c_str());
        for (const auto& a : f.added)
            std::printf("  added %s\n", a.c_str());
    }
    return 0;
}

int run(const KsOptions& o, const Logger& log)
{
    auto ks = read_kickstart(o.kickstart, [](const std::string& p) { return host_files().read(p); });
    report(log, ks.diagnostics);
    if (has_error(ks.diagnostics))
        return 1;
    auto topo = topology(o);
    auto running = topo ? running_files(o) : Result<RunningFiles>::fail(topo.error());
    auto root = running ? SysrootFiles::open(o.sysroot) : Result<SysrootFiles>::fail(running.error());
    auto sys = root ? installed_texts(root.value()) : Result<InstalledTexts>::fail(root.error());
    if (!sys) {
        log.error(sys.error());
        return 1;
    }
    if (o.check)
        return check(ks, topo.value(), running.value(), sys.value());
    auto plan = plan_sysroot(ks, topo.value(), running.value(), sys.value());
    for (const auto& n : plan.notes)
        log.info(n);
    report(log, plan.diagnostics);
    if (has_error(plan.diagnostics))
        return 1;
    if (o.dry_run)
        return show(plan, sys.value()), 0;
    return write(plan, sys.value(), root.value(), log);
}

}  // namespace

}  // namespace mpb::ks

int main(int argc, char** argv)
{
    mpb::Logger log;
    log.program = "mpath-boot-ks";
    auto o = mpb::ks::parse_ks_options(argc, argv);
    if (!o) {
        log.error(o.error());
        return 2;
    }
    log.verbosity = o->verbosity;
    if (o->help || o->version) {
        auto page = mpb::manual_page();
        if (o->version)
            std::printf("mpath-boot-ks %s\n", PACKAGE_VERSION);
        else
            std::fwrite(page.data(), 1, page.size(), stdout);
        return 0;
    }
    return mpb::ks::run(o.value(), log);
}

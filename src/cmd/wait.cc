// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot wait: dracut's initqueue runs it as a "finished" hook, about
// twice a second, until it exits 0. It looks once and answers at once: the
// boot goes on when every volume of the wwids file has come, or when the
// wait is over, and then it says once which volumes did not come.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/kernel_cmdline.hh"
#include "core/text.hh"
#include "core/uptime.hh"
#include "core/wwid_arrival.hh"

namespace mpb {

namespace {

using Millis = std::chrono::milliseconds;

// The wait's clock: --now, else the monotonic clock (time since boot,
// without suspend), which no one can set back.
Result<Millis> wait_clock(const Invocation& inv)
{
    auto now = inv.value("--now");
    if (now.empty())
        return Result<Millis>::ok(std::chrono::duration_cast<Millis>(
            std::chrono::steady_clock::now().time_since_epoch()));
    auto t = parse_whole_seconds(now);
    return t ? Result<Millis>::ok(Millis(t.value())) : Result<Millis>::fail("wait: --now " + t.error());
}

struct Start {
    Millis at;
    bool first;  // this call began the wait
};

WriteOptions run_file()
{
    WriteOptions w;
    w.lock_timeout = Millis(500);  // no one else locks these files; never hang the boot on one
    w.create_parent = true;
    return w;
}

// When the wait began: DIR/wait-start, written by the first call.
Result<Start> start_of_wait(Files& files, const std::string& run_dir, Millis now)
{
    const std::string file = run_dir + "/wait-start";
    if (auto text = files.read(file); text && text.value())
        if (auto at = parse_uptime(**text))
            return Result<Start>::ok({Millis(*at), false});
    if (auto w = files.write_atomically(file, format_uptime(now.count()), run_file()); !w)
        return Result<Start>::fail("cannot record the start of the wait: " + w.error());
    return Result<Start>::ok({now, true});
}

// Problems with the inputs are said by the first call; the next ones,
// twice a second, would only repeat them.
void report_once(const Logger& log, const Diagnostics& ds, bool first)
{
    if (first)
        return report(log, ds);
    for (const auto& d : ds)
        log.log(LogLevel::debug, d.text);
}

// --cmdline FILE, else the machine's (/proc/cmdline or the snapshot's);
// an unreadable /proc/cmdline is an empty line, and an error.
Result<SourcedText> kernel_cmdline_text(const Invocation& inv, Machine& machine)
{
    auto file = inv.value("--cmdline");
    if (file.empty()) {
        auto line = machine.cmdline();
        if (line)
            return line;
        inv.log.error("wait: cannot read the kernel command line: " + line.error() + "; taken as empty");
        return Result<SourcedText>::ok({"", "/proc/cmdline"});
    }
    auto text = read_existing(inv.files(), file);
    if (!text)
        return Result<SourcedText>::fail("wait: cannot read the kernel command line: " + text.error());
    return Result<SourcedText>::ok({text.value(), file});
}

// The machine as far as needed: when every WWID has its map the block
// devices are not read. Maps are read from sysfs, so libdevmapper is
// never loaded and no dm lock is waited for.
Result<Snapshot> machine_snapshot(Machine& machine, const WwidsTable& wwids)
{
    Snapshot maps_only;
    maps_only.maps = machine.map_names();
    if (all_wwids_mapped(maps_only.maps, wwids))
        return Result<Snapshot>::ok(std::move(maps_only));
    return machine.snapshot_with(std::move(maps_only.maps));
}

// Everything one call reads after the command line.
struct Setup {
    Files& files;
    PathWait wait;
    Start start;
    Logger log;
    std::string run_dir;
};

// The warnings for the WWIDs that did not come, once: DIR/wait-gave-up
// keeps them and tells the next calls they were given.
void give_up(const Setup& w, const std::vector<Arrival>& arrivals, const std::string& wwids_file)
{
    std::string lines;
    for (const auto& a : arrivals)
        if (!a.settled())
            lines += "gave up after " + std::to_string(w.wait.seconds) + " s waiting for WWID " +
                     a.wwid + " (listed in " + wwids_file + "): " + a.reason + "\n";
    auto kept = w.files.write_atomically(w.run_dir + "/wait-gave-up", lines, run_file());
    for (auto line : split_lines(lines))
        w.log.warning(std::string(line));
    w.log.warning("wait: `mpath-boot diagnose` tells why and what to do");
    w.log.info("wait: the wait was " + w.wait.reason);
    if (!kept)
        w.log.error("wait: " + kept.error() + "; the warnings above may be repeated");
}

// Where each WWID stands now; when the machine cannot be read, every WWID
// is missing for that reason.
std::vector<Arrival> arrivals_now(const Config& config, const StateFiles& state, Machine& machine)
{
    auto snap = machine_snapshot(machine, state.wwids);
    if (snap) {
        PlanInput in{config, state.wwids, state.bindings, snap->maps, true, state.bindings_readable};
        return wwid_arrivals(snap.value(), in);
    }
    std::vector<Arrival> out;
    for (const auto& w : state.wwids.wwids)
        out.push_back({w, Arrival::State::missing, "the block devices could not be read: " + snap.error()});
    return out;
}

// The answer once the wait is set up: 0 when nothing is awaited any more
// or the wait is over, 1 otherwise.
int look(const CliOptions& o, const Setup& w, Millis now, Machine& machine)
{
    Config config = read_config(w.files, o.config, o.config_dir);
    StateFiles state = read_state(w.files, o.state_dir);
    report_once(w.log, config.diagnostics, w.start.first);
    report_once(w.log, state.problems, w.start.first);
    const std::string wwids_file = o.state_dir + "/wwids";
    if (state.wwids.wwids.empty()) {
        w.log.log(LogLevel::debug, "wait: no WWID in " + wwids_file + "; nothing to wait for");
        return 0;
    }
    auto arrivals = arrivals_now(config, state, machine);
    for (const auto& a : arrivals)
        w.log.log(LogLevel::debug, "wait: WWID " + a.wwid + ": " + a.reason);
    if (std::all_of(arrivals.begin(), arrivals.end(), [](const Arrival& a) { return a.settled(); }))
        return 0;
    if (now - w.start.at < std::chrono::seconds(w.wait.seconds))
        return 1;
    give_up(w, arrivals, wwids_file);
    return 0;
}

// The wait as the settings and the command line bound it, begun by the
// first call; nullopt when it cannot be kept track of (logged).
std::optional<Setup> set_up(const Invocation& inv, const KernelCmdline& k, Millis now)
{
    auto settings = read_boot_settings(inv.files(), inv.options.settings);
    auto run_dir = inv.value("--run-dir");
    Setup w{inv.files(), effective_path_wait(settings, k), {}, with_log_level(inv.log, inv.options, settings),
            run_dir.empty() ? "/run/mpath-boot" : run_dir};
    auto start = start_of_wait(w.files, w.run_dir, now);
    if (!start) {
        w.log.error("wait: " + start.error() + "; not waiting");
        return std::nullopt;
    }
    w.start = start.value();
    report_once(w.log, settings.diagnostics, w.start.first);
    report_once(w.log, k.diagnostics, w.start.first);
    w.log.log(LogLevel::debug, "wait: " + std::to_string(w.wait.seconds) + " s: " + w.wait.reason);
    return w;
}

}  // namespace

int run_wait(const Invocation& inv)
{
    auto now = wait_clock(inv);
    auto machine = inv.machine();
    auto cmdline = machine ? kernel_cmdline_text(inv, *machine.value())
                           : Result<SourcedText>::fail(machine.error());
    if (!now || !cmdline)
        return inv.fail(!now ? now.error() : cmdline.error(), 2);
    auto k = parse_kernel_cmdline(cmdline->text, cmdline->source);
    if (k.disabled) {
        inv.log.log(LogLevel::debug, "wait: turned off by " + k.disabled_by + " on the kernel command line");
        return 0;
    }
    auto w = set_up(inv, k, now.value());
    if (!w || w->wait.seconds == 0 || w->files.exists(w->run_dir + "/wait-gave-up"))
        return 0;
    return look(inv.options, *w, now.value(), *machine.value());
}

}  // namespace mpb

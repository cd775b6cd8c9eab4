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
#include "core/wwid_arrival.hh"
#include "sys/live_snapshot.hh"
#include "sys/safe_write.hh"

namespace mpb {

namespace {

const char* wait_help()
{
    return R"(NAME
       mpath-boot wait - tell dracut whether the multipath volumes have come

SYNOPSIS
       mpath-boot [OPTIONS] wait [--cmdline FILE] [--run-dir DIR]
                  [--replay FILE] [--now SECONDS]

DESCRIPTION
       Meant for dracut's initqueue as a "finished" hook, which runs it about
       twice a second until it exits 0. Each run looks once and returns at
       once; it never waits itself.

       It exits 0 when, for every WWID of the wwids file, a multipath map
       with dm UUID mpath-WWID exists, or a device of that WWID is there
       that is no path (blacklisted, in use, ...: as "mpath-boot dry-run"
       decides), so no map will be built for it. Else it exits 1, silently,
       until the wait is over.

       The wait is path_wait seconds (mpath-boot.conf(5), default 30),
       rd.mpath_boot.wait=SECONDS on the kernel command line instead, capped
       by dracut's rd.timeout=SECONDS unless that is 0. It runs from the
       first call, whose time is kept in DIR/wait-start. When it is over,
       wait exits 0 and logs, once, a warning for each WWID that did not
       come:

              gave up after 30 s waiting for WWID WWID (listed in
              /etc/multipath/wwids): no path arrived

       In the initramfs the messages also go to the kernel log, so the
       journal keeps them. Problems with the settings file, multipath.conf,
       the wwids file or the kernel command line are logged by the first
       call only.

       Turned off by rd.mpath_boot=0, rd.multipath=0, nompath or
       multipath=off on the kernel command line: exits 0 at once. With a
       wait of 0 it exits 0 at once too. Without -v or -q, messages are
       those log_level in the settings file asks for.

OPTIONS
       --cmdline FILE
              Read the kernel command line from FILE. Default: /proc/cmdline,
              or with --replay the snapshot's command line.

       --run-dir DIR
              Where the start of the wait and the warnings given are kept
              (created when missing). Default: /run/mpath-boot.

       --replay FILE
              Look at the snapshot FILE instead of the running system.

       --now SECONDS
              For tests: the time on the wait's clock (CLOCK_MONOTONIC, in
              whole seconds), instead of the clock itself.

       -h, --help
              Show this manual and exit.

EXIT STATUS
       0 when the boot may go on: every WWID has come, the wait is over, it
       is turned off, or a problem (logged) makes waiting impossible; 1 when
       a WWID is still awaited; 2 on a usage error or an unreadable
       --cmdline or --replay FILE.

FILES
       /etc/mpath-boot.conf, /etc/multipath/wwids, /proc/cmdline,
       /run/mpath-boot/wait-start, /run/mpath-boot/wait-gave-up
)";
}

using Millis = std::chrono::milliseconds;

// The wait's clock: --now, else the monotonic clock (time since boot,
// without suspend), which no one can set back.
Result<Millis> wait_clock(const SubArgs& args)
{
    auto it = args.values.find("--now");
    if (it == args.values.end())
        return Result<Millis>::ok(std::chrono::duration_cast<Millis>(
            std::chrono::steady_clock::now().time_since_epoch()));
    long long s = -1;
    if (!parse_int(it->second, s) || s < 0 || s > 1000000000)
        return Result<Millis>::fail("wait: --now " + quoted(it->second) +
                                    " is not a whole number of seconds");
    return Result<Millis>::ok(Millis(s * 1000));
}

// "12.345": seconds, as /proc/uptime shows them.
std::string format_time(Millis t)
{
    auto ms = std::to_string(t.count() % 1000);
    return std::to_string(t.count() / 1000) + "." + std::string(3 - ms.size(), '0') + ms + "\n";
}

std::optional<Millis> parse_time(std::string_view text)
{
    auto t = trim(text);
    auto dot = t.find('.');
    long long s = -1, ms = -1;
    if (dot == std::string_view::npos || t.size() != dot + 4 || !parse_int(t.substr(0, dot), s) ||
        !parse_int(t.substr(dot + 1), ms) || s < 0 || ms < 0)
        return std::nullopt;
    return Millis(s * 1000 + ms);
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
Result<Start> start_of_wait(const std::string& run_dir, Millis now)
{
    const std::string file = run_dir + "/wait-start";
    if (file_exists(file))
        if (auto text = read_file(file))
            if (auto at = parse_time(text.value()))
                return Result<Start>::ok({*at, false});
    if (auto w = write_file_atomically(file, format_time(now), run_file()); !w)
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

struct CmdlineText {
    std::string text;
    std::string source;
};

// --cmdline FILE, else the snapshot's line under --replay, else
// /proc/cmdline (unreadable: an empty line, and an error).
Result<CmdlineText> kernel_cmdline_text(const SubArgs& args, const std::optional<Snapshot>& replay,
                                        const Logger& log)
{
    auto it = args.values.find("--cmdline");
    if (it == args.values.end() && replay)
        return Result<CmdlineText>::ok({replay->cmdline, "kernel command line of the snapshot"});
    std::string file = it != args.values.end() ? it->second : "/proc/cmdline";
    auto text = read_file(file);
    if (text)
        return Result<CmdlineText>::ok({text.value(), file});
    if (it != args.values.end())
        return Result<CmdlineText>::fail("wait: cannot read the kernel command line: " + text.error());
    log.error("wait: cannot read the kernel command line: " + text.error() + "; taken as empty");
    return Result<CmdlineText>::ok({"", file});
}

Result<std::optional<Snapshot>> replay_snapshot(const SubArgs& args)
{
    auto it = args.values.find("--replay");
    if (it == args.values.end())
        return Result<std::optional<Snapshot>>::ok(std::nullopt);
    auto snap = read_snapshot_file(it->second);
    if (!snap)
        return Result<std::optional<Snapshot>>::fail(snap.error());
    return Result<std::optional<Snapshot>>::ok(std::move(snap.value()));
}

bool all_mapped(const std::vector<DmMap>& maps, const WwidsTable& wwids)
{
    return std::all_of(wwids.wwids.begin(), wwids.wwids.end(), [&](const std::string& w) {
        return std::any_of(maps.begin(), maps.end(),
                           [&](const DmMap& m) { return m.uuid == "mpath-" + w; });
    });
}

// The machine as far as needed: when every WWID has its map the block
// devices are not enumerated. Maps are read from sysfs, so libdevmapper is
// never loaded and no dm lock is waited for.
Result<Snapshot> machine_snapshot(std::optional<Snapshot>& replay, const WwidsTable& wwids)
{
    if (replay)
        return Result<Snapshot>::ok(std::move(*replay));
    Snapshot maps_only;
    maps_only.maps = sysfs_dm_maps();
    if (all_mapped(maps_only.maps, wwids))
        return Result<Snapshot>::ok(std::move(maps_only));
    return system_snapshot(std::move(maps_only.maps));
}

// Everything one call reads after the command line.
struct Setup {
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
    auto kept = write_file_atomically(w.run_dir + "/wait-gave-up", lines, run_file());
    for (auto line : split_lines(lines))
        w.log.warning(std::string(line));
    w.log.info("wait: the wait was " + w.wait.reason);
    if (!kept)
        w.log.error("wait: " + kept.error() + "; the warnings above may be repeated");
}

// Where each WWID stands now; when the machine cannot be read, every WWID
// is missing for that reason.
std::vector<Arrival> arrivals_now(const Config& config, const StateFiles& state,
                                  std::optional<Snapshot>& replay)
{
    auto snap = machine_snapshot(replay, state.wwids);
    if (snap) {
        PlanInput in{config, state.wwids, state.bindings, snap->maps, true, state.bindings_readable};
        return wwid_arrivals(snap.value(), in);
    }
    std::vector<Arrival> out;
    for (const auto& w : state.wwids.wwids)
        out.push_back({w, Arrival::State::missing,
                       "the block devices could not be read: " + snap.error()});
    return out;
}

// The answer once the wait is set up: 0 when nothing is awaited any more
// or the wait is over, 1 otherwise.
int look(const CliOptions& o, const Setup& w, Millis now, std::optional<Snapshot>& replay)
{
    Config config = read_config(o.config, o.config_dir);
    StateFiles state = read_state(o.state_dir);
    report_once(w.log, config.diagnostics, w.start.first);
    report_once(w.log, state.problems, w.start.first);
    const std::string wwids_file = o.state_dir + "/wwids";
    if (state.wwids.wwids.empty()) {
        w.log.log(LogLevel::debug, "wait: no WWID in " + wwids_file + "; nothing to wait for");
        return 0;
    }
    auto arrivals = arrivals_now(config, state, replay);
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
std::optional<Setup> set_up(const CliOptions& o, const SubArgs& args, const KernelCmdline& k,
                            Millis now, const Logger& log)
{
    auto settings = read_boot_settings(o.settings);
    auto it = args.values.find("--run-dir");
    Setup w{effective_path_wait(settings, k), {}, with_log_level(log, o, settings),
            it != args.values.end() ? it->second : "/run/mpath-boot"};
    auto start = start_of_wait(w.run_dir, now);
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

int cmd_wait(const CliOptions& o, const Logger& log)
{
    auto args = parse_sub_args("wait", o.args, {"--replay", "--cmdline", "--run-dir", "--now"}, {});
    if (!args) {
        log.error(args.error());
        return 2;
    }
    if (o.help) {
        std::fputs(wait_help(), stdout);
        return 0;
    }
    if (!args->words.empty()) {
        log.error("wait: unexpected argument " + args->words.front() + " (see mpath-boot wait --help)");
        return 2;
    }
    auto now = wait_clock(args.value());
    auto replay = replay_snapshot(args.value());
    auto cmdline = replay ? kernel_cmdline_text(args.value(), replay.value(), log)
                          : Result<CmdlineText>::fail(replay.error());
    if (!now || !cmdline) {
        log.error(!now ? now.error() : cmdline.error());
        return 2;
    }
    auto k = parse_kernel_cmdline(cmdline->text, cmdline->source);
    if (k.disabled) {
        log.log(LogLevel::debug,
                "wait: turned off by " + k.disabled_by + " on the kernel command line");
        return 0;
    }
    auto w = set_up(o, args.value(), k, now.value(), log);
    if (!w || w->wait.seconds == 0 || file_exists(w->run_dir + "/wait-gave-up"))
        return 0;
    return look(o, *w, now.value(), replay.value());
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "cmd/command.hh"

#include <algorithm>
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/manual.hh"
#include "core/path.hh"
#include "core/prio.hh"
#include "sys/config_files.hh"

extern char** environ;

namespace mpb {

namespace {

const Command table[] = {
    {"udev-check", {}, {}, {1, 1, "DEVNAME"}, run_udev_check},
    {"assemble", {}, {}, {0, -1, ""}, run_assemble, {"--state-dir"}},
    {"dry-run", {}, {}, {0, 0, ""}, run_dry_run},
    {"status", {}, {"--json"}, {0, 0, ""}, run_status},
    {"capture", {}, {}, {1, 1, "OUTPUT file"}, run_capture},
    {"wait", {"--cmdline", "--run-dir", "--now"}, {}, {0, 0, ""}, run_wait, {"--run-dir"}},
    {"handover", {"--sysroot", "--run-dir"}, {"--no-rename"}, {0, 0, ""}, run_handover, {"--run-dir"}},
    {"disable-queueing", {}, {}, {0, -1, ""}, run_disable_queueing},
    {"show-config", {}, {}, {0, 0, ""}, run_show_config},
    {"wwids", {}, {}, {1, -1, "add|remove|list"}, run_wwids},
    {"diagnose", {"--capture", "--initramfs"}, {"--json"}, {0, 0, ""}, run_diagnose},
    {"self-test", {}, {}, {0, 0, ""}, run_self_test},
};

constexpr const char* replay_option = "--replay";

bool named(const OptionNames& names, std::string_view option)
{
    return !option.empty() && std::find(names.begin(), names.end(), option) != names.end();
}

std::string see_help(const Command& c) { return " (see mpath-boot " + std::string(c.name) + " --help)"; }

// Valued options take --x V or --x=V; anything else starting with "-" is
// unknown; the rest are words.
Result<SubArgs> parse_sub_args(const Command& c, const std::vector<std::string>& args)
{
    SubArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string name = a.substr(0, a.find('='));
        if (named(c.valued, name) || name == replay_option) {
            std::string value = name.size() < a.size() ? a.substr(name.size() + 1)
                                : i + 1 < args.size()   ? args[++i]
                                                        : std::string();
            if (value.empty())
                return Result<SubArgs>::fail(std::string(c.name) + ": option " + name + " needs a value");
            out.values[name] = value;
        } else if (named(c.flags, a)) {
            out.flags.insert(a);
        } else if (a.starts_with("-") && a != "-") {
            return Result<SubArgs>::fail(std::string(c.name) + ": unknown option " + a + see_help(c));
        } else {
            out.words.push_back(a);
        }
    }
    return Result<SubArgs>::ok(std::move(out));
}

// "" when the number of words suits the command.
std::string words_problem(const Command& c, const std::vector<std::string>& words)
{
    const int n = static_cast<int>(words.size());
    if (n >= c.words.min && (c.words.max < 0 || n <= c.words.max))
        return "";
    if (c.words.max == 0)
        return std::string(c.name) + ": unexpected argument " + words.front() + see_help(c);
    return std::string(c.name) + ": expected one " + c.words.what + see_help(c);
}

// A replay acts on a captured machine: it must not write the files of the
// one it runs on.
std::string replay_problem(const Command& c, const CliOptions& o, const SubArgs& args)
{
    if (!args.values.count(replay_option))
        return "";
    for (auto name : c.replay_writes)
        if (!name.empty() && !args.values.count(std::string(name)) && !o.given.count(std::string(name)))
            return std::string(c.name) + ": --replay needs " + std::string(name) +
                   ": a replay writes only where the command line says";
    return "";
}

}  // namespace

std::string Invocation::value(const std::string& name) const
{
    auto it = args.values.find(name);
    return it == args.values.end() ? std::string() : it->second;
}

Result<std::unique_ptr<Machine>> Invocation::machine() const
{
    auto file = value(replay_option);
    if (file.empty())
        return Result<std::unique_ptr<Machine>>::ok(live_machine(environ));
    return replay_machine(file);
}

Result<Snapshot> Invocation::snapshot(const Config& cfg) const
{
    auto m = machine();
    if (!m)
        return Result<Snapshot>::fail(m.error());
    auto settings = read_boot_settings(files(), options.settings);
    return snapshot_of(*m.value(), cfg, std::chrono::milliseconds(settings.scsi_timeout_ms));
}

Result<Snapshot> Invocation::snapshot_of(Machine& m, const Config& cfg, std::chrono::milliseconds scsi_timeout) const
{
    auto snap = m.snapshot();
    if (!snap)
        return snap;
    add_priority_facts(m, snap->devices, cfg, scsi_timeout);
    return snap;
}

void add_priority_facts(Machine& m, std::vector<BlockDevice>& devices, const Config& cfg,
                        std::chrono::milliseconds timeout)
{
    m.add_priority_facts(devices, timeout, [&cfg](const BlockDevice& d) {
        auto v = evaluate_path(d, Snapshot{}, cfg);
        return v.path ? wanted_replies(*v.path, cfg) : std::vector<std::string>{};
    });
}

int Invocation::fail(const std::string& why, int status) const
{
    log.error(why);
    return status;
}

int dispatch(const CliOptions& o, const Logger& log)
{
    for (const auto& c : table) {
        if (o.command != c.name)
            continue;
        auto args = parse_sub_args(c, o.args);
        if (!args) {
            log.error(args.error());
            return 2;
        }
        if (o.help) {
            auto text = command_manual(c.name);
            std::fwrite(text.data(), 1, text.size(), stdout);
            return 0;
        }
        auto problem = words_problem(c, args->words);
        if (problem.empty())
            problem = replay_problem(c, o, args.value());
        if (!problem.empty()) {
            log.error(problem);
            return 2;
        }
        return c.run(Invocation{o, std::move(args.value()), log});
    }
    log.error("unknown command " + o.command + " (see mpath-boot --help)");
    return 2;
}

}  // namespace mpb

#include "cmd/common.hh"

#include "core/text.hh"
#include "sys/live_snapshot.hh"
#include "sys/safe_write.hh"

namespace mpb {

Result<SubArgs> parse_sub_args(const std::string& command, const std::vector<std::string>& args,
                               const std::set<std::string>& valued, const std::set<std::string>& flags)
{
    SubArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto eq = a.find('=');
        std::string name = a.substr(0, eq);
        if (valued.count(name)) {
            std::string value = eq != std::string::npos ? a.substr(eq + 1)
                                : i + 1 < args.size()   ? args[++i]
                                                        : std::string();
            if (value.empty())
                return Result<SubArgs>::fail(command + ": option " + name + " needs a value");
            out.values[name] = value;
        } else if (flags.count(a)) {
            out.flags.insert(a);
        } else if (a.starts_with("-") && a != "-") {
            return Result<SubArgs>::fail(command + ": unknown option " + a + " (see mpath-boot " +
                                         command + " --help)");
        } else {
            out.words.push_back(a);
        }
    }
    return Result<SubArgs>::ok(std::move(out));
}

void report(const Logger& log, const Diagnostics& ds)
{
    for (const auto& d : ds) {
        if (d.severity == Severity::error)
            log.error(d.text);
        else
            log.warning(d.text);
    }
}

Logger with_log_level(const Logger& log, const CliOptions& o, const BootSettings& s)
{
    Logger out = log;
    if (!o.verbosity_set)
        out.verbosity = verbosity_of(s.log_level);
    return out;
}

Inputs read_inputs(const CliOptions& o, const Logger& log)
{
    Inputs in{read_config(o.config, o.config_dir), read_state(o.state_dir)};
    report(log, in.config.diagnostics);
    report(log, in.state.problems);
    return in;
}

Result<Snapshot> read_snapshot_file(const std::string& path)
{
    auto text = read_file(path);
    if (!text)
        return Result<Snapshot>::fail("cannot read snapshot: " + text.error());
    return parse_snapshot(text.value(), path);
}

Result<Machine> open_machine(const SubArgs& args)
{
    Machine m;
    if (auto it = args.values.find("--replay"); it != args.values.end()) {
        auto snap = read_snapshot_file(it->second);
        if (!snap)
            return Result<Machine>::fail(snap.error());
        m.snap = std::move(snap.value());
        m.dm = replay_dm(m.snap.maps);
        m.replay = true;
        return Result<Machine>::ok(std::move(m));
    }
    m.dm = live_dm();
    auto maps = m.dm->list();
    if (!maps)
        return Result<Machine>::fail(maps.error());
    auto snap = system_snapshot(maps.value());
    if (!snap)
        return Result<Machine>::fail(snap.error());
    m.snap = std::move(snap.value());
    return Result<Machine>::ok(std::move(m));
}

Result<std::string> kernel_name_arg(const std::string& command, const std::string& arg)
{
    std::string name = arg.starts_with("/dev/") ? arg.substr(5) : arg;
    bool plain = !name.empty() && name != "." && name != "..";
    for (char c : name)
        plain = plain && c > ' ' && c < 0x7f && c != '/';
    if (!plain)
        return Result<std::string>::fail(command + ": " + quoted(arg) + " is not a block device name");
    return Result<std::string>::ok(name);
}

}  // namespace mpb

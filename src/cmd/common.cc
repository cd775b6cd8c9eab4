// SPDX-License-Identifier: GPL-2.0-or-later
#include "cmd/common.hh"

#include "core/text.hh"

namespace mpb {

void report(const Logger& log, const Diagnostics& ds)
{
    std::size_t warnings = 0;
    for (const auto& d : ds) {
        if (d.severity == Severity::error)
            log.error(d.text);
        else if (++warnings <= max_shown_warnings)
            log.warning(d.text);
    }
    if (warnings > max_shown_warnings)
        log.warning(std::to_string(warnings - max_shown_warnings) + " more warnings not shown");
}

Logger with_log_level(const Logger& log, const CliOptions& o, const BootSettings& s)
{
    Logger out = log;
    if (!o.verbosity_set)
        out.verbosity = verbosity_of(s.log_level);
    return out;
}

Inputs read_inputs(const FileSource& files, const CliOptions& o, const Logger& log)
{
    Inputs in{read_config(files, o.config, o.config_dir), read_state(files, o.state_dir)};
    report(log, in.config.diagnostics);
    report(log, in.state.problems);
    return in;
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

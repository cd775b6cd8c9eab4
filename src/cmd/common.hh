// What every subcommand does the same way: its own arguments, the
// configuration and state files, a snapshot read from a file.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cmd/options.hh"
#include "core/boot_settings.hh"
#include "core/config.hh"
#include "core/diagnostic.hh"
#include "core/result.hh"
#include "core/snapshot.hh"
#include "sys/config_files.hh"
#include "sys/dm.hh"
#include "sys/log.hh"

namespace mpb {

struct SubArgs {
    std::map<std::string, std::string> values;  // "--replay" -> "FILE"
    std::set<std::string> flags;                // "--json"
    std::vector<std::string> words;             // positional arguments
};

// Parses a subcommand's arguments; `valued` options take a value (--x V or
// --x=V), `flags` none. Fails with "COMMAND: ..." naming the argument.
Result<SubArgs> parse_sub_args(const std::string& command, const std::vector<std::string>& args,
                               const std::set<std::string>& valued, const std::set<std::string>& flags);

// Logs each diagnostic at its severity.
void report(const Logger& log, const Diagnostics& ds);

// `log` at the log_level of mpath-boot.conf, unless -v or -q was given.
Logger with_log_level(const Logger& log, const CliOptions& o, const BootSettings& s);

struct Inputs {
    Config config;
    StateFiles state;
};

// multipath.conf, conf.d, bindings and wwids as the global options name
// them; every problem is logged, none is fatal.
Inputs read_inputs(const CliOptions& o, const Logger& log);

// A --replay snapshot; the error names the file and the place in it.
Result<Snapshot> read_snapshot_file(const std::string& path);

// The machine a command acts on: the --replay snapshot with its maps held
// in memory, or the live system (every block device, dm through
// libdevmapper).
struct Machine {
    Snapshot snap;
    std::unique_ptr<DmOps> dm;
    bool replay = false;
};
Result<Machine> open_machine(const SubArgs& args);

// "sda" from "sda" or "/dev/sda"; fails for anything that is not a plain
// kernel name, so it can never point outside /sys/class/block.
Result<std::string> kernel_name_arg(const std::string& command, const std::string& arg);

}  // namespace mpb

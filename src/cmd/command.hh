// SPDX-License-Identifier: GPL-2.0-or-later
// The command table main.cc dispatches through: adding a command is one
// entry in commands.cc and one file with its run function.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cmd/options.hh"
#include "core/config.hh"
#include "core/result.hh"
#include "sys/files.hh"
#include "sys/log.hh"
#include "sys/machine.hh"

namespace mpb {

struct SubArgs {
    std::map<std::string, std::string> values;  // "--replay" -> "FILE"
    std::set<std::string> flags;                // "--json"
    std::vector<std::string> words;             // positional arguments
};

// What a command's run function gets: the global options, its own
// arguments (already checked against its table entry) and the logger.
struct Invocation {
    const CliOptions& options;
    SubArgs args;
    const Logger& log;

    // The value of option `name`, "" when it was not given.
    std::string value(const std::string& name) const;
    bool flag(const std::string& name) const { return args.flags.count(name) != 0; }
    const std::vector<std::string>& words() const { return args.words; }
    // The machine to act on: the snapshot of --replay FILE, else the
    // running system. The error names the file and what is wrong with it.
    Result<std::unique_ptr<Machine>> machine() const;
    // The files a command reads and writes: the host's.
    Files& files() const { return host_files(); }
    // Everything on that machine (Machine::snapshot), completed with what
    // the prioritizers `cfg` selects read, each SCSI command bounded by
    // scsi_timeout_ms of the boot settings (read here; snapshot_of takes
    // the bound from a command that has read them already).
    Result<Snapshot> snapshot(const Config& cfg) const;
    Result<Snapshot> snapshot_of(Machine& m, const Config& cfg, std::chrono::milliseconds scsi_timeout) const;
    // Logs `why` as an error and returns `status`, the command's exit status.
    int fail(const std::string& why, int status = 1) const;
};

// How many positional arguments a command takes.
struct Words {
    int min = 0;
    int max = 0;             // -1: any number
    const char* what = "";   // "DEVNAME": "expected one DEVNAME"
};

// Option names of one command; empty entries are unused. Fixed arrays: the
// table costs the udev callout nothing at start-up.
using OptionNames = std::array<std::string_view, 3>;

struct Command {
    const char* name;
    OptionNames valued;  // options with a value; every command also takes --replay FILE
    OptionNames flags;
    Words words;
    int (*run)(const Invocation&);  // returns the exit status
    // Options naming where the command writes (else the machine's own
    // /etc/multipath, /run/mpath-boot): under --replay each must be given.
    OptionNames replay_writes = {};
};

// Completes `devices` of `m` with what the prioritizers `cfg` selects read
// (Machine::add_priority_facts), each SCSI command bounded by `timeout`.
void add_priority_facts(Machine& m, std::vector<BlockDevice>& devices, const Config& cfg,
                        std::chrono::milliseconds timeout);

// Runs the command `o.command` names: its --help, its arguments checked, or
// the command. 2 for a usage error.
int dispatch(const CliOptions& o, const Logger& log);

}  // namespace mpb

// One function per subcommand; each returns the process exit status.
#pragma once

#include "cmd/options.hh"
#include "sys/log.hh"

namespace mpb {

int cmd_dry_run(const CliOptions& o, const Logger& log);
int cmd_udev_check(const CliOptions& o, const Logger& log);
int cmd_assemble(const CliOptions& o, const Logger& log);
int cmd_status(const CliOptions& o, const Logger& log);
int cmd_capture(const CliOptions& o, const Logger& log);
int cmd_wait(const CliOptions& o, const Logger& log);
int cmd_handover(const CliOptions& o, const Logger& log);
int cmd_disable_queueing(const CliOptions& o, const Logger& log);

}  // namespace mpb

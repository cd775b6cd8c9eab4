// SPDX-License-Identifier: GPL-2.0-or-later
// One run function per subcommand, each in its own file; each returns the
// process exit status.
#pragma once

#include "cmd/command.hh"

namespace mpb {

int run_udev_check(const Invocation& inv);
int run_assemble(const Invocation& inv);
int run_dry_run(const Invocation& inv);
int run_status(const Invocation& inv);
int run_capture(const Invocation& inv);
int run_wait(const Invocation& inv);
int run_handover(const Invocation& inv);
int run_disable_queueing(const Invocation& inv);
int run_show_config(const Invocation& inv);
int run_wwids(const Invocation& inv);
int run_diagnose(const Invocation& inv);
int run_self_test(const Invocation& inv);

}  // namespace mpb

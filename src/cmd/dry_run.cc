// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot dry-run: what would be built, and why, without touching dm.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/coalesce.hh"
#include "core/report.hh"

namespace mpb {

int run_dry_run(const Invocation& inv)
{
    const CliOptions& o = inv.options;
    auto inputs = read_inputs(inv.files(), o, inv.log);
    auto snap = inv.snapshot(inputs.config);
    if (!snap)
        return inv.fail(snap.error());
    PlanInput in{inputs.config, inputs.state.wwids, inputs.state.bindings, snap->maps, false,
                 inputs.state.bindings_readable};
    auto plan = plan_from_snapshot(snap.value(), in);
    for (const auto& m : plan.maps)
        for (const auto& w : m.warnings)
            inv.log.warning(w);
    std::fputs(format_plan(plan, o.state_dir, o.verbosity >= 2).c_str(), stdout);
    return 0;
}

}  // namespace mpb

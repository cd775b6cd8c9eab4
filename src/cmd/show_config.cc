// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot show-config: the effective configuration, in the shape of
// `multipath -t`.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/config_print.hh"

namespace mpb {

int run_show_config(const Invocation& inv)
{
    const CliOptions& o = inv.options;
    Config c = read_config(inv.files(), o.config, o.config_dir);
    report(inv.log, c.diagnostics);
    std::fputs(print_config(c).c_str(), stdout);
    return has_error(c.diagnostics) ? 1 : 0;  // what was printed is the built-in fallback
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot wwids add|remove|list: the wwids file by hand, as multipath -a
// and -w change it, through the safe writer.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "sys/config_files.hh"

namespace mpb {

namespace {

int list_wwids(const Invocation& inv)
{
    StateFiles state = read_state(inv.files(), inv.options.state_dir);
    report(inv.log, state.problems);
    for (const auto& w : state.wwids.wwids)
        std::printf("%s\n", w.c_str());
    return 0;
}

}  // namespace

int run_wwids(const Invocation& inv)
{
    const auto& words = inv.args.words;
    const std::string& action = words.front();
    std::vector<std::string> wwids(words.begin() + 1, words.end());
    if (action == "list" && wwids.empty())
        return list_wwids(inv);
    if ((action != "add" && action != "remove") || wwids.empty())
        return inv.fail("wwids: expected add WWID..., remove WWID... or list (see mpath-boot wwids --help)",
                        2);
    auto done = action == "add" ? add_wwids(inv.files(), inv.options.state_dir, wwids)
                                : remove_wwids(inv.files(), inv.options.state_dir, wwids);
    if (!done)
        return inv.fail(done.error());
    return 0;
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot disable-queueing: switch multipath maps to fail_if_no_path, so
// that a map without paths cannot hang the system going down.
#include <cstdio>

#include "cmd/commands.hh"
#include "core/queueing.hh"

namespace mpb {

int run_disable_queueing(const Invocation& inv)
{
    auto machine = inv.machine();
    auto maps = machine ? machine.value()->dm().list() : Result<std::vector<DmMap>>::fail(machine.error());
    if (!maps)
        return inv.fail(maps.error());
    int failures = 0;
    for (const auto& q : maps_to_stop_queueing(maps.value(), inv.words())) {
        if (auto r = machine.value()->dm().message(q.name, "fail_if_no_path"); !r) {
            inv.log.error(r.error());
            ++failures;
            continue;
        }
        std::printf("fail_if_no_path: %s (%s)\n", q.name.c_str(), q.wwid.c_str());
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace mpb

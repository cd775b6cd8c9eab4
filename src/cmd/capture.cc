// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot capture: the machine as a snapshot file, for replay elsewhere.
#include "cmd/commands.hh"
#include "cmd/common.hh"

namespace mpb {

int run_capture(const Invocation& inv)
{
    // The facts the configured prioritizers read are recorded too.
    auto snap = inv.snapshot(read_inputs(inv.files(), inv.options, inv.log).config);
    if (!snap)
        return inv.fail(snap.error());
    const std::string& out = inv.words().front();
    if (auto w = inv.files().write_atomically(out, format_snapshot(snap.value()), WriteOptions{}); !w)
        return inv.fail("capture: " + w.error());
    inv.log.info("wrote " + out + ": " + std::to_string(snap->devices.size()) + " devices, " +
                 std::to_string(snap->maps.size()) + " maps");
    return 0;
}

}  // namespace mpb

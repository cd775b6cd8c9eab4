// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/machine.hh"

#include "core/text.hh"

namespace mpb {

Result<Snapshot> Machine::snapshot_with(std::vector<DmMap> maps)
{
    auto all = devices();
    if (!all)
        return Result<Snapshot>::fail(all.error());
    Snapshot snap;
    snap.devices = std::move(all.value());
    snap.maps = std::move(maps);
    if (auto line = cmdline())
        snap.cmdline = std::string(trim(line->text));
    return Result<Snapshot>::ok(std::move(snap));
}

Result<Snapshot> Machine::snapshot()
{
    auto maps = dm().list();
    if (!maps)
        return Result<Snapshot>::fail(maps.error());
    return snapshot_with(std::move(maps.value()));
}

}  // namespace mpb

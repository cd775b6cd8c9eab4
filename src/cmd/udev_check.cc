// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot udev-check: the udev callout (IMPORT{program}) that tells udev
// whether a block device is a multipath path.
#include <cstdio>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/udev_verdict.hh"

namespace mpb {

namespace {

// The device alone first; the whole machine only when the verdict needs it.
Result<UdevVerdict> decide(Machine& machine, const std::string& name, const Inputs& inputs)
{
    using R = Result<UdevVerdict>;
    auto view = machine.device(name);
    if (!view)
        return R::fail(view.error());
    const BlockDevice* dev = view->snap.find_device(name);
    if (!dev)
        return R::fail("udev-check: " + name + ": not in the snapshot");
    const std::string* earlier = dev->property("MPATH_BOOT_PATH");
    UdevInput in{inputs.config, inputs.state.wwids, inputs.state.bindings, earlier ? *earlier : ""};
    UdevVerdict v = udev_verdict(view->snap, name, in, view->complete);
    if (v.kind != UdevVerdict::Kind::need_siblings)
        return R::ok(v);
    auto all = machine.snapshot_with(machine.map_names());
    if (!all)
        return R::fail(all.error());
    // This event's properties are newer than the udev database's.
    for (auto& d : all.value().devices)
        if (d.name == name)
            d = *dev;
    return R::ok(udev_verdict(all.value(), name, in, true));
}

}  // namespace

int run_udev_check(const Invocation& inv)
{
    auto name = kernel_name_arg("udev-check", inv.words().front());
    if (!name)
        return inv.fail(name.error(), 2);
    auto inputs = read_inputs(inv.files(), inv.options, inv.log);
    auto machine = inv.machine();
    auto verdict = machine ? decide(*machine.value(), name.value(), inputs) : Result<UdevVerdict>::fail(machine.error());
    if (!verdict)
        return inv.fail(verdict.error());
    auto out = udev_properties(verdict.value());
    std::fputs(out.text.c_str(), stdout);
    for (const auto& w : out.warnings)
        inv.log.warning(name.value() + ": " + w);
    inv.log.info(name.value() + ": " + verdict->reason);
    return 0;
}

}  // namespace mpb

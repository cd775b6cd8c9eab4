// SPDX-License-Identifier: GPL-2.0-or-later
// Device-mapper behind one small interface: the live kernel (libdevmapper)
// here, the maps of a snapshot kept in memory for --replay (machine.hh).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.hh"
#include "core/snapshot.hh"
#include "sys/safe_write.hh"

namespace mpb {

// udev flags for a change, as multipath-tools sets them (libmultipath/devmapper.h).
struct DmChange {
    bool reload = false;       // DM_SUBSYSTEM_UDEV_FLAG0: an existing map's paths changed
    bool skip_kpartx = false;  // DM_SUBSYSTEM_UDEV_FLAG1: kpartx rules leave it alone
    // false: the change joins the batch DmOps::wait_for_udev() waits for,
    // instead of waiting for udev on its own.
    bool wait = true;
};

class DmOps {
public:
    virtual ~DmOps() = default;
    // Every map with its UUID, device number, open count, table and, for
    // multipath maps, status.
    virtual Result<std::vector<DmMap>> list() = 0;
    // Creates, loads and resumes `name` with `table` ("0 SECTORS TARGET ARGS");
    // returns when udev has processed the new device.
    virtual Result<DevT> create(const std::string& name, const std::string& uuid,
                                const std::string& table, DmChange change) = 0;
    // Loads `table` into the inactive slot of `name` and resumes it.
    virtual Result<Unit> reload(const std::string& name, const std::string& table, DmChange change) = 0;
    // Renames `name` to `new_name`, the dm UUID unchanged; returns when udev
    // has processed the change (the /dev/mapper links follow the name).
    virtual Result<Unit> rename(const std::string& name, const std::string& new_name, DmChange change) = 0;
    // Sends the target message `text` (sector 0), e.g. "fail_if_no_path".
    virtual Result<Unit> message(const std::string& name, const std::string& text) = 0;
    // Returns when udev has processed every change made with wait = false
    // since the last call: one udev synchronisation for a batch of maps,
    // whether or not each change succeeded. Called again on destruction.
    virtual void wait_for_udev() = 0;
};

// The kernel through libdevmapper, with udev synchronisation.
std::unique_ptr<DmOps> live_dm();

// libdevmapper loaded as the commands load it, and asked its version: a
// call into it without touching device-mapper (mpath-boot self-test).
Result<std::string> dm_library_version();

}  // namespace mpb

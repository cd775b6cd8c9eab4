// SPDX-License-Identifier: GPL-2.0-or-later
// What a kickstart asks of the installed system once its disk references
// are resolved through the topology: the volumes the installation uses,
// the names wanted for them, and the multipath.conf changes.
#pragma once

#include <string>
#include <vector>

#include "core/conf_edit.hh"
#include "core/config.hh"
#include "core/snapshot.hh"
#include "kickstart/kickstart.hh"

namespace mpb::ks {

// A volume the installation uses: its maps must be assembled by the
// installed system, so its WWID goes into wwids.
struct UsedVolume {
    std::string wwid;
    std::string why;  // "ignoredisk --only-use disk/by-id/scsi-X (ks.cfg:3)"
};

struct Intent {
    std::vector<UsedVolume> volumes;  // unique WWIDs, in kickstart order
    std::vector<Alias> aliases;       // mpath --alias and legacy multipath --name, resolved
    ConfEdits edits;                  // for the installed system's multipath.conf
    std::vector<std::string> notes;   // references left alone, with the reason
    Diagnostics diagnostics;          // the kickstart's own, then resolution errors
};

// `running` is the configuration the installer's devices are judged by.
Intent resolve_intent(const Kickstart& ks, const Snapshot& topology, const Config& running);

}  // namespace mpb::ks

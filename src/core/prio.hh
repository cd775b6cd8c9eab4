// SPDX-License-Identifier: GPL-2.0-or-later
// A path's priority as multipath-tools 0.9.4 gives it: whether the device
// does ALUA (TPGS), which prioritizer applies (detect_prio, then the
// multipaths entry, overrides, device entries, defaults, built-in const),
// and its value, each with a reason a person can read.
#pragma once

#include <string>
#include <vector>

#include "core/config.hh"
#include "core/path.hh"
#include "core/prioritizers.hh"
#include "core/rtpg.hh"

namespace mpb {

// ALUA support as multipath-tools' detect_alua finds it: the INQUIRY TPGS
// bits, confirmed by a target port group in VPD page 0x83 and an answer to
// REPORT TARGET PORT GROUPS (a recorded reply, or scsi_dh_alua's
// access_state, which it keeps from the same command).
struct TpgsFact {
    Tpgs tpgs = Tpgs::undef;
    std::string reason;  // "TPGS implicit (INQUIRY), group 1 in VPD page 0x83, ..."
};
TpgsFact path_tpgs(const PathRecord& p);

// Whether REPORT TARGET PORT GROUPS must be asked of `d` for path_tpgs and
// the alua prioritizer: a running SCSI disk whose INQUIRY says TPGS, with
// no reply recorded and no access_state kept by the kernel.
bool wants_rtpg(const BlockDevice& d);

struct PrioChoice {
    std::string name;    // "sysfs", "alua", "const", ...
    std::string args;
    std::string origin;  // "detect_prio: ...", "built-in default", "devices section, FILE:LINE"
};

// select_prio: detect_prio first (SCSI devices with TPGS get sysfs where
// access_state exists and the array is not RDAC, else alua), then the
// configured prioritizer; alua on a device without TPGS becomes const.
PrioChoice select_prio(const PathRecord& p, const Config& c, const MultipathEntry* mp,
                       const TpgsFact& tpgs);

// The replies multipath-tools would ask `p` for that are not recorded, by
// their snapshot key: "vpd_pgc0" for the emc prioritizer, "vpd_pgc9" for
// rdac and for detect_prio's check whether an ALUA array is an RDAC one,
// "tur" for hp_sw. None for paths that are not up.
std::vector<std::string> wanted_replies(const PathRecord& p, const Config& c);

struct PathPriority {
    int value = prio_undef;
    Tpgs tpgs = Tpgs::undef;
    std::string prioritizer;  // the one that gave `value`
    // "prio 50 from access_state active/optimized, sysfs prioritizer
    // (detect_prio: ...)"
    std::string reason;
    // Set when a prioritizer the initramfs cannot run was replaced by const.
    std::string warning;
};

// Paths that are not up get no priority (prio_undef), as in multipath-tools.
PathPriority path_priority(const PathRecord& p, const Config& c, const MultipathEntry* mp);

}  // namespace mpb

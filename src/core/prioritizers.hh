// SPDX-License-Identifier: GPL-2.0-or-later
// multipath-tools 0.9.4's prioritizers, each computed from the facts a
// snapshot records instead of from I/O: the same numbers for the same
// replies, and where the number came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/path.hh"

namespace mpb {

// multipath-tools' PRIO_UNDEF: a prioritizer that found nothing to go on.
inline constexpr int prio_undef = -1;

struct PrioValue {
    int value = prio_undef;
    std::string from;  // "access_state active/optimized", "" for const
};

// const: always 1.
PrioValue prio_const();

// sysfs: access_state (kept by scsi_dh_alua) as 50, 10, 5, 1 or 0; plus 80
// when preferred_path is set and the state is not active/optimized, or
// always with the argument "exclusive_pref_bit".
PrioValue prio_sysfs(const PrioFacts& f, std::string_view args);

// alua: the path's target port group state, from the REPORT TARGET PORT
// GROUPS reply when one is recorded, else from the kernel's copy of it
// (access_state); the same numbers as sysfs.
PrioValue prio_alua(const PrioFacts& f, std::string_view args);

// emc: VPD page 0xc0 of a CLARiiON (LUN state, +2 on the default owner).
PrioValue prio_emc(const PrioFacts& f);

// rdac: VPD page 0xc9 of an RDAC array (ownership, preferred path, ioship
// bits); 0 when the page is missing or not in the expected format.
PrioValue prio_rdac(const PrioFacts& f);

// hp_sw: TEST UNIT READY's outcome as sg_io.hh records it: 4 when the path
// is active (good status, or a recovered error), 2 for standby (not ready,
// 04/02), 0 for anything else or no outcome.
PrioValue prio_hp_sw(const PrioFacts& f);

// Whether hp_sw sends TEST UNIT READY again after `outcome`: a unit
// attention for a reset (additional sense code 0x29).
bool hp_sw_retries(std::string_view outcome);

// Whether `name` is a prioritizer multipath-tools 0.9.4 ships.
bool known_prioritizer(std::string_view name);

// The prioritizer `name` run on `f`; nullopt for a known prioritizer that
// needs what the initramfs does not have (weightedpath, path_latency, ana,
// ontap, ...).
std::optional<PrioValue> run_prioritizer(std::string_view name, const PrioFacts& f,
                                         std::string_view args);

}  // namespace mpb

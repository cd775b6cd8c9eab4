// SPDX-License-Identifier: GPL-2.0-or-later
// ALUA facts from SCSI replies, read the way multipath-tools 0.9.4 reads
// them: the TPGS field of standard INQUIRY data, the target port group of
// VPD page 0x83, and a port group's state in a REPORT TARGET PORT GROUPS
// reply. Replies are raw bytes; any input gives a value or a reason.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hh"

namespace mpb {

// TPGS as multipath-tools keeps it; undef: not known (INQUIRY failed, or
// the path was down when it would have been asked).
enum class Tpgs { undef = -1, none = 0, implicit = 1, explicit_only = 2, both = 3 };

const char* to_string(Tpgs t);

// Bits 5-4 of byte 5 of standard INQUIRY data.
Result<Tpgs> inquiry_tpgs(std::string_view inquiry);

// The first target port group designator (type 5, any association) of VPD
// page 0x83; only designators that fit in the page's length count.
Result<unsigned> vpd83_target_port_group(std::string_view page);

// Asymmetric access state of one target port group, as the RTPG descriptor
// holds it: the state in the low 4 bits, the preferred bit.
struct AluaState {
    unsigned state = 0;  // 0 active/optimized ... 0xf transitioning
    bool preferred = false;
    bool operator==(const AluaState&) const = default;
};

// The state of port group `tpg` in a REPORT TARGET PORT GROUPS reply. The
// first descriptor of that group wins; descriptors are read within the
// reply's own length and the bytes recorded, never past either.
Result<AluaState> rtpg_state(std::string_view reply, unsigned tpg);

// "active/optimized", "standby", ... as multipath-tools logs the states.
std::string alua_state_name(unsigned state);

}  // namespace mpb

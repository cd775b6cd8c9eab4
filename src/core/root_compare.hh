// SPDX-License-Identifier: GPL-2.0-or-later
// The initramfs's multipath files against the real root's: every
// difference, and what it does at the boot (diagnose's initramfs-stale).
#pragma once

#include <vector>

#include "core/diagnosis.hh"

namespace mpb {

// Files by the names RootFiles::texts gives them; wwids and bindings by
// their entries (comments and order do not count), the others by text.
std::vector<Difference> compare_roots(const RootFiles& initramfs, const RootFiles& real_root);

}  // namespace mpb

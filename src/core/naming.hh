// SPDX-License-Identifier: GPL-2.0-or-later
// The name of a map: multipaths alias > bindings > a new friendly name (when
// user_friendly_names is yes) > the WWID itself.
#pragma once

#include <string>
#include <vector>

#include "core/bindings.hh"
#include "core/config.hh"
#include "core/settings.hh"

namespace mpb {

struct NameChoice {
    std::string name;
    std::string reason;        // "alias from multipaths section, /etc/multipath.conf:20", ...
    bool new_binding = false;  // the caller records name/WWID in the bindings file
};

// `bindings` includes entries allocated earlier in the same run. `taken`
// holds names that must not be handed to this WWID: aliases configured for
// other WWIDs and names of existing maps of other WWIDs. `may_bind` is
// false when the bindings file could not be read: a new friendly name could
// then collide with one already handed out, so the WWID is used instead.
NameChoice choose_name(const std::string& wwid, const EffectiveSettings& s,
                       const MultipathEntry* mp, const BindingsTable& bindings,
                       const std::vector<std::string>& taken, bool may_bind = true);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/naming.hh"

#include <algorithm>

#include "core/text.hh"

namespace mpb {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string bound_where(const Binding& b)
{
    return "bound in the bindings file" + (b.line ? ", line " + std::to_string(b.line) : std::string());
}

}  // namespace

NameChoice choose_name(const std::string& wwid, const EffectiveSettings& s,
                       const MultipathEntry* mp, const BindingsTable& bindings,
                       const std::vector<std::string>& taken, bool may_bind)
{
    if (mp && mp->alias)
        return {mp->alias->value, "alias from " + mp->alias->origin.describe(), false};
    const auto ufn = s.user_friendly_names.origin.describe();
    // Like multipath-tools, bindings only name maps when friendly names are
    // on; otherwise multipathd would rename the map to its WWID later.
    if (!s.user_friendly_names.value)
        return {wwid, "WWID (user_friendly_names no: " + ufn + ")", false};
    if (const auto* b = bindings.find_by_wwid(wwid)) {
        if (!contains(taken, b->alias))
            return {b->alias, bound_where(*b), false};
        // A second binding line for this WWID would be rejected on the next
        // read, so the WWID stands in until the conflict is resolved.
        return {wwid, "WWID (alias " + quoted(b->alias) + ", " + bound_where(*b) +
                          ", is in use for another WWID)",
                false};
    }
    if (!may_bind)
        return {wwid, "WWID (user_friendly_names yes, but the bindings file is unreadable)", false};
    auto alias = next_free_alias(s.alias_prefix.value, bindings, taken);
    if (alias.empty())
        return {wwid, "WWID (no friendly name with prefix " + quoted(s.alias_prefix.value) + " is left)",
                false};
    return {alias, "new friendly name (user_friendly_names yes: " + ufn + ")", true};
}

}  // namespace mpb

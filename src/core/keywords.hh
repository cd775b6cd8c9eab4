// SPDX-License-Identifier: GPL-2.0-or-later
// The multipath.conf keywords mpath-boot uses, in one table: each row names
// a keyword, the sections it is valid in, its value parser, its built-in
// default and (through an accessor) its member of MapSettings or
// GlobalSettings. The table drives reading a section (config.cc), merging
// entries (overlay) and resolution by precedence (settings.cc).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hh"
#include "core/settings.hh"

namespace mpb {

// The sections a keyword may stand in, as bits.
enum KeywordSection : unsigned { in_defaults = 1, in_device = 2, in_overrides = 4, in_multipath = 8 };
inline constexpr unsigned in_map_sections = in_defaults | in_device | in_overrides | in_multipath;

// Where one map's settings come from: the sections and entries that apply
// to it, highest precedence first (settings.cc puts them in multipath-tools'
// order), and the defaults section's global options. A value no level sets
// is the keyword's built-in default.
struct SettingSources {
    std::vector<const MapOptions*> levels;  // null entries are skipped
    const GlobalOptions* global = nullptr;  // null: none set
};

struct Keyword {
    std::string_view name;
    unsigned sections;    // KeywordSection bits
    const char* builtin;  // the built-in default, written as in multipath.conf
    // Parses `value` into the keyword's member of `map` (or of `global`, for
    // a defaults-only keyword) with `origin`: "" when stored, else why not.
    std::string (*set)(MapOptions& map, GlobalOptions& global, const std::string& value,
                       const Origin& origin);
    // Copies the member of `from` over `into` when `from` sets it.
    void (*overlay)(MapOptions& into, const MapOptions& from);
    // Stores the value of the highest source that sets it, or the built-in
    // default, with its origin, into `out`.
    void (*resolve)(const Keyword& self, const SettingSources& sources, EffectiveSettings& out);
    // The value `map` (or `global`) sets, written as multipath-tools prints
    // it without quotes ("yes", "12", "group_by_prio"); nullopt when unset.
    std::optional<std::string> (*text)(const MapOptions& map, const GlobalOptions& global);
};

// Every keyword mpath-boot uses.
std::span<const Keyword> keyword_table();

// nullptr for a keyword not in the table.
const Keyword* find_keyword(std::string_view name);

// multipath-tools keywords mpath-boot accepts without a use for them (path
// checkers, priorities, daemon timeouts): read without a warning.
bool is_unused_keyword(std::string_view name);

// Every member `from` sets replaces the one in `into` (later entries for a
// WWID win over earlier ones).
void overlay_options(MapOptions& into, const MapOptions& from);

// Every keyword resolved from `sources` by precedence.
EffectiveSettings resolve_keywords(const SettingSources& sources);

}  // namespace mpb

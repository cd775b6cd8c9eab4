// SPDX-License-Identifier: GPL-2.0-or-later
// /etc/multipath/bindings: "alias wwid" per line, '#' comments, the header
// multipath-tools writes. Text in, text out; files are handled in src/sys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hh"
#include "core/result.hh"

namespace mpb {

struct Binding {
    std::string alias;
    std::string wwid;
    int line = 0;  // 0 for entries not read from a file
};

struct BindingsTable {
    std::vector<Binding> entries;  // what names maps: the first valid line of each WWID
    // Every line multipath-tools 0.9.4 reads (an alias, then a WWID or ""),
    // in file order, the ones not taken as entries too: their aliases are
    // taken, and they decide the next friendly name as they do there.
    std::vector<Binding> lines;
    Diagnostics problems;          // each line not taken as an entry, "file:N: warning: ..."

    const Binding* find_by_wwid(std::string_view wwid) const;
    // The first line binding `alias` to a WWID, as multipath-tools looks an
    // alias up: an entry or a line kept only as taken.
    const Binding* find_by_alias(std::string_view alias) const;
    // Records a binding made in this run, as if appended to the file.
    void add(const Binding& b);
};

// Parses bindings text as multipath-tools 0.9.4 reads it: a line ends at
// its first '#' or CR, fields beyond the second are ignored. Lines without
// a WWID, a WWID already bound, a duplicate alias, overlong fields and
// invalid aliases or WWIDs are reported with their line number and do not
// name maps, but their aliases stay taken.
BindingsTable parse_bindings(std::string_view text, const std::string& filename);

// The whole file, multipath-tools' header first, one "alias wwid" per line.
std::string format_bindings(const std::vector<Binding>& entries);

// `text` (a bindings file, "" when missing or empty) with a line for each of
// `entries` that is not bound yet, appended after every existing line; ""
// becomes multipath-tools' header and the new lines. An entry already
// there (same alias, same WWID) adds nothing, and then `text` comes back
// unchanged. Fails, naming `filename`, when an entry's alias is bound to
// another WWID or its WWID to another alias (in `text` or earlier in
// `entries`), or when an alias or WWID is invalid: the file would hold
// lines parse_bindings() rejects, and one alias must never name two WWIDs.
Result<std::string> append_bindings(std::string_view text, const std::vector<Binding>& entries,
                                    const std::string& filename);

// Friendly-name suffixes: bijective base 26 (1 "a", 26 "z", 27 "aa",
// 702 "zz", 703 "aaa"). index_to_suffix(0) is "".
std::string index_to_suffix(unsigned long index);
// Inverse; nullopt for anything that is not [a-z]+ or would overflow.
std::optional<unsigned long> suffix_to_index(std::string_view suffix);

// The friendly name multipath-tools 0.9.4 hands out next: it walks the
// file's lines in order counting up from 1 while each names the next index,
// moves past the highest index in use when a higher one was seen first, then
// skips names in `taken` (aliases configured for other WWIDs, maps that exist).
std::string next_free_alias(std::string_view prefix, const BindingsTable& table,
                            const std::vector<std::string>& taken);

}  // namespace mpb

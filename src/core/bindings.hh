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
    std::vector<Binding> entries;  // in file order; rejected lines are not here
    Diagnostics problems;          // each rejected line, "file:N: warning: ..."

    const Binding* find_by_wwid(std::string_view wwid) const;
    const Binding* find_by_alias(std::string_view alias) const;
};

// Parses bindings text. Duplicate aliases, a WWID under a second alias,
// lines without exactly two fields, overlong fields, and invalid aliases are
// reported with their line number; the first valid entry wins.
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

// Lowest index N >= 1 such that prefix+suffix(N) is neither bound in `table`
// nor listed in `taken` (aliases configured for other WWIDs).
std::string next_free_alias(std::string_view prefix, const BindingsTable& table,
                            const std::vector<std::string>& taken);

}  // namespace mpb

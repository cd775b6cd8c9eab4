// SPDX-License-Identifier: GPL-2.0-or-later
// Changes to a multipath.conf made as an administrator would make them, by
// editing its text: comments, layout, quoting and every keyword written
// (mpath-boot's own or not) stay as they were; only the lines an edit needs
// change or are added. mpath-boot-ks (issue 11) writes the installed
// system's multipath.conf this way from the installer's own.
//
// Where each change goes, so that it is the value load_config (later wins)
// and multipath-tools end up with:
//  - defaults: the last line that sets the keyword in any `defaults`
//    section gets the new value in place (indentation and a trailing comment
//    kept); else a line goes before the `}` of the last `defaults` section;
//    else a `defaults` section is appended.
//  - blacklist, blacklist_exceptions: an entry with the same keyword and
//    value in any such section is left alone; else a line goes before the
//    `}` of the last such section; else one is appended.
//  - multipaths: the last `alias` line of the `multipath` subsections for
//    the WWID (in any `multipaths` section) gets the new alias; else an
//    `alias` line goes into the last subsection for the WWID; else a new
//    subsection goes into the last `multipaths` section; else one is appended.
// A value already equal (after unquoting) leaves its line untouched, so an
// edit that changes nothing gives the text back byte for byte, and editing
// the result again with the same edits changes nothing.
//
// Added lines take the indentation of their section's entries (or one
// level more than the section, the level the file uses, a tab when it shows
// none) and the file's line ending. Appended sections come after a blank
// line and one comment line saying mpath-boot-ks added them (once per call).
// Values are written bare when they can be, else quoted as
// multipath.conf(5) requires: "..." with "" for a literal quote.
//
// Not done: an `overrides` or device entry setting a defaults keyword, or a
// blacklist_exceptions entry matching a WWID or devnode to blacklist, still
// wins over the edit; the edit does not remove what the administrator wrote.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hh"

namespace mpb {

struct ConfEdits {
    // {"user_friendly_names", "yes"}, {"find_multipaths", "strict"}, {"no_path_retry", "queue"}
    std::vector<std::pair<std::string, std::string>> defaults;
    // {"wwid", "3600..."}, {"devnode", "^sd[x-z]"}: keyword and regular expression
    std::vector<std::pair<std::string, std::string>> blacklist;
    std::vector<std::string> blacklist_exception_wwids;
    // {wwid, alias}
    std::vector<std::pair<std::string, std::string>> multipaths;
};

// `text` (a whole multipath.conf; "" for none) with `edits` applied. Fails,
// naming file:line:col, when `text` has a syntax error (nothing can be
// edited safely then), and, saying which, when an edit is not one
// load_config would accept without a warning (an unknown keyword, a value
// its keyword rejects, an invalid regular expression, WWID or alias, a
// line break in a value).
Result<std::string> edit_multipath_conf(std::string_view text, const std::string& file,
                                        const ConfEdits& edits);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// /etc/multipath/wwids: "/WWID/" per line after multipath-tools' header;
// "#WWID/" marks a removed entry. Text in, text out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hh"
#include "core/result.hh"

namespace mpb {

struct WwidsTable {
    std::vector<std::string> wwids;  // valid entries, file order, no duplicates
    Diagnostics problems;            // malformed, overlong or duplicate lines

    bool contains(std::string_view wwid) const;
};

WwidsTable parse_wwids(std::string_view text, const std::string& filename);

// The whole file, header first, one "/WWID/" per line.
std::string format_wwids(const std::vector<std::string>& wwids);

// `text` (a wwids file, "" when missing or empty) with a "/WWID/" line for
// each of `wwids` not listed yet, appended after every existing line; ""
// becomes multipath-tools' header and the new lines. When every WWID is
// listed already, `text` comes back unchanged. Fails, naming `filename`,
// for a WWID that cannot be written as "/WWID/" (wwid_problem()).
Result<std::string> append_wwids(std::string_view text, const std::vector<std::string>& wwids,
                                 const std::string& filename);

// `text` with each line that lists one of `wwids` ("/WWID/") marked removed
// ("#WWID/"), as multipath -w marks it; every other byte stays. A WWID not
// listed changes nothing. Fails, naming `filename`, for a WWID that could
// not be listed (wwid_problem()).
Result<std::string> remove_wwids(std::string_view text, const std::vector<std::string>& wwids,
                                 const std::string& filename);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// The syntax of multipath.conf(5), without meaning: lines of
// `keyword [value]`, sections opened by `{` at the end of their line and
// closed by `}` alone; values bare or "quoted" with "" for a literal quote;
// '#' and '!' start a comment outside quotes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hh"

namespace mpb {

struct ConfNode {
    std::string keyword;
    std::optional<std::string> value;  // absent for sections and bare keywords
    bool section = false;
    std::vector<ConfNode> children;    // only for sections
    int line = 0;
    int column = 0;                    // 1-based column of the keyword
};

struct ConfSyntax {
    std::vector<ConfNode> top;         // top-level entries, in file order
    Diagnostics diagnostics;           // warnings; at most one error
};

// multipath.conf nests 3 deep (overrides > protocol); the tree is walked
// recursively, so its depth is bounded well above that.
inline constexpr std::size_t max_conf_depth = 16;

// A syntax error stops parsing: `top` is then empty and the error is the
// last diagnostic, naming file:line:column.
ConfSyntax parse_conf_syntax(std::string_view text, const std::string& file);

}  // namespace mpb

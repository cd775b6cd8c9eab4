// SPDX-License-Identifier: GPL-2.0-or-later
// multipath.conf regular expressions: POSIX extended, case sensitive,
// unanchored, as multipath-tools compiles them (regcomp REG_EXTENDED|REG_NOSUB).
// A leading '!' inverts the match. Copies share the compiled expression.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.hh"

namespace mpb {

class Regex {
public:
    // Compiles `pattern` (with its optional leading '!'); the reason is the
    // regex library's message.
    static Result<Regex> compile(std::string_view pattern);
    // A built-in pattern, known to be valid: compiled on its first match, so
    // the callout that never consults most of the hardware table does not
    // pay for compiling it.
    static Regex builtin(std::string_view pattern);

    bool matches(std::string_view text) const;
    // True when `pattern` surely does not match `text`, found without
    // compiling or allocating (a literal pattern, or a run of literal
    // characters every match contains); false when unsure.
    static bool rules_out(std::string_view pattern, std::string_view text);
    const std::string& pattern() const { return pattern_; }  // as written, '!' included
    // Matched as plain strings, without the regex library (see regex.cc).
    bool literal() const;

    Regex() = default;

private:
    explicit Regex(std::string_view pattern);  // not compiled yet
    struct Compiled;
    std::string pattern_;
    bool invert_ = false;
    std::shared_ptr<Compiled> re_;
};

}  // namespace mpb

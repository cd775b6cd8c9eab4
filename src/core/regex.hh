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

// regcomp builds about 250 bytes a part: "a{32767}" costs it 8 MB and 5 ms,
// "a" with 20 stacked '+' (a million parts) 718 MB and 0.8 s.
inline constexpr std::size_t max_regex_size = 32768;
// All patterns of one configuration together (its whole hardware table
// and blacklist are far below this).
inline constexpr std::size_t max_config_regex_size = 4 * max_regex_size;

class Regex {
public:
    // Compiles `pattern` (with its optional leading '!'); the reason is the
    // regex library's message, or that the pattern is larger than
    // max_regex_size once its repetitions are expanded.
    static Result<Regex> compile(std::string_view pattern);
    // How many parts glibc's regcomp builds for `pattern`: it copies a
    // repeated part for '+' and for each count of "{m,n}", so that stacked
    // repetitions multiply ("a++++" is 16 copies of "a"); its time and
    // memory grow with this. An estimate from above, saturating.
    static std::size_t expanded_size(std::string_view pattern);
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

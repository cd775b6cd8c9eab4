// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/regex.hh"

#include <regex.h>  // POSIX ERE: the dialect multipath.conf is written in

#include <vector>

namespace mpb {

namespace {

// Most patterns of multipath.conf and the hardware table are literals or
// alternatives of literals ("^DGC", "(SCSI_IDENT_|ID_WWN)"); the udev
// callout matches dozens of them per device, so these are matched as
// strings, without regcomp/regexec. Shape: LIT('|'LIT)* unanchored, or
// ['^'] ( LIT | '(' LIT('|'LIT)* ')' ) ['$'].
struct Literals {
    std::vector<std::string> alternatives;
    bool at_start = false;
    bool at_end = false;
};

bool literal_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_ :/,#@%=-").find(c) != std::string_view::npos;
}

// Splits "A|B" into literals; false when any part is empty or not literal.
bool split_alternatives(std::string_view s, std::vector<std::string>& out)
{
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && s[i] != '|') {
            if (!literal_char(s[i]))
                return false;
            continue;
        }
        if (i == start)
            return false;
        out.emplace_back(s.substr(start, i - start));
        start = i + 1;
    }
    return true;
}

bool as_literals(std::string_view body, Literals& l)
{
    if (split_alternatives(body, l.alternatives))
        return true;
    l.alternatives.clear();
    l.at_start = !body.empty() && body.front() == '^';
    if (l.at_start)
        body.remove_prefix(1);
    l.at_end = !body.empty() && body.back() == '$';
    if (l.at_end)
        body.remove_suffix(1);
    if (body.size() >= 2 && body.front() == '(' && body.back() == ')')
        return split_alternatives(body.substr(1, body.size() - 2), l.alternatives);
    return body.find('|') == std::string_view::npos && split_alternatives(body, l.alternatives);
}

bool literal_match(const Literals& l, std::string_view text)
{
    for (const auto& a : l.alternatives) {
        if (l.at_start && l.at_end ? text == a
            : l.at_start           ? text.starts_with(a)
            : l.at_end             ? text.ends_with(a)
                                   : text.find(a) != std::string_view::npos)
            return true;
    }
    return false;
}

}  // namespace

struct Regex::Compiled {
    std::string body;  // the pattern without its '!'
    bool literal = false;
    Literals literals;  // when literal
    regex_t re{};
    int rc = -1;       // regcomp's result; -1 before the first compile
    ~Compiled()
    {
        if (rc == 0)
            regfree(&re);  // only what regcomp built
    }
    bool ready()
    {
        if (rc == -1)
            rc = regcomp(&re, body.c_str(), REG_EXTENDED | REG_NOSUB);
        return rc == 0;
    }
    bool matches(std::string_view text)
    {
        if (literal)
            return literal_match(literals, text);
        std::string s(text);  // regexec needs a NUL-terminated string
        return ready() && regexec(&re, s.c_str(), 0, nullptr, 0) == 0;
    }
};

Regex::Regex(std::string_view pattern)
    : pattern_(pattern), invert_(!pattern.empty() && pattern[0] == '!'), re_(std::make_shared<Compiled>())
{
    re_->body = pattern.substr(invert_ ? 1 : 0);
    re_->literal = as_literals(re_->body, re_->literals);
}

Result<Regex> Regex::compile(std::string_view pattern)
{
    Regex r(pattern);
    if (!r.re_->literal && !r.re_->ready()) {
        char msg[128];
        regerror(r.re_->rc, &r.re_->re, msg, sizeof msg);
        return Result<Regex>::fail(msg);
    }
    return Result<Regex>::ok(std::move(r));
}

Regex Regex::builtin(std::string_view pattern) { return Regex(pattern); }

bool Regex::matches(std::string_view text) const
{
    if (!re_)
        return false;
    return re_->matches(text) != invert_;
}

bool Regex::literal() const { return re_ && re_->literal; }

}  // namespace mpb

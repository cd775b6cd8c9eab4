// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/regex.hh"

#include <regex.h>  // POSIX ERE: the dialect multipath.conf is written in

#include <algorithm>
#include <array>
#include <vector>

#include "core/text.hh"

namespace mpb {

namespace {

// Most patterns of multipath.conf and the hardware table are literals or
// alternatives of literals ("^DGC", "(SCSI_IDENT_|ID_WWN)"); the udev
// callout matches dozens of them per device, so these are matched as
// strings, without regcomp/regexec or any allocation. Shape: LIT('|'LIT)*
// unanchored, or ['^'] ( LIT | '(' LIT('|'LIT)* ')' ) ['$'].
struct Literals {
    std::string_view alternatives;  // "A|B|C", a view into the pattern
    bool at_start = false;
    bool at_end = false;
};

// A table, not a search: the callout tests every character of a hundred
// hardware table patterns.
constexpr std::array<bool, 256> literal_chars = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("_ :/,#@%=-").find(static_cast<char>(c)) != std::string_view::npos;
    return t;
}();

bool literal_char(char c) { return literal_chars[static_cast<unsigned char>(c)]; }

// Whether `s` is "A|B|..." with every part a non-empty literal.
bool literal_alternatives(std::string_view s)
{
    char before = '|';
    for (char c : s) {
        if (c == '|' ? before == '|' : !literal_char(c))
            return false;
        before = c;
    }
    return before != '|';
}

bool as_literals(std::string_view body, Literals& l)
{
    l = {};
    if (literal_alternatives(body)) {
        l.alternatives = body;
        return true;
    }
    l.at_start = !body.empty() && body.front() == '^';
    if (l.at_start)
        body.remove_prefix(1);
    l.at_end = !body.empty() && body.back() == '$';
    if (l.at_end)
        body.remove_suffix(1);
    if (body.size() >= 2 && body.front() == '(' && body.back() == ')')
        body = body.substr(1, body.size() - 2);
    else if (body.find('|') != std::string_view::npos)
        return false;
    l.alternatives = body;
    return literal_alternatives(body);
}

bool literal_match(const Literals& l, std::string_view text)
{
    std::string_view rest = l.alternatives;
    while (true) {
        auto bar = rest.find('|');
        auto a = rest.substr(0, bar);
        if (l.at_start && l.at_end ? text == a
            : l.at_start           ? text.starts_with(a)
            : l.at_end             ? text.ends_with(a)
                                   : text.find(a) != std::string_view::npos)
            return true;
        if (bar == std::string_view::npos)
            return false;
        rest.remove_prefix(bar + 1);
    }
}

// Where the bracket expression opening at `open` ends (its ']'), or npos.
std::size_t bracket_end(std::string_view s, std::size_t open)
{
    std::size_t i = open + 1;
    if (i < s.size() && s[i] == '^')
        ++i;
    if (i < s.size() && s[i] == ']')  // a leading ']' is a member
        ++i;
    return s.find(']', i);
}

// The longest run of literal characters that every match contains, for a
// pattern without alternatives, groups or escapes ("NVM" of "NVM[eE]"), so
// that text without it is rejected before regcomp; empty when none is known.
std::string_view required_run(std::string_view body)
{
    if (body.find_first_of("|(\\") != std::string_view::npos)
        return {};
    std::string_view best;
    for (std::size_t i = 0; i < body.size();) {
        if (body[i] == '[' || body[i] == '{') {  // members and counts are no literals
            i = body[i] == '[' ? bracket_end(body, i) : body.find('}', i);
            if (i == std::string_view::npos)
                return {};
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < body.size() && literal_char(body[i]))
            ++i;
        std::size_t end = i;
        if (end > start && i < body.size() && std::string_view("*?{").find(body[i]) != std::string_view::npos)
            --end;  // a quantifier makes the run's last character optional
        if (end - start > best.size())
            best = body.substr(start, end - start);
        if (i == start)
            ++i;
    }
    return best;
}

// The copies of the part before it that the repetition at s[i] makes glibc
// build, and where the repetition ends; {0, i} when s[i] is none.
struct Repetition {
    std::size_t copies = 0;
    std::size_t end = 0;
};

// "{m}", "{m,}" or "{m,n}" at s[i]; {0, i} when malformed (regcomp judges).
Repetition interval(std::string_view s, std::size_t i)
{
    auto close = s.find('}', i);
    if (close == std::string_view::npos)
        return {0, i};
    auto body = s.substr(i + 1, close - i - 1);
    auto comma = body.find(',');
    long long m = 0, n = 0;
    bool has_n = comma != std::string_view::npos && comma + 1 < body.size();
    if (!parse_int(body.substr(0, comma), m) || (has_n && !parse_int(body.substr(comma + 1), n)) || m < 0 ||
        n < 0)
        return {0, i};
    // glibc: m copies, then n - m optional ones; "{m,}" is m copies and a star.
    auto copies = has_n ? std::max(m, n) : comma == std::string_view::npos ? m : m + 1;
    return {static_cast<std::size_t>(std::max(copies, 1LL)), close + 1};
}

Repetition repetition(std::string_view s, std::size_t i)
{
    switch (s[i]) {
    case '*':
    case '?': return {1, i + 1};
    case '+': return {2, i + 1};  // "a+" is built as "aa*"
    case '{': return interval(s, i);
    default: return {0, i};
    }
}

// Saturating arithmetic: the estimate only has to exceed the limit.
constexpr std::size_t size_cap = std::size_t(1) << 40;
std::size_t capped(std::size_t v) { return std::min(v, size_cap); }

}  // namespace

std::size_t Regex::expanded_size(std::string_view pattern)
{
    if (!pattern.empty() && pattern[0] == '!')
        pattern.remove_prefix(1);
    // Per open group: the size so far and the size of its last part.
    struct Group {
        std::size_t size = 0, last = 0;
    };
    std::vector<Group> open(1);
    auto part = [&](std::size_t size) {
        open.back().last = size;
        open.back().size = capped(open.back().size + size);
    };
    for (std::size_t i = 0; i < pattern.size();) {
        char c = pattern[i];
        if (auto r = repetition(pattern, i); r.copies) {
            auto& g = open.back();
            auto grown = capped(g.last * r.copies + 1);
            g.size = capped(g.size - g.last + grown);
            g.last = grown;
            i = r.end;
        } else if (c == '(') {
            open.emplace_back();
            ++i;
        } else if (c == ')' && open.size() > 1) {
            auto inner = open.back().size + 1;
            open.pop_back();
            part(inner);
            ++i;
        } else if (c == '[') {
            auto end = bracket_end(pattern, i);
            i = end == std::string_view::npos ? pattern.size() : end + 1;
            part(1);
        } else {
            i += c == '\\' ? 2 : 1;
            part(1);
        }
    }
    std::size_t total = 0;
    for (const auto& g : open)
        total = capped(total + g.size);
    return total;
}

struct Regex::Compiled {
    std::string body;  // the pattern without its '!'
    bool literal = false;
    Literals literals;          // when literal
    std::string_view required;  // when not: a run every match contains
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
        if (text.find(required) == std::string_view::npos)
            return false;  // without regcomp
        std::string s(text);  // regexec needs a NUL-terminated string
        return ready() && regexec(&re, s.c_str(), 0, nullptr, 0) == 0;
    }
};

Regex::Regex(std::string_view pattern)
    : pattern_(pattern), invert_(!pattern.empty() && pattern[0] == '!'), re_(std::make_shared<Compiled>())
{
    re_->body = pattern.substr(invert_ ? 1 : 0);
    re_->literal = as_literals(re_->body, re_->literals);
    if (!re_->literal)
        re_->required = required_run(re_->body);
}

Result<Regex> Regex::compile(std::string_view pattern)
{
    if (auto size = expanded_size(pattern); size > max_regex_size)
        return Result<Regex>::fail("its repetitions expand it to " +
                                   (size == size_cap ? std::string("over a trillion") : std::to_string(size)) +
                                   " parts, more than the " + std::to_string(max_regex_size) +
                                   " mpath-boot compiles (stacked '+' or counts multiply)");
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

bool Regex::rules_out(std::string_view pattern, std::string_view text)
{
    if (!pattern.empty() && pattern[0] == '!')
        return false;
    Literals l;
    if (as_literals(pattern, l))
        return !literal_match(l, text);
    return text.find(required_run(pattern)) == std::string_view::npos;
}

bool Regex::literal() const { return re_ && re_->literal; }

}  // namespace mpb

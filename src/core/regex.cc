#include "core/regex.hh"

#include <regex.h>  // POSIX ERE: the dialect multipath.conf is written in

namespace mpb {

struct Regex::Compiled {
    std::string body;  // the pattern without its '!'
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
};

Regex::Regex(std::string_view pattern)
    : pattern_(pattern), invert_(!pattern.empty() && pattern[0] == '!'), re_(std::make_shared<Compiled>())
{
    re_->body = pattern.substr(invert_ ? 1 : 0);
}

Result<Regex> Regex::compile(std::string_view pattern)
{
    Regex r(pattern);
    if (!r.re_->ready()) {
        char msg[128];
        regerror(r.re_->rc, &r.re_->re, msg, sizeof msg);
        return Result<Regex>::fail(msg);
    }
    return Result<Regex>::ok(std::move(r));
}

Regex Regex::builtin(std::string_view pattern) { return Regex(pattern); }

bool Regex::matches(std::string_view text) const
{
    if (!re_ || !re_->ready())
        return false;
    std::string s(text);  // regexec needs a NUL-terminated string
    bool hit = regexec(&re_->re, s.c_str(), 0, nullptr, 0) == 0;
    return hit != invert_;
}

}  // namespace mpb

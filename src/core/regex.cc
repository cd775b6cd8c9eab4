#include "core/regex.hh"

#include <regex.h>  // POSIX ERE: the dialect multipath.conf is written in

namespace mpb {

struct Regex::Compiled {
    regex_t re{};
    bool ok = false;  // regfree only what regcomp built
    ~Compiled()
    {
        if (ok)
            regfree(&re);
    }
};

Result<Regex> Regex::compile(std::string_view pattern)
{
    Regex r;
    r.pattern_ = std::string(pattern);
    std::string body = r.pattern_;
    if (!body.empty() && body[0] == '!') {
        r.invert_ = true;
        body.erase(0, 1);
    }
    auto c = std::make_shared<Compiled>();
    int rc = regcomp(&c->re, body.c_str(), REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char msg[128];
        regerror(rc, &c->re, msg, sizeof msg);
        return Result<Regex>::fail(msg);
    }
    c->ok = true;
    r.re_ = std::move(c);
    return Result<Regex>::ok(std::move(r));
}

bool Regex::matches(std::string_view text) const
{
    if (!re_)
        return false;
    std::string s(text);  // regexec needs a NUL-terminated string
    bool hit = regexec(&re_->re, s.c_str(), 0, nullptr, 0) == 0;
    return hit != invert_;
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/kernel_cmdline.hh"

#include <limits>
#include <map>
#include <utility>

#include "core/text.hh"

namespace mpb {

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The word starting at `i` (not a space), ending at unquoted white space.
std::string_view next_word(std::string_view text, std::size_t& i, bool& quoted_word)
{
    quoted_word = text[i] == '"';
    if (quoted_word)
        ++i;
    bool in_quote = quoted_word;
    std::size_t start = i;
    for (; i < text.size() && (in_quote || !is_space(text[i])); ++i)
        if (text[i] == '"')
            in_quote = !in_quote;
    return text.substr(start, i - start);
}

// As next_arg(): a value's opening quote goes, and with it a quote ending
// the word; a word that opened with a quote loses its closing one too.
CmdlineParam to_param(std::string_view word, bool quoted_word)
{
    auto eq = word.find('=', 1);  // next_arg() does not see a '=' that starts the word
    bool value_quoted = eq != std::string_view::npos && eq + 1 < word.size() && word[eq + 1] == '"';
    if ((quoted_word || value_quoted) && !word.empty() && word.back() == '"' &&
        !(value_quoted && word.size() == eq + 2))
        word.remove_suffix(1);
    if (eq == std::string_view::npos)
        return {std::string(word), std::nullopt};
    auto value = word.substr(eq + 1);
    if (value_quoted)
        value.remove_prefix(1);
    return {std::string(word.substr(0, eq)), std::string(value)};
}

// The switches that turn mpath-boot off, and the value that does it
// ("": present at all), in the order of opt-outs.list, from which the
// build generates the rows.
struct OffSwitch {
    const char* name;
    const char* value;
};
constexpr OffSwitch off_switches[] = {
#include "core/opt_outs.inc"
};

std::string written(const CmdlineParam& p) { return p.value ? p.name + "=" + *p.value : p.name; }

void check_off(KernelCmdline& k, const std::map<std::string, CmdlineParam>& last)
{
    for (const auto& s : off_switches) {
        auto it = last.find(s.name);
        if (it == last.end() || (*s.value && it->second.value != s.value))
            continue;
        k.disabled = true;
        k.disabled_by = written(it->second);
        return;
    }
}

// The whole number of seconds in `p`, at most `max`; else a warning saying
// what was `expected`.
std::optional<int> seconds(const CmdlineParam& p, int max, const std::string& expected,
                           const std::string& source, Diagnostics& ds)
{
    long long n = -1;
    if (p.value && parse_int(*p.value, n) && n >= 0 && n <= max)
        return static_cast<int>(n);
    ds.push_back(make_diagnostic(Severity::warning, source, 0, 0,
                                 "invalid value " + (p.value ? quoted(*p.value) : "(none)") +
                                     " for " + p.name + ": expected " + expected + "; ignored"));
    return std::nullopt;
}

}  // namespace

std::vector<CmdlineParam> split_cmdline(std::string_view text)
{
    std::vector<CmdlineParam> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        bool quoted_word = false;
        auto word = next_word(text, i, quoted_word);
        out.push_back(to_param(word, quoted_word));
    }
    return out;
}

KernelCmdline parse_kernel_cmdline(std::string_view text, const std::string& source)
{
    std::map<std::string, CmdlineParam> last;
    for (auto& p : split_cmdline(text))
        last.insert_or_assign(p.name, std::move(p));
    KernelCmdline k;
    check_off(k, last);
    if (auto it = last.find("rd.mpath_boot.wait"); it != last.end())
        k.wait = seconds(it->second, max_path_wait,
                         "a whole number of seconds from 0 to " + std::to_string(max_path_wait),
                         source, k.diagnostics);
    if (auto it = last.find("rd.timeout"); it != last.end())
        k.timeout = seconds(it->second, std::numeric_limits<int>::max(),
                            "a whole number of seconds", source, k.diagnostics);
    return k;
}

PathWait effective_path_wait(const BootSettings& s, const KernelCmdline& k)
{
    PathWait w{s.path_wait, "path_wait = " + std::to_string(s.path_wait) + " (" +
                                (s.path_wait_set_at.empty() ? "built-in default"
                                                            : s.path_wait_set_at) +
                                ")"};
    if (k.wait)
        w = {*k.wait, "rd.mpath_boot.wait=" + std::to_string(*k.wait) + " on the kernel command line"};
    if (k.timeout && *k.timeout > 0 && *k.timeout < w.seconds)
        w = {*k.timeout, "rd.timeout=" + std::to_string(*k.timeout) +
                                               " on the kernel command line, shorter than " +
                                               w.reason};
    return w;
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/dm_table.hh"

#include <algorithm>

#include "core/text.hh"

namespace mpb {

std::string effective_features(const EffectiveSettings& s)
{
    auto words = split_words(s.features.value);
    if (!words.empty())
        words.erase(words.begin());  // the count, recomputed below
    bool undefined = s.no_path_retry.origin.kind == Origin::builtin;
    bool queue = undefined ? std::erase(words, std::string("queue_if_no_path")) > 0
                           : s.no_path_retry.value.kind != NoPathRetry::fail;
    std::erase(words, std::string("queue_if_no_path"));
    if (queue)
        words.push_back("queue_if_no_path");
    std::string out = std::to_string(words.size());
    for (const auto& w : words)
        out += " " + w;
    return out;
}

std::string multipath_table(unsigned long long sectors, const EffectiveSettings& s,
                            const std::string& hwhandler, const std::vector<PathRecord>& paths,
                            const std::vector<PathGroup>& groups, const std::vector<int>& prios)
{
    std::string t = "0 " + std::to_string(sectors) + " multipath " + effective_features(s) + " " +
                    hwhandler + " " + std::to_string(groups.size()) + " " +
                    std::to_string(first_group(groups));
    bool weighted = s.rr_weight.value == "priorities";
    for (const auto& g : groups) {
        t += " " + s.path_selector.value + " " + std::to_string(g.members.size()) + " 1";
        for (auto i : g.members) {
            long long repeat = s.rr_min_io_rq.value;
            if (weighted && i < prios.size() && prios[i] > 0)
                repeat *= prios[i];
            t += " " + paths[i].devt.str() + " " + std::to_string(repeat);
        }
    }
    return t;
}

namespace {

// Reads "N word..." from `t` at `i`.
bool counted(const std::vector<std::string>& t, std::size_t& i, std::vector<std::string>& out)
{
    long long n = 0;
    if (i >= t.size() || !parse_int(t[i], n) || n < 0 || i + 1 + n > t.size())
        return false;
    out.assign(t.begin() + static_cast<long>(i) + 1, t.begin() + static_cast<long>(i + 1 + n));
    i += 1 + n;
    return true;
}

bool number(const std::vector<std::string>& t, std::size_t& i, long long& n)
{
    return i < t.size() && parse_int(t[i++], n) && n >= 0;
}

// The words t[from, to) as one string.
std::string joined(const std::vector<std::string>& t, std::size_t from, std::size_t to)
{
    std::string out;
    for (std::size_t k = from; k < to; ++k)
        out += (out.empty() ? "" : " ") + t[k];
    return out;
}

// Reads "N word..." from `t` at `i` as the table spells it, count included.
bool counted_text(const std::vector<std::string>& t, std::size_t& i, std::string& out)
{
    std::vector<std::string> words;
    std::size_t from = i;
    if (!counted(t, i, words))
        return false;
    out = joined(t, from, i);
    return true;
}

bool read_group(const std::vector<std::string>& t, std::size_t& i, TableGroup& g)
{
    std::vector<std::string> selector_args;
    long long npaths = 0, nargs = 0;
    std::size_t from = i;
    if (i >= t.size())
        return false;
    ++i;  // the selector's name
    if (!counted(t, i, selector_args))
        return false;
    g.selector = joined(t, from, i);
    if (!number(t, i, npaths) || !number(t, i, nargs))
        return false;
    for (long long p = 0; p < npaths; ++p) {
        if (i + 1 + nargs > t.size())
            return false;
        g.paths.push_back(t[i]);
        i += 1 + nargs;
    }
    return true;
}

// The count word dropped: "2 a b" -> {"a", "b"}.
std::vector<std::string> words_after_count(const std::string& counted)
{
    auto w = split_words(counted);
    if (!w.empty())
        w.erase(w.begin());
    return w;
}

}  // namespace

Result<MultipathTable> read_multipath_table(std::string_view table)
{
    auto t = split_words(table);
    MultipathTable m;
    long long sectors = 0, ngroups = 0, first = 0;
    std::size_t i = 3;
    if (t.size() < 3 || t[0] != "0" || !parse_int(t[1], sectors) || t[2] != "multipath")
        return Result<MultipathTable>::fail("not a multipath table");
    m.sectors = static_cast<unsigned long long>(sectors);
    if (!counted_text(t, i, m.features) || !counted_text(t, i, m.hwhandler) ||
        !number(t, i, ngroups) || !number(t, i, first))
        return Result<MultipathTable>::fail("malformed multipath table header");
    for (long long g = 0; g < ngroups; ++g) {
        m.groups.emplace_back();
        if (!read_group(t, i, m.groups.back()))
            return Result<MultipathTable>::fail("malformed path group " + std::to_string(g + 1));
    }
    if (i != t.size())
        return Result<MultipathTable>::fail("trailing words after the last path group");
    return Result<MultipathTable>::ok(std::move(m));
}

Result<TableShape> parse_multipath_table(std::string_view table)
{
    auto m = read_multipath_table(table);
    if (!m)
        return Result<TableShape>::fail(m.error());
    TableShape s;
    s.sectors = m->sectors;
    s.features = words_after_count(m->features);
    std::sort(s.features.begin(), s.features.end());
    auto hw = words_after_count(m->hwhandler);
    s.hardware_handler = hw.empty() ? "" : hw.front();
    for (const auto& g : m->groups)
        s.groups.push_back(g.paths);
    return Result<TableShape>::ok(std::move(s));
}

bool same_map(std::string_view a, std::string_view b)
{
    auto x = parse_multipath_table(a);
    auto y = parse_multipath_table(b);
    return x && y && x.value() == y.value();
}

}  // namespace mpb

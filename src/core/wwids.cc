// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/wwids.hh"

#include <algorithm>

#include <unordered_map>

#include "core/alias.hh"
#include "core/text.hh"

namespace mpb {

namespace {

// Longer lines are reported whole rather than parsed in pieces.
constexpr std::size_t max_line_length = 4096;

constexpr std::string_view header =
    "# Multipath wwids, Version : 1.0\n"
    "# NOTE: This file is automatically maintained by multipath and multipathd.\n"
    "# You should not need to edit this file in normal circumstances.\n"
    "#\n"
    "# Valid WWIDs:\n";

constexpr std::string_view malformed = "malformed line (expected /WWID/)";

std::string_view skip_blanks(std::string_view s)
{
    auto i = s.find_first_not_of(" \t");
    return i == std::string_view::npos ? std::string_view{} : s.substr(i);
}

// The outcome of one line: a WWID, nothing (comment, blank, removed entry),
// or the reason it was rejected.
struct LineResult {
    std::string_view wwid;
    std::string problem;
};

LineResult read_line(std::string_view line)
{
    if (line.size() > max_line_length)
        return {{}, "line longer than " + std::to_string(max_line_length) + " bytes"};
    auto rest = skip_blanks(line);
    // "#WWID/" is how multipath-tools removes an entry; like other comments
    // it carries nothing for us.
    if (rest.empty() || rest.front() == '#')
        return {};
    // multipath-tools only matches a '/' in the first column, so an indented
    // entry would be invisible to it: reject rather than disagree.
    if (line.front() != '/')
        return {{}, std::string(malformed)};
    auto close = line.find('/', 1);
    if (close == std::string_view::npos || close == 1)
        return {{}, std::string(malformed)};
    auto wwid = line.substr(1, close - 1);
    auto tail = skip_blanks(line.substr(close + 1));
    if (!tail.empty() && tail.front() != '#')
        return {{}, std::string(malformed)};
    if (wwid.size() > max_wwid_length)
        return {{}, "WWID longer than " + std::to_string(max_wwid_length) + " bytes"};
    if (auto why = wwid_problem(wwid); !why.empty())
        return {{}, "invalid WWID " + quoted(wwid) + ": " + why};
    return {wwid, {}};
}

}  // namespace

bool WwidsTable::contains(std::string_view wwid) const
{
    for (const auto& w : wwids)
        if (w == wwid)
            return true;
    return false;
}

WwidsTable parse_wwids(std::string_view text, const std::string& filename)
{
    WwidsTable table;
    // First line of each WWID; views into `text`, which outlives the parse.
    std::unordered_map<std::string_view, int> first_line;

    auto reject = [&](int line_no, const std::string& what) {
        table.problems.push_back(
            make_diagnostic(Severity::warning, filename, line_no, 0, what + "; line ignored"));
    };

    int line_no = 0;
    for (auto line : split_lines(text)) {
        ++line_no;
        auto r = read_line(line);
        if (!r.problem.empty()) {
            reject(line_no, r.problem);
            continue;
        }
        if (r.wwid.empty())
            continue;
        if (auto it = first_line.find(r.wwid); it != first_line.end()) {
            reject(line_no, "duplicate WWID " + std::string(r.wwid) + " (first on line " +
                                std::to_string(it->second) + ")");
            continue;
        }
        first_line.emplace(r.wwid, line_no);
        table.wwids.emplace_back(r.wwid);
    }
    return table;
}

std::string format_wwids(const std::vector<std::string>& wwids)
{
    std::string out(header);
    for (const auto& w : wwids)
        out += "/" + w + "/\n";
    return out;
}

Result<std::string> append_wwids(std::string_view text, const std::vector<std::string>& wwids,
                                 const std::string& filename)
{
    auto listed = parse_wwids(text, filename);
    std::string lines;
    for (const auto& w : wwids) {
        if (auto why = wwid_problem(w); !why.empty())
            return Result<std::string>::fail(filename + ": cannot add WWID " + quoted(w) + ": " + why);
        if (listed.contains(w))
            continue;
        listed.wwids.push_back(w);  // a WWID given twice is added once
        lines += "/" + w + "/\n";
    }
    return Result<std::string>::ok(with_appended_lines(text, lines, header));
}

Result<std::string> remove_wwids(std::string_view text, const std::vector<std::string>& wwids,
                                 const std::string& filename)
{
    for (const auto& w : wwids)
        if (auto why = wwid_problem(w); !why.empty())
            return Result<std::string>::fail(filename + ": cannot remove WWID " + quoted(w) + ": " + why);
    std::string out(text);
    std::size_t start = 0;
    while (start < out.size()) {
        auto end = out.find('\n', start);
        auto line = std::string_view(out).substr(start, end == std::string::npos ? end : end - start);
        // The WWID the line lists as parse_wwids reads it (a comment may
        // follow, a CR ends it), an indented line too.
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        auto r = read_line(skip_blanks(line));
        bool listed = r.problem.empty() && !r.wwid.empty() &&
                      std::find(wwids.begin(), wwids.end(), r.wwid) != wwids.end();
        if (listed)
            out[out.find('/', start)] = '#';
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return Result<std::string>::ok(std::move(out));
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/bindings.hh"

#include <algorithm>
#include <climits>
#include <unordered_map>

#include "core/alias.hh"
#include "core/text.hh"

namespace mpb {

namespace {

// Longer lines are reported whole rather than parsed in pieces.
constexpr std::size_t max_line_length = 4096;

constexpr std::string_view header =
    "# Multipath bindings, Version : 1.0\n"
    "# NOTE: this file is automatically maintained by the multipath program.\n"
    "# You should not need to edit this file in normal circumstances.\n"
    "#\n"
    "# Format:\n"
    "# alias wwid\n"
    "#\n";

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Space/tab separated fields of what precedes the line's first '#' or CR,
// as multipath-tools cuts a line before reading it.
std::vector<std::string_view> split_fields(std::string_view line)
{
    line = line.substr(0, line.find_first_of("#\r"));
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_blank(line[i]))
            ++i;
        if (i == line.size())
            break;
        auto start = i;
        while (i < line.size() && !is_blank(line[i]))
            ++i;
        fields.push_back(line.substr(start, i - start));
    }
    return fields;
}

// Why a line's fields can't be a binding, or empty when they can. The
// duplicate checks need the table and come later.
std::string field_problem(const std::vector<std::string_view>& fields)
{
    if (fields.size() < 2)
        return "expected \"alias wwid\"";
    auto alias = fields[0];
    auto wwid = fields[1];
    if (alias.size() > max_alias_length)
        return "alias longer than " + std::to_string(max_alias_length) + " bytes";
    if (auto why = alias_problem(alias); !why.empty())
        return "invalid alias " + quoted(alias) + ": " + why;
    if (wwid.size() > max_wwid_length)
        return "WWID longer than " + std::to_string(max_wwid_length) + " bytes";
    if (auto why = wwid_problem(wwid); !why.empty())
        return "invalid WWID " + quoted(wwid) + ": " + why;
    return {};
}

}  // namespace

const Binding* BindingsTable::find_by_wwid(std::string_view wwid) const
{
    for (const auto& b : entries)
        if (b.wwid == wwid)
            return &b;
    return nullptr;
}

const Binding* BindingsTable::find_by_alias(std::string_view alias) const
{
    for (const auto& b : lines)
        if (b.alias == alias && !b.wwid.empty())
            return &b;
    return nullptr;
}

void BindingsTable::add(const Binding& b)
{
    entries.push_back(b);
    lines.push_back(b);
}

BindingsTable parse_bindings(std::string_view text, const std::string& filename)
{
    BindingsTable table;
    // Positions in table.entries; the views point into `text`, which outlives
    // the parse. Maps keep a 10,000-line file linear.
    std::unordered_map<std::string_view, std::size_t> by_alias;
    std::unordered_map<std::string_view, std::size_t> by_wwid;

    auto reject = [&](int line_no, const std::string& what) {
        table.problems.push_back(
            make_diagnostic(Severity::warning, filename, line_no, 0,
                            what + "; line ignored (its alias stays taken)"));
    };

    int line_no = 0;
    for (auto line : split_lines(text)) {
        ++line_no;
        auto fields = split_fields(line.substr(0, max_line_length));
        if (!fields.empty())
            table.lines.push_back({std::string(fields[0]),
                                   fields.size() > 1 ? std::string(fields[1]) : std::string(),
                                   line_no});
        if (line.size() > max_line_length) {
            reject(line_no, "line longer than " + std::to_string(max_line_length) + " bytes");
            continue;
        }
        if (fields.empty())
            continue;  // blank or comment
        if (auto why = field_problem(fields); !why.empty()) {
            reject(line_no, why);
            continue;
        }
        if (fields.size() > 2)  // multipath-tools reads two fields and ignores the rest
            table.problems.push_back(make_diagnostic(Severity::warning, filename, line_no, 0,
                                                     "text after the WWID ignored"));
        auto alias = fields[0];
        auto wwid = fields[1];
        if (auto it = by_alias.find(alias); it != by_alias.end()) {
            const auto& first = table.entries[it->second];
            reject(line_no, "duplicate alias " + quoted(alias) + " (already bound to " +
                                first.wwid + " on line " + std::to_string(first.line) + ")");
            continue;
        }
        if (auto it = by_wwid.find(wwid); it != by_wwid.end()) {
            const auto& first = table.entries[it->second];
            reject(line_no, "WWID " + std::string(wwid) + " already bound to " +
                                quoted(first.alias) + " on line " + std::to_string(first.line));
            continue;
        }
        by_alias.emplace(alias, table.entries.size());
        by_wwid.emplace(wwid, table.entries.size());
        table.entries.push_back({std::string(alias), std::string(wwid), line_no});
    }
    return table;
}

namespace {

// Why `b` cannot be appended to a file that binds `table`; "" when it can.
// Sets `present` when the very same binding is there already.
std::string binding_conflict(const BindingsTable& table, const Binding& b, bool& present)
{
    present = false;
    if (auto why = field_problem({b.alias, b.wwid}); !why.empty())
        return "cannot bind " + quoted(b.alias) + " to " + quoted(b.wwid) + ": " + why;
    const Binding* by_alias = table.find_by_alias(b.alias);
    const Binding* by_wwid = table.find_by_wwid(b.wwid);
    if (by_alias && by_alias->wwid != b.wwid)
        return "alias " + quoted(b.alias) + " is already bound to " + by_alias->wwid + ", not binding it to " + b.wwid;
    if (by_wwid && by_wwid->alias != b.alias)
        return "WWID " + b.wwid + " is already bound to " + quoted(by_wwid->alias) + ", not binding it to " +
               quoted(b.alias);
    present = by_alias != nullptr;
    return {};
}

}  // namespace

Result<std::string> append_bindings(std::string_view text, const std::vector<Binding>& entries,
                                    const std::string& filename)
{
    auto table = parse_bindings(text, filename);
    std::string lines;
    for (const auto& b : entries) {
        bool present = false;
        if (auto why = binding_conflict(table, b, present); !why.empty())
            return Result<std::string>::fail(filename + ": " + why);
        if (present)
            continue;
        table.add(b);  // later entries must not contradict it either
        lines += b.alias + " " + b.wwid + "\n";
    }
    return Result<std::string>::ok(with_appended_lines(text, lines, header));
}

std::string format_bindings(const std::vector<Binding>& entries)
{
    std::string out(header);
    for (const auto& b : entries)
        out += b.alias + " " + b.wwid + "\n";
    return out;
}

std::string index_to_suffix(unsigned long index)
{
    // Bijective base 26 has no zero digit: take one off before each digit.
    std::string reversed;
    while (index > 0) {
        --index;
        reversed += static_cast<char>('a' + index % 26);
        index /= 26;
    }
    return {reversed.rbegin(), reversed.rend()};
}

std::optional<unsigned long> suffix_to_index(std::string_view suffix)
{
    if (suffix.empty())
        return std::nullopt;
    unsigned long value = 0;
    for (char c : suffix) {
        if (c < 'a' || c > 'z')
            return std::nullopt;
        unsigned long digit = static_cast<unsigned long>(c - 'a') + 1;
        // value * 26 + digit must not wrap.
        if (value > (ULONG_MAX - digit) / 26)
            return std::nullopt;
        value = value * 26 + digit;
    }
    return value;
}

namespace {

// The index of a friendly name, as multipath-tools scans one: 0 when `name`
// is not prefix+[a-z]+ or its index does not fit an int.
unsigned long index_of(std::string_view name, std::string_view prefix)
{
    if (name.substr(0, prefix.size()) != prefix)
        return 0;
    auto n = suffix_to_index(name.substr(prefix.size()));
    return n && *n <= INT_MAX ? *n : 0;
}

}  // namespace

std::string next_free_alias(std::string_view prefix, const BindingsTable& table,
                            const std::vector<std::string>& taken)
{
    unsigned long id = 1;
    unsigned long biggest = 1;
    unsigned long smallest_bigger = ULONG_MAX;
    for (const auto& line : table.lines) {
        auto current = index_of(line.alias, prefix);
        if (current == id)
            ++id;
        biggest = std::max(biggest, current);
        if (current > id && current < smallest_bigger)
            smallest_bigger = current;
    }
    if (id >= smallest_bigger)
        id = biggest + 1;
    auto name = [&](unsigned long n) { return std::string(prefix) + index_to_suffix(n); };
    while (id <= INT_MAX && std::find(taken.begin(), taken.end(), name(id)) != taken.end()) {
        ++id;
        if (id == smallest_bigger && biggest >= smallest_bigger)
            id = biggest + 1;
    }
    return id <= INT_MAX ? name(id) : std::string();
}

}  // namespace mpb

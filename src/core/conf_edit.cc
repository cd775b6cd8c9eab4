// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/conf_edit.hh"

#include "core/alias.hh"
#include "core/conf_syntax.hh"
#include "core/keywords.hh"
#include "core/regex.hh"
#include "core/text.hh"

namespace mpb {

namespace {

const char* const added_comment = "# Added by mpath-boot-ks from the kickstart.";

// ----- checking the edits before touching the text --------------------------

std::string value_problem(const std::string& value)
{
    // A line break would end the entry and start another one.
    if (value.find_first_of(std::string_view("\n\r\0", 3)) != std::string::npos)
        return "a line break or NUL cannot stand in a value";
    return {};
}

std::string default_problem(const std::string& keyword, const std::string& value)
{
    const Keyword* k = find_keyword(keyword);
    if (!k)
        return is_unused_keyword(keyword) ? "" : "unknown keyword";
    if (!(k->sections & in_defaults))
        return "not valid in section \"defaults\"";
    MapOptions map;
    GlobalOptions global;
    return k->set(map, global, value, Origin{});
}

std::string filter_problem(const std::string& keyword, const std::string& value)
{
    if (keyword != "wwid" && keyword != "devnode" && keyword != "property" && keyword != "protocol")
        return "not a blacklist keyword (wwid, devnode, property or protocol)";
    auto re = Regex::compile(value);
    return re ? "" : "invalid regular expression: " + re.error();
}

std::string edit_problem(const std::string& section, const std::string& keyword,
                         const std::string& value, const std::string& problem)
{
    if (problem.empty())
        return {};
    return "cannot set " + quoted(keyword) + " to " + quoted(value) + " in section " +
           quoted(section) + ": " + problem;
}

std::string first_problem(const ConfEdits& e)
{
    auto check = [](const char* section, const std::string& k, const std::string& v,
                    std::string (*meaning)(const std::string&, const std::string&)) {
        auto p = value_problem(v);
        return edit_problem(section, k, v, p.empty() ? meaning(k, v) : p);
    };
    auto wwid_alias = [](const std::string& k, const std::string& v) {
        return k == "wwid" ? wwid_problem(v) : alias_problem(v);
    };
    std::string p;
    for (auto it = e.defaults.begin(); p.empty() && it != e.defaults.end(); ++it)
        p = check("defaults", it->first, it->second, default_problem);
    for (auto it = e.blacklist.begin(); p.empty() && it != e.blacklist.end(); ++it)
        p = check("blacklist", it->first, it->second, filter_problem);
    for (auto it = e.blacklist_exception_wwids.begin();
         p.empty() && it != e.blacklist_exception_wwids.end(); ++it)
        p = check("blacklist_exceptions", "wwid", *it, filter_problem);
    for (auto it = e.multipaths.begin(); p.empty() && it != e.multipaths.end(); ++it) {
        p = check("multipath", "wwid", it->first, wwid_alias);
        if (p.empty())
            p = check("multipath", "alias", it->second, wwid_alias);
    }
    return p;
}

// ----- writing values and finding tokens, as conf_syntax.cc reads them ------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

bool ends_bare_word(char c)
{
    return is_space(c) || c == '"' || c == '#' || c == '!' || c == '{' || c == '}';
}

// Bare when it reads back as one bare word, else "quoted" with "" for '"'.
std::string conf_value(std::string_view v)
{
    bool bare = !v.empty();
    for (char c : v)
        bare = bare && !ends_bare_word(c);
    if (bare)
        return std::string(v);
    std::string out = "\"";
    for (char c : v)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The end of the token starting at line[i] (the text parsed, so it is whole).
std::size_t token_end(std::string_view line, std::size_t i)
{
    if (line[i] != '"') {
        while (i < line.size() && !ends_bare_word(line[i]))
            ++i;
        return i;
    }
    for (++i; i < line.size(); ++i) {
        if (line[i] != '"')
            continue;
        if (i + 1 < line.size() && line[i + 1] == '"')
            ++i;
        else
            return i + 1;
    }
    return line.size();
}

// ----- one edit at a time on the current text -------------------------------

// A line of an added entry or subsection, `depth` levels below its base.
struct AddedLine {
    int depth;
    std::string text;
};
using Added = std::vector<AddedLine>;

// Each change re-reads the text it edits, so a later edit sees the lines an
// earlier one added (the same keyword twice is one line, with the last value).
class Editor {
public:
    Editor(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    const std::string& text() const { return text_; }

    void set_default(const std::string& keyword, const std::string& value)
    {
        read();
        const ConfNode* section = nullptr;
        const ConfNode* entry = nullptr;
        for (const auto& s : top("defaults")) {
            section = s;
            for (const auto& c : s->children)
                if (!c.section && c.keyword == keyword)
                    entry = &c;
        }
        Added line{{0, keyword + " " + conf_value(value)}};
        if (entry)
            replace_value(*entry, value);
        else if (section)
            insert_into(*section, line);
        else
            append_section("defaults", line);
    }

    void add_filter(const std::string& section_name, const std::string& keyword,
                    const std::string& value)
    {
        read();
        const ConfNode* section = nullptr;
        for (const auto& s : top(section_name)) {
            section = s;
            for (const auto& c : s->children)
                if (!c.section && c.keyword == keyword && c.value == value)
                    return;
        }
        Added line{{0, keyword + " " + conf_value(value)}};
        if (section)
            insert_into(*section, line);
        else
            append_section(section_name, line);
    }

    void set_alias(const std::string& wwid, const std::string& alias)
    {
        read();
        const ConfNode *section = nullptr, *entry = nullptr, *alias_line = nullptr;
        for (const auto& s : top("multipaths")) {
            section = s;
            for (const auto& m : s->children) {
                if (!m.section || m.keyword != "multipath" || wwid_of(m) != wwid)
                    continue;
                entry = &m;
                for (const auto& c : m.children)
                    if (!c.section && c.keyword == "alias")
                        alias_line = &c;
            }
        }
        Added added{{0, "alias " + conf_value(alias)}};
        Added subsection{{0, "multipath {"}, {1, "wwid " + conf_value(wwid)},
                         {1, "alias " + conf_value(alias)}, {0, "}"}};
        if (alias_line)
            replace_value(*alias_line, alias);
        else if (entry)
            insert_into(*entry, added);
        else if (section)
            insert_into(*section, subsection);
        else
            append_section("multipaths", subsection);
    }

private:
    void read()
    {
        syntax_ = parse_conf_syntax(text_, file_);
        lines_ = split_lines(text_);
    }

    std::vector<const ConfNode*> top(const std::string& keyword) const
    {
        std::vector<const ConfNode*> out;
        for (const auto& n : syntax_.top)
            if (n.section && n.keyword == keyword)
                out.push_back(&n);
        return out;
    }

    // The WWID load_config gives a multipath subsection: its last wwid line's.
    static std::string wwid_of(const ConfNode& m)
    {
        std::string w;
        for (const auto& c : m.children)
            if (!c.section && c.keyword == "wwid" && c.value)
                w = *c.value;
        return w;
    }

    std::size_t offset_of(int line) const
    {
        if (line > static_cast<int>(lines_.size()))
            return text_.size();
        return static_cast<std::size_t>(lines_[line - 1].data() - text_.data());
    }

    std::string indent_of(const ConfNode& n) const
    {
        return std::string(lines_[n.line - 1].substr(0, n.column - 1));
    }

    // The line of the `}` closing `section`: the first line after its last
    // entry that starts with '}' -- only blank and comment lines can come
    // between, or the text would not have parsed.
    int close_line(const ConfNode& section) const
    {
        int last = section.line;
        if (!section.children.empty()) {
            const auto& c = section.children.back();
            last = c.section ? close_line(c) : c.line;
        }
        for (int n = last + 1; n <= static_cast<int>(lines_.size()); ++n) {
            auto t = trim(lines_[n - 1]);
            if (!t.empty() && t[0] == '}')
                return n;
        }
        return static_cast<int>(lines_.size()) + 1;  // not reached on parsed text
    }

    // One level of indentation as the file writes it: what the first
    // indented entry adds to its section's indentation; a tab by default.
    std::string level() const
    {
        for (const auto& n : syntax_.top)
            if (auto l = level_in(n); !l.empty())
                return l;
        return "\t";
    }

    std::string level_in(const ConfNode& section) const
    {
        if (!section.section || section.children.empty())
            return {};
        auto outer = indent_of(section);
        auto inner = indent_of(section.children.front());
        if (inner.size() > outer.size() && starts_with(inner, outer))
            return inner.substr(outer.size());
        for (const auto& c : section.children)
            if (auto l = level_in(c); !l.empty())
                return l;
        return {};
    }

    std::string eol() const
    {
        auto nl = text_.find('\n');
        return nl != std::string::npos && nl > 0 && text_[nl - 1] == '\r' ? "\r\n" : "\n";
    }

    std::string render(const Added& lines, const std::string& base) const
    {
        std::string out;
        for (const auto& l : lines) {
            out += base;
            for (int d = 0; d < l.depth; ++d)
                out += level();
            out += l.text + eol();
        }
        return out;
    }

    void replace_value(const ConfNode& entry, const std::string& value)
    {
        if (entry.value == value)
            return;
        auto line = lines_[entry.line - 1];
        auto at = offset_of(entry.line);
        auto keyword_end = token_end(line, entry.column - 1);
        auto v = keyword_end;
        while (v < line.size() && is_space(line[v]))
            ++v;
        if (entry.value)
            text_.replace(at + v, token_end(line, v) - v, conf_value(value));
        else  // a bare keyword: the value goes after it
            text_.insert(at + keyword_end, " " + conf_value(value));
    }

    void insert_into(const ConfNode& section, const Added& lines)
    {
        auto base = section.children.empty() ? indent_of(section) + level()
                                             : indent_of(section.children.back());
        text_.insert(offset_of(close_line(section)), render(lines, base));
    }

    void append_section(const std::string& name, const Added& lines)
    {
        std::string add;
        if (!text_.empty() && text_.back() != '\n')
            add += eol();
        if (!commented_) {
            if (!lines_.empty() && !trim(lines_.back()).empty())
                add += eol();
            add += added_comment + eol();
            commented_ = true;
        }
        add += name + " {" + eol() + render(lines, level()) + "}" + eol();
        text_ += add;
    }

    std::string text_;
    const std::string& file_;
    ConfSyntax syntax_;
    std::vector<std::string_view> lines_;
    bool commented_ = false;  // the comment line before appended sections is written
};

}  // namespace

Result<std::string> edit_multipath_conf(std::string_view text, const std::string& file,
                                        const ConfEdits& edits)
{
    auto syntax = parse_conf_syntax(text, file);
    for (const auto& d : syntax.diagnostics)
        if (d.severity == Severity::error)
            return Result<std::string>::fail(d.text);
    if (auto p = first_problem(edits); !p.empty())
        return Result<std::string>::fail(p);
    Editor e(text, file);
    for (const auto& [k, v] : edits.defaults)
        e.set_default(k, v);
    for (const auto& [k, v] : edits.blacklist)
        e.add_filter("blacklist", k, v);
    for (const auto& w : edits.blacklist_exception_wwids)
        e.add_filter("blacklist_exceptions", "wwid", w);
    for (const auto& [w, a] : edits.multipaths)
        e.set_alias(w, a);
    return Result<std::string>::ok(e.text());
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "kickstart/words.hh"

#include <algorithm>

#include "core/text.hh"

namespace mpb::ks {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The splitter's state between characters.
struct Splitter {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;  // "" is a word: quotes start one
    char quote = 0;        // '\'' or '"' while inside quotes

    void end_word()
    {
        if (in_word)
            words.push_back(word);
        word.clear();
        in_word = false;
    }
};

// Inside "double" quotes a backslash escapes only '"' and '\' (shlex's
// escapedquotes); before anything else it stays.
void take_quoted_escape(Splitter& s, std::string_view line, std::size_t& i)
{
    char next = line[i + 1];
    if (s.quote == '"' && next != '"' && next != '\\')
        s.word += '\\';
    s.word += next;
    ++i;
}

// Returns false at an unquoted '#': the rest of the line is a comment.
bool take_unquoted(Splitter& s, std::string_view line, std::size_t& i)
{
    char c = line[i];
    if (is_blank(c)) {
        s.end_word();
    } else if (c == '#') {
        return false;
    } else if (c == '\'' || c == '"') {
        s.quote = c;
        s.in_word = true;
    } else if (c == '\\') {
        s.word += line[++i];
        s.in_word = true;
    } else {
        s.word += c;
        s.in_word = true;
    }
    return true;
}

}  // namespace

Result<std::vector<std::string>> split_shell_words(std::string_view line)
{
    using R = Result<std::vector<std::string>>;
    Splitter s;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        bool escape = c == '\\' && s.quote != '\'';
        if (escape && i + 1 == line.size())
            return R::fail("no escaped character");
        if (s.quote != 0 && c == s.quote)
            s.quote = 0;
        else if (s.quote != 0 && escape)
            take_quoted_escape(s, line, i);
        else if (s.quote != 0)
            s.word += c;
        else if (!take_unquoted(s, line, i))
            break;
    }
    if (s.quote != 0)
        return R::fail("no closing quotation");
    s.end_word();
    return R::ok(std::move(s.words));
}

namespace {

// Splits "--opt=value" into its name and value; the value of "--opt" alone
// is the next word unless that is an option too (then `i` stays).
Option option_at(const std::vector<std::string>& words, std::size_t& i)
{
    const std::string& w = words[i];
    if (auto eq = w.find('='); eq != std::string::npos)
        return {w.substr(0, eq), w.substr(eq + 1)};
    if (i + 1 < words.size() && !starts_with(words[i + 1], "--"))
        return {w, words[++i]};
    return {w, ""};
}

}  // namespace

std::vector<Option> read_options(const std::vector<std::string>& words,
                                 const std::vector<std::string_view>& known,
                                 std::vector<std::string>& problems)
{
    std::vector<Option> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!starts_with(words[i], "-")) {
            problems.push_back("unexpected argument " + quoted(words[i]));
            continue;
        }
        Option o = option_at(words, i);
        if (std::find(known.begin(), known.end(), o.name) == known.end())
            problems.push_back("unknown option " + o.name);
        else if (o.value.empty())
            problems.push_back("option " + o.name + " needs a value");
        else if (std::any_of(out.begin(), out.end(), [&](const Option& x) { return x.name == o.name; }))
            problems.push_back("option " + o.name + " given twice");
        else
            out.push_back(std::move(o));
    }
    return out;
}

std::vector<Option> find_options(const std::vector<std::string>& words,
                                 const std::vector<std::string_view>& names)
{
    std::vector<Option> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        bool named = std::any_of(names.begin(), names.end(), [&](std::string_view n) {
            return words[i] == n || starts_with(words[i], std::string(n) + "=");
        });
        if (named)
            out.push_back(option_at(words, i));
    }
    return out;
}

}  // namespace mpb::ks

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/conf_syntax.hh"

#include "core/text.hh"

namespace mpb {

namespace {

struct Token {
    std::string text;
    bool quoted = false;
    int column = 0;
};

struct LineTokens {
    std::vector<Token> tokens;
    std::string error;  // non-empty on a lexical error
    int error_column = 0;
};

// Reads a "quoted" token starting at line[i] == '"'; "" stands for '"'.
bool read_quoted(std::string_view line, std::size_t& i, std::string& out)
{
    for (++i; i < line.size(); ++i) {
        if (line[i] != '"') {
            out += line[i];
            continue;
        }
        if (i + 1 < line.size() && line[i + 1] == '"') {
            out += '"';
            ++i;
            continue;
        }
        ++i;
        return true;
    }
    return false;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

// A bare word holds no whitespace, quote, comment character or brace.
bool ends_bare_word(char c)
{
    return is_space(c) || c == '"' || c == '#' || c == '!' || c == '{' || c == '}';
}

LineTokens tokenize(std::string_view line)
{
    LineTokens lt;
    std::size_t i = 0;
    while (i < line.size()) {
        char c = line[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (c == '#' || c == '!')
            break;
        Token t;
        t.column = static_cast<int>(i) + 1;
        if (c == '"') {
            t.quoted = true;
            if (!read_quoted(line, i, t.text)) {
                lt.error = "unterminated quoted string";
                lt.error_column = t.column;
                return lt;
            }
        } else if (c == '{' || c == '}') {
            t.text = c;
            ++i;
        } else {
            // `c` does not end a bare word, so every pass consumes input.
            do
                t.text += line[i++];
            while (i < line.size() && !ends_bare_word(line[i]));
        }
        lt.tokens.push_back(std::move(t));
    }
    return lt;
}

bool is_brace(const Token& t, char b) { return !t.quoted && t.text.size() == 1 && t.text[0] == b; }

class Parser {
public:
    Parser(const std::string& file) : file_(file) {}

    ConfSyntax run(std::string_view text)
    {
        auto lines = split_lines(text);
        stack_.push_back(&result_.top);
        for (std::size_t n = 0; n < lines.size() && ok_; ++n)
            line(lines[n], static_cast<int>(n) + 1);
        if (ok_ && !open_.empty())
            fail(open_.back().line, open_.back().column,
                 "section " + quoted(open_.back().keyword) + " is never closed");
        if (!ok_)
            result_.top.clear();
        return std::move(result_);
    }

private:
    struct Open {
        std::string keyword;
        int line, column;
    };

    void fail(int line, int column, const std::string& what)
    {
        result_.diagnostics.push_back(make_diagnostic(Severity::error, file_, line, column, what));
        ok_ = false;
    }

    void warn(int line, const std::string& what)
    {
        result_.diagnostics.push_back(make_diagnostic(Severity::warning, file_, line, 0, what));
    }

    void line(std::string_view text, int n)
    {
        auto lt = tokenize(text);
        if (!lt.error.empty())
            return fail(n, lt.error_column, lt.error);
        auto& t = lt.tokens;
        if (t.empty())
            return;
        if (is_brace(t[0], '}'))
            return close(t, n);
        if (is_brace(t[0], '{'))
            return fail(n, t[0].column, "'{' must follow a section keyword on the same line");
        for (std::size_t i = 1; i < t.size(); ++i)
            if (is_brace(t[i], '}'))
                return fail(n, t[i].column, "'}' must stand alone on its line");
        if (is_brace(t.back(), '{'))
            return open(t, n);
        for (std::size_t i = 1; i < t.size(); ++i)
            if (is_brace(t[i], '{'))
                return fail(n, t[i].column, "'{' must end the line that opens a section");
        entry(t, n);
    }

    void close(const std::vector<Token>& t, int n)
    {
        if (t.size() > 1)
            return fail(n, t[1].column, "'}' must stand alone on its line");
        if (open_.empty())
            return fail(n, t[0].column, "'}' without an open section");
        open_.pop_back();
        stack_.pop_back();
    }

    void open(const std::vector<Token>& t, int n)
    {
        if (t.size() != 2)
            return fail(n, t[1].column, "a section line holds only its keyword and '{'");
        if (open_.size() == max_conf_depth)
            return fail(n, t[0].column, "sections nested deeper than " + std::to_string(max_conf_depth) +
                                            " levels (multipath.conf uses 3)");
        ConfNode node{t[0].text, std::nullopt, true, {}, n, t[0].column};
        stack_.back()->push_back(std::move(node));
        open_.push_back({t[0].text, n, t[0].column});
        stack_.push_back(&stack_.back()->back().children);
    }

    void entry(const std::vector<Token>& t, int n)
    {
        ConfNode node{t[0].text, std::nullopt, false, {}, n, t[0].column};
        if (t.size() > 1)
            node.value = t[1].text;
        if (t.size() > 2)
            warn(n, "text after the value of " + quoted(t[0].text) +
                        " ignored (quote values that contain spaces)");
        stack_.back()->push_back(std::move(node));
    }

    const std::string& file_;
    ConfSyntax result_;
    std::vector<std::vector<ConfNode>*> stack_;
    std::vector<Open> open_;
    bool ok_ = true;
};

}  // namespace

ConfSyntax parse_conf_syntax(std::string_view text, const std::string& file)
{
    return Parser(file).run(text);
}

}  // namespace mpb

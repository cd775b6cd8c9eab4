// SPDX-License-Identifier: GPL-2.0-or-later
// multipath.conf syntax: lines, sections, bare and quoted values, comments,
// and every syntax error with its file:line:column.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/conf_syntax.hh"

namespace bdata = boost::unit_test::data;

namespace {

const std::string file = "/etc/multipath.conf";

std::string at(int line, int column, const std::string& severity, const std::string& what)
{
    std::string s = file + ":" + std::to_string(line);
    if (column > 0)
        s += ":" + std::to_string(column);
    return s + ": " + severity + ": " + what;
}

std::string error(int line, int column, const std::string& what)
{
    return at(line, column, "error", what);
}

std::string extra_words(int line, const std::string& keyword)
{
    return at(line, 0, "warning",
              "text after the value of \"" + keyword +
                  "\" ignored (quote values that contain spaces)");
}

// A tree as one string: keyword@line:col, =[value] when there is one,
// {children;...} for sections; siblings separated by ';'.
std::string dump(const std::vector<mpb::ConfNode>& nodes)
{
    std::string out;
    for (const auto& n : nodes) {
        if (!out.empty())
            out += ";";
        out += n.keyword + "@" + std::to_string(n.line) + ":" + std::to_string(n.column);
        if (n.value)
            out += "=[" + *n.value + "]";
        if (n.section)
            out += "{" + dump(n.children) + "}";
        else if (!n.children.empty())
            out += "<children on an entry!>";
    }
    return out;
}

std::vector<std::string> texts(const mpb::Diagnostics& d)
{
    std::vector<std::string> out;
    for (const auto& x : d)
        out.push_back(x.text);
    return out;
}

struct SyntaxCase {
    const char* name;
    std::string text;
    std::string tree;                      // dump() of the result
    std::vector<std::string> diagnostics;  // full text
};

std::ostream& operator<<(std::ostream& os, const SyntaxCase& c) { return os << c.name; }

const SyntaxCase good_cases[] = {
    {"empty file", "", "", {}},
    {"blank lines and whitespace", "\n  \n\t\n", "", {}},
    {"comments only", "# a comment\n  ! another\n\t# indented { \"\n", "", {}},
    {"bare value", "defaults {\n\tuser_friendly_names yes\n}\n",
     "defaults@1:1{user_friendly_names@2:2=[yes]}", {}},
    {"quoted value with spaces", "defaults {\n    features \"1 queue_if_no_path\"\n}\n",
     "defaults@1:1{features@2:5=[1 queue_if_no_path]}", {}},
    {"doubled quote inside quotes", "multipaths {\nmultipath {\nalias \"a\"\"b\"\n}\n}\n",
     "multipaths@1:1{multipath@2:1{alias@3:1=[a\"b]}}", {}},
    {"value that is only quotes", "x \"\"\"\"\"\"\n", "x@1:1=[\"\"]", {}},
    {"quotes around a quoted word", "x \"\"\"y\"\"\"\n", "x@1:1=[\"y\"]", {}},
    {"empty quoted value", "x \"\"\n", "x@1:1=[]", {}},
    {"keyword without value", "defaults {\n  skip_kpartx\n}\n",
     "defaults@1:1{skip_kpartx@2:3}", {}},
    {"hash inside quotes kept", "blacklist {\n devnode \"^(ram|#raw)\"\n}\n",
     "blacklist@1:1{devnode@2:2=[^(ram|#raw)]}", {}},
    {"bang inside quotes kept", "blacklist {\n devnode \"!^(sd[a-z])\"\n}\n",
     "blacklist@1:1{devnode@2:2=[!^(sd[a-z])]}", {}},
    {"braces inside quotes are text", "x \"{\"\ny \"}\"\nz \"a { b }\"\n",
     "x@1:1=[{];y@2:1=[}];z@3:1=[a { b }]", {}},
    {"hash comment after a value", "x yes # not a value\n", "x@1:1=[yes]", {}},
    {"bang comment after a value", "x yes ! not a value\n", "x@1:1=[yes]", {}},
    {"comment glued to a bare value", "x queue#rest\ny fail!rest\n",
     "x@1:1=[queue];y@2:1=[fail]", {}},
    {"comment glued to a keyword", "skip_kpartx#yes\n", "skip_kpartx@1:1", {}},
    {"comment after a quoted value", "x \"a # b\" # c\n", "x@1:1=[a # b]", {}},
    {"comment after section brace", "defaults { # opens\n} ! closes\n", "defaults@1:1{}", {}},
    {"quoted value glued to keyword", "alias\"a b\"\n", "alias@1:1=[a b]", {}},
    {"CRLF line ends", "defaults {\r\n\tfind_multipaths yes\r\n}\r\n",
     "defaults@1:1{find_multipaths@2:2=[yes]}", {}},
    {"CRLF after a quoted value", "x \"v\"\r\n", "x@1:1=[v]", {}},
    {"tabs and spaces mixed", "\t \tkeyword\t\tvalue\t \n", "keyword@1:4=[value]", {}},
    {"no final newline", "defaults {\n}", "defaults@1:1{}", {}},
    {"brace glued to section keyword", "defaults{\n}\n", "defaults@1:1{}", {}},
    {"nested sections, lines and columns",
     "# header\n"
     "devices {\n"
     "\tdevice {\n"
     "\t\tvendor \"ACME\"\n"
     "\n"
     "\t\tproduct Disk\n"
     "\t}\n"
     "  device {\n"
     "    vendor X\n"
     "  }\n"
     "}\n"
     "defaults {\n"
     "   no_path_retry 5\n"
     "}\n",
     "devices@2:1{device@3:2{vendor@4:3=[ACME];product@6:3=[Disk]};"
     "device@8:3{vendor@9:5=[X]}};defaults@12:1{no_path_retry@13:4=[5]}",
     {}},
    {"section closed at depth three",
     "blacklist {\n device {\n  vendor V\n }\n}\nblacklist_exceptions {\n wwid W\n}\n",
     "blacklist@1:1{device@2:2{vendor@3:3=[V]}};blacklist_exceptions@6:1{wwid@7:2=[W]}", {}},
    {"extra word after a value", "defaults {\n  user_friendly_names yes please\n}\n",
     "defaults@1:1{user_friendly_names@2:3=[yes]}", {extra_words(2, "user_friendly_names")}},
    {"extra quoted word after a quoted value", "x \"a\" \"b\"\ny 1 2 3\n", "x@1:1=[a];y@2:1=[1]",
     {extra_words(1, "x"), extra_words(2, "y")}},
    {"unquoted value with spaces", "features 1 queue_if_no_path\n", "features@1:1=[1]",
     {extra_words(1, "features")}},
};

const SyntaxCase error_cases[] = {
    {"unterminated quote", "defaults {\n  alias_prefix \"mp\n}\n", "",
     {error(2, 16, "unterminated quoted string")}},
    {"unterminated quote ending in a doubled quote", "x \"ab\"\"\n", "",
     {error(1, 3, "unterminated quoted string")}},
    {"unterminated quote, hash inside", "x \"a # b\n", "",
     {error(1, 3, "unterminated quoted string")}},
    {"unterminated quote at the start", "\"defaults {\n", "",
     {error(1, 1, "unterminated quoted string")}},
    {"close without open section", "}\n", "", {error(1, 1, "'}' without an open section")}},
    {"close after sections are balanced", "defaults {\n}\n  }\ndevices {\n}\n", "",
     {error(3, 3, "'}' without an open section")}},
    {"only the first error", "}\n}\n\"\n", "", {error(1, 1, "'}' without an open section")}},
    {"unclosed section names its line", "\ndefaults {\n  x y\n", "",
     {error(2, 1, "section \"defaults\" is never closed")}},
    {"unclosed outer section", "devices {\n\tdevice {\n\t\tvendor X\n\t}\n", "",
     {error(1, 1, "section \"devices\" is never closed")}},
    {"unclosed inner section", "defaults {\n}\ndevices {\n  device {\n", "",
     {error(4, 3, "section \"device\" is never closed")}},
    {"open brace alone on a line", "defaults\n{\n}\n", "",
     {error(2, 1, "'{' must follow a section keyword on the same line")}},
    {"open brace alone, indented", "defaults\n\t  {\n", "",
     {error(2, 4, "'{' must follow a section keyword on the same line")}},
    {"close brace with text after", "defaults {\n} x\n", "",
     {error(2, 3, "'}' must stand alone on its line")}},
    {"close brace twice", "defaults {\n}}\n", "", {error(2, 2, "'}' must stand alone on its line")}},
    {"close brace after a value", "defaults {\n  x }\n", "",
     {error(2, 5, "'}' must stand alone on its line")}},
    {"section opened and closed on one line", "defaults {}\n", "",
     {error(1, 11, "'}' must stand alone on its line")}},
    {"open brace in the middle", "defaults {\n  a { b\n}\n", "",
     {error(2, 5, "'{' must end the line that opens a section")}},
    {"section line with a value", "multipaths foo {\n}\n", "",
     {error(1, 12, "a section line holds only its keyword and '{'")}},
    {"section line with two braces", "defaults { {\n}\n}\n", "",
     {error(1, 10, "a section line holds only its keyword and '{'")}},
    {"error after a warning keeps the warning", "x 1 2\n}\n", "",
     {extra_words(1, "x"), error(2, 1, "'}' without an open section")}},
    {"error on a CRLF line", "defaults {\r\n\tx \"v\r\n}\r\n", "",
     {error(2, 4, "unterminated quoted string")}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(conf_syntax)

BOOST_DATA_TEST_CASE(parses, bdata::make(good_cases), c)
{
    auto s = mpb::parse_conf_syntax(c.text, file);
    BOOST_TEST(dump(s.top) == c.tree);
    BOOST_TEST(texts(s.diagnostics) == c.diagnostics, boost::test_tools::per_element());
    BOOST_TEST(!mpb::has_error(s.diagnostics));
}

BOOST_DATA_TEST_CASE(errors, bdata::make(error_cases), c)
{
    auto s = mpb::parse_conf_syntax(c.text, file);
    BOOST_TEST(s.top.empty());
    BOOST_TEST(texts(s.diagnostics) == c.diagnostics, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(!s.diagnostics.empty());
    // Exactly one error, and it is the last diagnostic.
    BOOST_TEST((s.diagnostics.back().severity == mpb::Severity::error));
    int errors = 0;
    for (const auto& d : s.diagnostics)
        errors += d.severity == mpb::Severity::error;
    BOOST_TEST(errors == 1);
}

// The file name is the caller's, not a fixed one.
BOOST_AUTO_TEST_CASE(file_name_in_messages)
{
    auto s = mpb::parse_conf_syntax("}\n", "/etc/multipath/conf.d/10-local.conf");
    BOOST_TEST_REQUIRE(s.diagnostics.size() == 1u);
    BOOST_TEST(s.diagnostics[0].text ==
               "/etc/multipath/conf.d/10-local.conf:1:1: error: '}' without an open section");
}

// A keyword whose value is absent differs from an empty quoted value.
BOOST_AUTO_TEST_CASE(absent_and_empty_values_differ)
{
    auto s = mpb::parse_conf_syntax("a\nb \"\"\n", file);
    BOOST_TEST_REQUIRE(s.top.size() == 2u);
    BOOST_TEST(!s.top[0].value.has_value());
    BOOST_TEST_REQUIRE(s.top[1].value.has_value());
    BOOST_TEST(s.top[1].value->empty());
    BOOST_TEST(!s.top[0].section);
    BOOST_TEST(!s.top[1].section);
}

// Sections nest 3 deep in multipath.conf; the tree is walked recursively
// and freed recursively, so deeper nesting is an error at the line that
// goes too deep (400,000 levels used to crash every command).
BOOST_AUTO_TEST_CASE(nesting_is_bounded)
{
    std::string deep;
    for (std::size_t i = 0; i < 400000; ++i)
        deep += "a {\n";
    auto s = mpb::parse_conf_syntax(deep, file);
    BOOST_TEST(s.top.empty());
    BOOST_TEST_REQUIRE(s.diagnostics.size() == 1u);
    BOOST_TEST(s.diagnostics[0].text ==
               file + ":17:1: error: sections nested deeper than 16 levels (multipath.conf uses 3)");
    std::string ok;
    for (std::size_t i = 0; i < mpb::max_conf_depth; ++i)
        ok += "a {\n";
    for (std::size_t i = 0; i < mpb::max_conf_depth; ++i)
        ok += "}\n";
    BOOST_TEST(mpb::parse_conf_syntax(ok, file).diagnostics.empty());
}

BOOST_AUTO_TEST_SUITE_END()

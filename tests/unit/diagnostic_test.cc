// SPDX-License-Identifier: GPL-2.0-or-later
// Diagnostics: the one-line "file:line[:col]: severity: what" form, has_error.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "core/diagnostic.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::Severity;

struct MakeCase {
    const char* name;
    Severity severity;
    std::string file;
    int line, column;
    std::string what;
    std::string text;
};

std::ostream& operator<<(std::ostream& os, const MakeCase& c) { return os << c.name; }

const MakeCase make_cases[] = {
    {"error with line and column", Severity::error, "/etc/multipath.conf", 12, 5,
     "unterminated quoted string", "/etc/multipath.conf:12:5: error: unterminated quoted string"},
    {"warning with line only", Severity::warning, "/etc/multipath.conf", 4, 0, "unknown keyword",
     "/etc/multipath.conf:4: warning: unknown keyword"},
    {"warning with line and column", Severity::warning, "a.conf", 1, 1, "x",
     "a.conf:1:1: warning: x"},
    {"error without line", Severity::error, "/etc/multipath/bindings", 0, 0, "unreadable",
     "/etc/multipath/bindings: error: unreadable"},
    {"warning without line", Severity::warning, "f", 0, 0, "w", "f: warning: w"},
    {"a column without a line is not printed", Severity::error, "/etc/multipath/bindings", 0, 5,
     "cannot read", "/etc/multipath/bindings: error: cannot read"},
    {"negative line and column not printed", Severity::warning, "f", -1, -3, "w",
     "f: warning: w"},
    {"large numbers", Severity::error, "f", 100000, 250, "e", "f:100000:250: error: e"},
};

struct HasErrorCase {
    const char* name;
    mpb::Diagnostics diagnostics;
    bool has_error;
};

std::ostream& operator<<(std::ostream& os, const HasErrorCase& c) { return os << c.name; }

const HasErrorCase has_error_cases[] = {
    {"none", {}, false},
    {"warnings only", {{Severity::warning, "a"}, {Severity::warning, "b"}}, false},
    {"one error", {{Severity::error, "a"}}, true},
    {"error after warnings", {{Severity::warning, "a"}, {Severity::warning, "b"}, {Severity::error, "c"}},
     true},
    {"error first", {{Severity::error, "a"}, {Severity::warning, "b"}}, true},
    // Severity decides, not the text.
    {"warning that mentions error", {{Severity::warning, "f:1: error: x"}}, false},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(diagnostic)

BOOST_DATA_TEST_CASE(make_diagnostic, bdata::make(make_cases), c)
{
    auto d = mpb::make_diagnostic(c.severity, c.file, c.line, c.column, c.what);
    BOOST_TEST(d.text == c.text);
    BOOST_TEST((d.severity == c.severity));
}

BOOST_DATA_TEST_CASE(has_error, bdata::make(has_error_cases), c)
{
    BOOST_TEST(mpb::has_error(c.diagnostics) == c.has_error);
}

BOOST_AUTO_TEST_CASE(default_is_warning)
{
    mpb::Diagnostic d;
    BOOST_TEST((d.severity == Severity::warning));
    BOOST_TEST(!mpb::has_error({d}));
}

BOOST_AUTO_TEST_SUITE_END()

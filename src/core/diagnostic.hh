// SPDX-License-Identifier: GPL-2.0-or-later
// A message about an input file: a warning (input partly ignored) or an error
// (input unusable). Text is one line, in the form compilers use:
//   /etc/multipath.conf:12:5: error: unterminated quoted string
#pragma once

#include <string>
#include <vector>

namespace mpb {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::warning;
    std::string text;  // complete line, "file:line[:col]: warning|error: what"
};

using Diagnostics = std::vector<Diagnostic>;

// "file:line: severity: what"; column is printed when > 0.
Diagnostic make_diagnostic(Severity s, const std::string& file, int line, int column,
                           const std::string& what);

bool has_error(const Diagnostics& d);

}  // namespace mpb

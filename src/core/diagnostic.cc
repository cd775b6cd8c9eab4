// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/diagnostic.hh"

namespace mpb {

Diagnostic make_diagnostic(Severity s, const std::string& file, int line, int column,
                           const std::string& what)
{
    std::string text = file;
    if (line > 0)
        text += ":" + std::to_string(line);
    if (line > 0 && column > 0)  // a column without a line would read as a line
        text += ":" + std::to_string(column);
    text += s == Severity::error ? ": error: " : ": warning: ";
    text += what;
    return {s, text};
}

bool has_error(const Diagnostics& d)
{
    for (const auto& x : d)
        if (x.severity == Severity::error)
            return true;
    return false;
}

}  // namespace mpb

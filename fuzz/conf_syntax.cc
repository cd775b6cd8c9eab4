// SPDX-License-Identifier: GPL-2.0-or-later
// multipath.conf's syntax (parse_conf_syntax): any text gives a tree or one
// error naming file:line:column, never both.
#include "core/conf_syntax.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto syntax = parse_conf_syntax(fuzz::as_text(data, size), "/etc/multipath.conf");
    if (has_error(syntax.diagnostics)) {
        fuzz::check(syntax.top.empty());
        fuzz::check(syntax.diagnostics.back().severity == Severity::error);
    }
    for (const auto& d : syntax.diagnostics)
        fuzz::check(d.text.starts_with("/etc/multipath.conf:"));
    return 0;
}

// SPDX-License-Identifier: GPL-2.0-or-later
// manual-dump [COMMAND]: prints manual_page(), or command_manual(COMMAND),
// exactly as the generated src/cmd/manual.cc holds it, for the CLI tests.
// Exits 1 when COMMAND has no manual (nothing printed).
#include <cstdio>
#include <string_view>

#include "cmd/manual.hh"

int main(int argc, char** argv)
{
    if (argc > 2) {
        std::fputs("usage: manual-dump [COMMAND]\n", stderr);
        return 2;
    }
    std::string_view text = argc == 2 ? mpb::command_manual(argv[1]) : mpb::manual_page();
    std::fwrite(text.data(), 1, text.size(), stdout);
    return text.empty() ? 1 : 0;
}

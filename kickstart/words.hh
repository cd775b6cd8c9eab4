// SPDX-License-Identifier: GPL-2.0-or-later
// The words of a kickstart line, as pykickstart gets them from Python's
// shlex.split(line, comments=True) in POSIX mode, and the --options of a
// command as its option parser reads them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hh"

namespace mpb::ks {

// 'single' quotes keep everything; "double" quotes let a backslash escape
// '"' and '\' only; outside quotes a backslash escapes any character; an
// unquoted '#' ends the line, even inside a word ("a#b" is "a"), as in
// shlex. Fails with "no closing quotation" or "no escaped character".
Result<std::vector<std::string>> split_shell_words(std::string_view line);

struct Option {
    std::string name;   // "--wwid"
    std::string value;  // "" when missing
};

// A command's words after its name, read as options that each take a
// value, "--opt=value" or "--opt value" (the next word, unless it starts
// with "--"). `known` lists the names; problems are appended to `problems`
// ("unknown option --x", "option --x needs a value", "option --x given
// twice", "unexpected argument \"x\"").
std::vector<Option> read_options(const std::vector<std::string>& words,
                                 const std::vector<std::string_view>& known,
                                 std::vector<std::string>& problems);

// The options named in `names` among a command's words, in the order
// written, each with its value ("" when missing); the command's other
// options and arguments are left alone. One given twice is there twice.
std::vector<Option> find_options(const std::vector<std::string>& words,
                                 const std::vector<std::string_view>& names);

}  // namespace mpb::ks

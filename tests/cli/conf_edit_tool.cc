// SPDX-License-Identifier: GPL-2.0-or-later
// conf-edit-tool CONF EDITS: prints CONF (a multipath.conf; "-" for none)
// with the edits EDITS lists applied by edit_multipath_conf, for the CLI
// tests to hand the result to multipath-tools. One edit a line:
//   defaults KEYWORD VALUE...   blacklist KEYWORD VALUE...
//   exception WWID              multipath WWID ALIAS
// VALUE is the rest of the line, spaces included. Exits 1 with the reason
// on stderr when the edit is refused, 2 on a usage or input error.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/conf_edit.hh"
#include "core/text.hh"

namespace {

bool read_file(const std::string& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return static_cast<bool>(in);
}

// "WORD REST": the first word and what follows its separating space.
std::pair<std::string, std::string> split_first(std::string_view line)
{
    auto space = line.find(' ');
    if (space == std::string_view::npos)
        return {std::string(line), {}};
    return {std::string(line.substr(0, space)), std::string(line.substr(space + 1))};
}

bool add_edit(std::string_view line, mpb::ConfEdits& e)
{
    auto [what, rest] = split_first(line);
    auto pair = split_first(rest);
    if (what == "defaults")
        e.defaults.push_back(pair);
    else if (what == "blacklist")
        e.blacklist.push_back(pair);
    else if (what == "exception")
        e.blacklist_exception_wwids.push_back(rest);
    else if (what == "multipath")
        e.multipaths.push_back(pair);
    else
        return what.empty();
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: conf-edit-tool CONF|- EDITS\n";
        return 2;
    }
    std::string conf, edits_text;
    if ((std::string(argv[1]) != "-" && !read_file(argv[1], conf)) || !read_file(argv[2], edits_text)) {
        std::cerr << "conf-edit-tool: cannot read the input files\n";
        return 2;
    }
    mpb::ConfEdits edits;
    for (auto line : mpb::split_lines(edits_text)) {
        if (!add_edit(line, edits)) {
            std::cerr << "conf-edit-tool: not an edit: " << line << "\n";
            return 2;
        }
    }
    auto r = mpb::edit_multipath_conf(conf, argv[1], edits);
    if (!r) {
        std::cerr << r.error() << "\n";
        return 1;
    }
    std::cout << *r;
    return 0;
}

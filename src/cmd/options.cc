// SPDX-License-Identifier: GPL-2.0-or-later
#include "cmd/options.hh"

#include <string_view>

namespace mpb {

std::string* multipath_path_slot(MultipathPaths& p, std::string_view name)
{
    if (name == "--config")
        return &p.config;
    if (name == "--config-dir")
        return &p.config_dir;
    if (name == "--state-dir")
        return &p.state_dir;
    return nullptr;
}

namespace {

// Options that take a value: --name VALUE or --name=VALUE.
std::string* value_slot(CliOptions& o, std::string_view name)
{
    if (name == "--settings")
        return &o.settings;
    return multipath_path_slot(o, name);
}

}  // namespace

Result<CliOptions> parse_cli(int argc, char** argv)
{
    CliOptions o;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        auto eq = a.find('=');
        auto name = a.substr(0, eq);
        if (auto* slot = value_slot(o, name)) {
            if (eq != std::string_view::npos)
                *slot = std::string(a.substr(eq + 1));
            else if (i + 1 < argc)
                *slot = argv[++i];
            else
                return Result<CliOptions>::fail("option " + std::string(name) + " needs a value");
            if (slot->empty())
                return Result<CliOptions>::fail("option " + std::string(name) + " needs a value");
            o.given.emplace(name);
        } else if (a == "-v" || a == "--verbose") {
            ++o.verbosity;
            o.verbosity_set = true;
        } else if (a == "-vv") {
            o.verbosity += 2;
            o.verbosity_set = true;
        } else if (a == "-q" || a == "--quiet") {
            o.verbosity = 0;
            o.verbosity_set = true;
        } else if (a == "-h" || a == "--help") {
            o.help = true;
        } else if (a == "--version") {
            o.version = true;
        } else if (o.command.empty() && !a.starts_with("-")) {
            o.command = std::string(a);
        } else if (!o.command.empty()) {
            o.args.emplace_back(a);
        } else {
            return Result<CliOptions>::fail("unknown option " + std::string(a) +
                                            " (see mpath-boot --help)");
        }
    }
    return Result<CliOptions>::ok(std::move(o));
}

}  // namespace mpb

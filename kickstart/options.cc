// SPDX-License-Identifier: GPL-2.0-or-later
#include "kickstart/options.hh"

#include <set>
#include <string_view>
#include <vector>

namespace mpb::ks {

namespace {

const char* const see_help = " (see mpath-boot-ks --help)";

std::string* value_slot(KsOptions& o, std::string_view name)
{
    if (name == "--kickstart")
        return &o.kickstart;
    if (name == "--sysroot")
        return &o.sysroot;
    if (name == "--replay")
        return &o.replay;
    return multipath_path_slot(o, name);
}

bool* flag_slot(KsOptions& o, std::string_view name)
{
    if (name == "--dry-run")
        return &o.dry_run;
    if (name == "--check")
        return &o.check;
    if (name == "-h" || name == "--help")
        return &o.help;
    if (name == "--version")
        return &o.version;
    return nullptr;
}

Result<KsOptions> complete(KsOptions o)
{
    if (o.help || o.version)
        return Result<KsOptions>::ok(std::move(o));
    if (o.dry_run && o.check)
        return Result<KsOptions>::fail(std::string("--dry-run and --check exclude each other") + see_help);
    for (auto [name, value] : {std::pair{"--kickstart", &o.kickstart}, std::pair{"--sysroot", &o.sysroot}})
        if (value->empty())
            return Result<KsOptions>::fail(std::string("option ") + name + " is required" + see_help);
    return Result<KsOptions>::ok(std::move(o));
}

}  // namespace

Result<KsOptions> parse_ks_options(int argc, char** argv)
{
    using R = Result<KsOptions>;
    KsOptions o;
    std::set<std::string> seen;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        auto name = a.substr(0, a.find('='));
        if (a == "-v" || a == "--verbose") {
            ++o.verbosity;
            continue;
        }
        if (a == "-q" || a == "--quiet") {
            o.verbosity = 0;
            continue;
        }
        if (!seen.insert(std::string(name)).second)
            return R::fail("option " + std::string(name) + " is given twice" + see_help);
        if (auto* slot = value_slot(o, name)) {
            *slot = name.size() < a.size() ? std::string(a.substr(name.size() + 1)) : i + 1 < argc ? argv[++i] : "";
            if (slot->empty())
                return R::fail("option " + std::string(name) + " needs a value");
        } else if (auto* flag = flag_slot(o, a)) {
            *flag = true;
        } else {
            return R::fail((a.starts_with("-") ? "unknown option " : "unexpected argument ") + std::string(a) +
                           see_help);
        }
    }
    return complete(std::move(o));
}

}  // namespace mpb::ks

// SPDX-License-Identifier: GPL-2.0-or-later
// The kickstart reader (read_kickstart): the input is /ks/ks.cfg, then the
// files /ks/1.ks, /ks/2.ks, ... it may %include, separated by lines "@@@@";
// /ks/unreadable.ks cannot be read and every other file does not exist.
// Every diagnostic names a file and line.
#include "fuzz/fuzz_input.hh"
#include "kickstart/reader.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto parts = fuzz::split_parts(fuzz::as_text(data, size), "@@@@");
    auto read = [&](const std::string& path) -> Result<std::optional<std::string>> {
        using R = Result<std::optional<std::string>>;
        if (path == "/ks/unreadable.ks")
            return R::fail(path + ": Permission denied");
        if (path == "/ks/ks.cfg")
            return R::ok(std::string(parts[0]));
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (path == "/ks/" + std::to_string(i) + ".ks")
                return R::ok(std::string(parts[i]));
        return R::ok(std::nullopt);
    };
    auto ks = ks::read_kickstart("/ks/ks.cfg", read);
    for (const auto& d : ks.diagnostics)
        fuzz::check(d.text.starts_with("/ks/"));
    return 0;
}

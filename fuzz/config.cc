// SPDX-License-Identifier: GPL-2.0-or-later
// multipath.conf with meaning (load_config): the input is the main file and
// conf.d files, separated by lines "@@@@"; the configuration is then
// resolved for a few devices, as the commands do. (show-config's printing,
// print_config, is left out: it prints the 123 built-in device entries
// every time, which would cut the executions per second tenfold.)
#include "core/config.hh"
#include "core/settings.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto parts = fuzz::split_parts(fuzz::as_text(data, size), "@@@@");
    std::vector<ConfigText> files;
    for (std::size_t i = 0; i < parts.size(); ++i)
        files.push_back({i == 0 ? "/etc/multipath.conf"
                                : "/etc/multipath/conf.d/" + std::to_string(i) + ".conf",
                         std::string(parts[i])});
    Config c = load_config(files);
    fuzz::check(!c.fell_back || has_error(c.diagnostics));
    for (auto [vendor, product] : {std::pair{"QEMU", "QEMU HARDDISK"}, {"NETAPP", "LUN C-Mode"},
                                   {"DGC", "VRAID"}}) {
        auto devices = matching_devices(c, vendor, product);
        for (const auto& m : c.multipaths)
            (void)resolve_settings(c, devices, c.find_multipath(m.wwid));
        (void)resolve_settings(c, devices, nullptr);
        (void)resolve_uid_attribute(c, "sda", devices);
        (void)resolve_uid_attribute(c, "nvme0n1", devices);
    }
    return 0;
}

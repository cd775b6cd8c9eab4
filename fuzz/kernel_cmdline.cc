// SPDX-License-Identifier: GPL-2.0-or-later
// The kernel command line (split_cmdline, parse_kernel_cmdline) and the
// path wait it gives with the built-in settings: within 0..max_path_wait.
#include "core/kernel_cmdline.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text = fuzz::as_text(data, size);
    for (const auto& p : split_cmdline(text))
        fuzz::check(p.name.size() <= text.size());
    auto k = parse_kernel_cmdline(text, "/proc/cmdline");
    if (k.wait)
        fuzz::check(*k.wait >= 0 && *k.wait <= max_path_wait);
    fuzz::check(k.disabled == !k.disabled_by.empty());
    auto wait = effective_path_wait(BootSettings{}, k);
    fuzz::check(wait.seconds >= 0 && wait.seconds <= max_path_wait);
    return 0;
}

// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot.conf (parse_boot_settings): any text gives settings within
// their bounds, every problem a warning naming the file.
#include "core/boot_settings.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto s = parse_boot_settings(fuzz::as_text(data, size), "/etc/mpath-boot.conf");
    fuzz::check(s.path_wait >= 0 && s.path_wait <= max_path_wait);
    fuzz::check(s.scsi_timeout_ms > 0 && s.scsi_timeout_ms <= max_scsi_timeout_ms);
    for (const auto& d : s.diagnostics)
        fuzz::check(d.text.starts_with("/etc/mpath-boot.conf"));
    return 0;
}

// SPDX-License-Identifier: GPL-2.0-or-later
// SCSI VPD pages 0x83 and 0x80 (wwid_from_vpd83, serial_from_vpd80): raw
// bytes as sysfs vpd_pg83 and vpd_pg80 hold them; never read past the page,
// and a WWID is never empty.
#include "core/vpd.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::span<const std::uint8_t> page(data, size);
    auto wwid = wwid_from_vpd83(page);
    fuzz::check(wwid ? !wwid.value().empty() : !wwid.error().empty());
    auto serial = serial_from_vpd80(page);
    fuzz::check(serial || !serial.error().empty());
    return 0;
}

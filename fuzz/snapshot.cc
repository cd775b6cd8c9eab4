// SPDX-License-Identifier: GPL-2.0-or-later
// Snapshot JSON (parse_snapshot, format_snapshot), what --replay reads: a
// snapshot read is written out and read again to the same text.
#include "core/snapshot.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto snap = parse_snapshot(fuzz::as_text(data, size), "snap.json");
    if (!snap) {
        fuzz::check(!snap.error().empty());
        return 0;
    }
    std::string text = format_snapshot(snap.value());
    auto again = parse_snapshot(text, "formatted.json");
    fuzz::check(again.has_value());
    fuzz::check(format_snapshot(again.value()) == text);
    return 0;
}

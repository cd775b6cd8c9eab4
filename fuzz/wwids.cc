// SPDX-License-Identifier: GPL-2.0-or-later
// /etc/multipath/wwids (parse_wwids, append_wwids, remove_wwids): what is
// read is written back and read again unchanged; a WWID appended is listed
// and a WWID removed is not.
#include <algorithm>

#include "core/wwids.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text = fuzz::as_text(data, size);
    auto table = parse_wwids(text, "/etc/multipath/wwids");
    auto again = parse_wwids(format_wwids(table.wwids), "/etc/multipath/wwids");
    fuzz::check(again.problems.empty());
    fuzz::check(again.wwids == table.wwids);
    const std::string added = "3600a098038303053453f463045727a4b";
    auto appended = append_wwids(text, {added}, "/etc/multipath/wwids");
    if (appended)
        fuzz::check(parse_wwids(appended.value(), "/etc/multipath/wwids").contains(added));
    if (!table.wwids.empty()) {
        auto removed = remove_wwids(text, {table.wwids.front()}, "/etc/multipath/wwids");
        if (removed)
            fuzz::check(!parse_wwids(removed.value(), "/etc/multipath/wwids")
                             .contains(table.wwids.front()));
    }
    return 0;
}

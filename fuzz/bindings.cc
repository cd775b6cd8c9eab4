// SPDX-License-Identifier: GPL-2.0-or-later
// /etc/multipath/bindings (parse_bindings and what is done with the table):
// the entries read are written back and read again unchanged, and the next
// friendly name is one no line holds.
#include "core/bindings.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text = fuzz::as_text(data, size);
    auto table = parse_bindings(text, "/etc/multipath/bindings");
    auto again = parse_bindings(format_bindings(table.entries), "/etc/multipath/bindings");
    fuzz::check(again.problems.empty());
    fuzz::check(again.entries.size() == table.entries.size());
    for (std::size_t i = 0; i < table.entries.size(); ++i) {
        fuzz::check(again.entries[i].alias == table.entries[i].alias);
        fuzz::check(again.entries[i].wwid == table.entries[i].wwid);
    }
    std::string next = next_free_alias("mpath", table, {"mpatha"});
    fuzz::check(table.find_by_alias(next) == nullptr);
    // A new binding for a WWID not bound yet, appended and read back.
    std::string wwid = "3600a098038303053453f463045727a" + std::to_string(size);
    if (!table.find_by_wwid(wwid)) {
        auto appended = append_bindings(text, {{next, wwid, 0}}, "/etc/multipath/bindings");
        if (appended) {
            auto read = parse_bindings(appended.value(), "/etc/multipath/bindings");
            const auto* b = read.find_by_wwid(wwid);
            fuzz::check(b && b->alias == next);
        }
    }
    return 0;
}

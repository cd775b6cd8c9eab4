// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/vpd.hh"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>

#include "core/hex.hh"

namespace mpb {

namespace {

using Bytes = std::span<const std::uint8_t>;

constexpr std::uint8_t page_device_identification = 0x83;
constexpr std::uint8_t page_unit_serial_number = 0x80;
constexpr std::size_t vpd_header_size = 4;
constexpr std::size_t designator_header_size = 4;

// Designator types (SPC-4 table "designator type") that can yield a WWID.
constexpr std::uint8_t type_t10_vendor_id = 0x1;
constexpr std::uint8_t type_eui64 = 0x2;
constexpr std::uint8_t type_naa = 0x3;
constexpr std::uint8_t type_scsi_name = 0x8;
constexpr std::uint8_t association_logical_unit = 0x0;

std::string_view as_text(Bytes data)
{
    return {reinterpret_cast<const char*>(data.data()), data.size()};
}

// Text designators and serials are NUL-padded: the text ends at the first NUL.
std::string_view text_before_nul(Bytes data)
{
    std::string_view text = as_text(data);
    return text.substr(0, text.find('\0'));
}

// The bytes after the 4-byte header: as many as the header states, but never
// more than were read, so a short read still yields what is there.
Result<Bytes> vpd_payload(Bytes page, std::uint8_t page_code)
{
    const std::string page_name = "VPD page " + hex_byte(page_code);
    if (page.empty())
        return Result<Bytes>::fail("empty " + page_name);
    if (page.size() < vpd_header_size)
        return Result<Bytes>::fail("truncated " + page_name + " header: " +
                                   std::to_string(page.size()) + " of 4 bytes");
    if (page[1] != page_code)
        return Result<Bytes>::fail("not a " + page_name + " (page code " +
                                   hex_byte(page[1]) + ")");
    const std::size_t stated = std::size_t{page[2]} << 8 | page[3];
    const std::size_t present = page.size() - vpd_header_size;
    return Result<Bytes>::ok(page.subspan(vpd_header_size, std::min(stated, present)));
}

struct Designator {
    std::size_t offset;  // from the start of the page, for reasons
    std::uint8_t association;
    std::uint8_t type;
    Bytes data;
};

// The designator at `at` in the designator list; fails when its header or
// its stated length runs past the end of the list.
Result<Designator> designator_at(Bytes list, std::size_t at)
{
    const std::size_t offset = vpd_header_size + at;
    const std::size_t left = list.size() - at;
    if (left < designator_header_size || left - designator_header_size < list[at + 3])
        return Result<Designator>::fail("designator at offset " + std::to_string(offset) +
                                        " overruns the page");
    return Result<Designator>::ok({
        .offset = offset,
        .association = static_cast<std::uint8_t>((list[at + 1] >> 4) & 0x3),
        .type = static_cast<std::uint8_t>(list[at + 1] & 0xf),
        .data = list.subspan(at + designator_header_size, list[at + 3]),
    });
}

// NAA priority depends on the NAA field, and each NAA format has one length.
int naa_priority(Bytes data)
{
    if (data.empty())
        return 0;
    switch (data[0] >> 4) {
    case 6: return data.size() == 16 ? 8 : 0;
    case 5: return data.size() == 8 ? 7 : 0;
    case 2: return data.size() == 8 ? 6 : 0;
    case 3: return data.size() == 8 ? 1 : 0;
    default: return 0;
    }
}

bool has_scsi_name_prefix(Bytes data)
{
    const std::string_view text = as_text(data);
    return text.starts_with("eui.") || text.starts_with("naa.") || text.starts_with("iqn.");
}

// How strongly multipath-tools prefers a designator; 0 means never chosen
// (wrong association, unknown type, or a length invalid for the type).
int priority(const Designator& d)
{
    if (d.association != association_logical_unit)
        return 0;
    const std::size_t size = d.data.size();
    switch (d.type) {
    case type_naa: return naa_priority(d.data);
    case type_eui64: return size == 8 || size == 12 || size == 16 ? 4 : 0;
    case type_scsi_name: return has_scsi_name_prefix(d.data) ? 3 : 0;
    case type_t10_vendor_id: return size >= 8 ? 2 : 0;
    default: return 0;
    }
}

// Whole bytes only, so the WWID is the prefix digit plus pairs: at most 127.
std::string hex_wwid(char prefix, Bytes data)
{
    const std::size_t count = std::min(data.size(), (max_wwid_length - 1) / 2);
    return prefix + hex_text(as_text(data.first(count)));
}

std::string designator_name(const Designator& d)
{
    return "designator at offset " + std::to_string(d.offset) +
           (d.type == type_t10_vendor_id ? " (T10 vendor id)" : " (SCSI name string)");
}

// Unlike multipath-tools, refuse control/non-ASCII bytes, '/' and blanks: unsafe in udev and files.
Result<std::string> checked_text(const Designator& d, std::string_view text, bool allow_space)
{
    for (unsigned char c : text) {
        const bool space_ok = c == ' ' && allow_space;
        if (!space_ok && (c <= ' ' || c >= 0x7f || c == '/'))
            return Result<std::string>::fail(designator_name(d) + " contains byte " +
                                              hex_byte(c) + ", not allowed in a WWID");
    }
    if (text.empty())
        return Result<std::string>::fail(designator_name(d) + " is blank");
    return Result<std::string>::ok(std::string(text));
}

// "eui." and "naa." names are hex and compared case-insensitively, so they
// are lowercased to match the binary forms; iSCSI names are kept as they are.
Result<std::string> scsi_name_wwid(const Designator& d)
{
    const std::string_view full = text_before_nul(d.data);
    auto rest = checked_text(d, full.substr(std::min<std::size_t>(4, full.size())), false);
    if (!rest)
        return rest;
    const char prefix = full.starts_with("eui.") ? '2' : full.starts_with("naa.") ? '3' : '8';
    std::string wwid = prefix + *rest;
    if (prefix != '8')
        std::transform(wwid.begin(), wwid.end(), wwid.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    wwid.resize(std::min(wwid.size(), max_wwid_length));
    return Result<std::string>::ok(std::move(wwid));
}

// Vendor and product are space padded: each run of spaces becomes one '_'.
std::string collapse_spaces(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != ' ')
            out += text[i];
        else if (i == 0 || text[i - 1] != ' ')
            out += '_';
    }
    return out;
}

Result<std::string> t10_wwid(const Designator& d)
{
    auto text = checked_text(d, text_before_nul(d.data), true);
    if (!text)
        return text;
    std::string wwid = "1" + collapse_spaces(*text);
    wwid.resize(std::min(wwid.size(), max_wwid_length));
    if (wwid.ends_with('_'))
        wwid.pop_back();
    if (wwid.size() == 1)
        return Result<std::string>::fail(designator_name(d) + " is blank");
    return Result<std::string>::ok(std::move(wwid));
}

// Only called for designators with a non-zero priority.
Result<std::string> designator_wwid(const Designator& d)
{
    switch (d.type) {
    case type_naa: return Result<std::string>::ok(hex_wwid('3', d.data));
    case type_eui64: return Result<std::string>::ok(hex_wwid('2', d.data));
    case type_scsi_name: return scsi_name_wwid(d);
    default: return t10_wwid(d);
    }
}

// The best WWID seen so far while walking the designator list.
class Choice {
public:
    // Among equal priorities the first designator wins, as in multipath-tools.
    // A designator whose text is refused is skipped like one of invalid length;
    // its reason is reported only if no other designator gives a WWID.
    void offer(const Designator& d)
    {
        const int p = priority(d);
        if (p <= priority_)
            return;
        auto wwid = designator_wwid(d);
        if (!wwid) {
            note(wwid.error());
            return;
        }
        wwid_ = std::move(wwid.value());
        priority_ = p;
    }

    void note(const std::string& problem)
    {
        if (problem_.empty())
            problem_ = problem;
    }

    Result<std::string> result() const
    {
        if (!wwid_.empty())
            return Result<std::string>::ok(wwid_);
        if (!problem_.empty())
            return Result<std::string>::fail(problem_);
        return Result<std::string>::fail("no logical-unit designator in VPD page 0x83");
    }

private:
    std::string wwid_;
    int priority_ = 0;
    std::string problem_;  // the first reason a designator was not usable
};

}  // namespace

Result<std::string> wwid_from_vpd83(std::span<const std::uint8_t> page)
{
    auto list = vpd_payload(page, page_device_identification);
    if (!list)
        return Result<std::string>::fail(list.error());
    Choice choice;
    for (std::size_t at = 0; at < list->size();) {
        auto d = designator_at(*list, at);
        if (!d) {
            choice.note(d.error());  // nothing after it can be located
            break;
        }
        choice.offer(*d);
        at += designator_header_size + d->data.size();
    }
    return choice.result();
}

Result<std::string> serial_from_vpd80(std::span<const std::uint8_t> page)
{
    auto payload = vpd_payload(page, page_unit_serial_number);
    if (!payload)
        return Result<std::string>::fail(payload.error());
    std::string_view serial = text_before_nul(*payload);
    const auto first = serial.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return Result<std::string>::fail("empty unit serial number");
    serial = serial.substr(first, serial.find_last_not_of(' ') + 1 - first);
    for (unsigned char c : serial) {
        if (c < ' ' || c == 0x7f)
            return Result<std::string>::fail("unit serial number contains control character " +
                                              hex_byte(c));
    }
    return Result<std::string>::ok(std::string(serial));
}

}  // namespace mpb

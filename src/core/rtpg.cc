// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rtpg.hh"

#include "core/hex.hh"

namespace mpb {

namespace {

unsigned byte_at(std::string_view b, std::size_t i) { return static_cast<unsigned char>(b[i]); }

unsigned be16(std::string_view b, std::size_t i) { return byte_at(b, i) << 8 | byte_at(b, i + 1); }

unsigned long long be32(std::string_view b, std::size_t i)
{
    return static_cast<unsigned long long>(be16(b, i)) << 16 | be16(b, i + 2);
}

constexpr std::size_t rtpg_header = 4;
constexpr std::size_t tpg_descriptor = 8;  // then 4 bytes per target port
constexpr unsigned designator_tpg = 5;

}  // namespace

const char* to_string(Tpgs t)
{
    switch (t) {
    case Tpgs::undef: return "unknown";
    case Tpgs::none: return "none";
    case Tpgs::implicit: return "implicit";
    case Tpgs::explicit_only: return "explicit";
    case Tpgs::both: return "implicit and explicit";
    }
    return "?";
}

Result<Tpgs> inquiry_tpgs(std::string_view inquiry)
{
    if (inquiry.size() < 6)
        return Result<Tpgs>::fail("INQUIRY data too short for the TPGS field (" +
                                  std::to_string(inquiry.size()) + " bytes, need 6)");
    return Result<Tpgs>::ok(static_cast<Tpgs>((byte_at(inquiry, 5) >> 4) & 3));
}

Result<unsigned> vpd83_target_port_group(std::string_view page)
{
    if (page.size() < 4 || byte_at(page, 1) != 0x83)
        return Result<unsigned>::fail("not a VPD page 0x83");
    // multipath-tools trusts the page length only as far as it read the page.
    std::size_t end = std::min<std::size_t>(page.size(), be16(page, 2) + 4);
    for (std::size_t at = 4; at + 4 <= end && at + 4 + byte_at(page, at + 3) <= end;
         at += 4 + byte_at(page, at + 3)) {
        if ((byte_at(page, at + 1) & 7) != designator_tpg)
            continue;
        if (byte_at(page, at + 3) < 4)
            return Result<unsigned>::fail("target port group designator at offset " +
                                          std::to_string(at) + " is shorter than 4 bytes");
        return Result<unsigned>::ok(be16(page, at + 6));
    }
    return Result<unsigned>::fail("no target port group designator in VPD page 0x83");
}

Result<AluaState> rtpg_state(std::string_view reply, unsigned tpg)
{
    using R = Result<AluaState>;
    if (reply.size() < rtpg_header)
        return R::fail("REPORT TARGET PORT GROUPS reply too short (" +
                       std::to_string(reply.size()) + " bytes)");
    auto said = be32(reply, 0) + rtpg_header;
    if (said > reply.size())
        return R::fail("REPORT TARGET PORT GROUPS reply truncated: says " + std::to_string(said) +
                       " bytes, has " + std::to_string(reply.size()));
    for (std::size_t at = rtpg_header; at < said;) {
        if (at + tpg_descriptor > said)
            return R::fail("REPORT TARGET PORT GROUPS descriptor at offset " + std::to_string(at) +
                           " truncated");
        if (be16(reply, at + 2) == tpg)
            return R::ok({byte_at(reply, at) & 0x0f, (byte_at(reply, at) & 0x80) != 0});
        at += tpg_descriptor + 4 * byte_at(reply, at + 7);
    }
    return R::fail("target port group " + std::to_string(tpg) +
                   " not in the REPORT TARGET PORT GROUPS reply");
}

std::string alua_state_name(unsigned state)
{
    switch (state) {
    case 0x0: return "active/optimized";
    case 0x1: return "active/non-optimized";
    case 0x2: return "standby";
    case 0x3: return "unavailable";
    case 0x4: return "lba-dependent";
    case 0xe: return "offline";
    case 0xf: return "transitioning";
    }
    return "reserved state " + hex_byte(static_cast<unsigned char>(state));
}

}  // namespace mpb

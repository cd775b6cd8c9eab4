// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/prioritizers.hh"

#include <array>

#include "core/hex.hh"
#include "core/rtpg.hh"

namespace mpb {

namespace {

// The value each ALUA state gives, sysfs and alua alike.
int state_value(unsigned state)
{
    switch (state) {
    case 0x0: return 50;
    case 0x1: return 10;
    case 0x4: return 5;
    case 0x2: return 1;
    }
    return 0;
}

// As multipath-tools finds it: the first occurrence only, standing alone.
bool exclusive_pref(std::string_view args)
{
    static constexpr std::string_view word = "exclusive_pref_bit";
    auto at = args.find(word);
    if (at == std::string_view::npos)
        return false;
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    auto end = at + word.size();
    return (end == args.size() || blank(args[end])) && (at == 0 || blank(args[at - 1]));
}

// preferred_path as a number (the kernel writes 0 or 1): any non-zero
// digit before other text means preferred; text that is no number does not.
bool preferred(const std::optional<std::string>& v)
{
    if (!v)
        return false;
    std::string_view s = *v;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (hex)
        s.remove_prefix(2);
    for (char c : s) {
        if (!(hex ? is_hex_digit(c) : c >= '0' && c <= '9'))
            break;
        if (c != '0')
            return true;
    }
    return false;
}

// The access_state text to a state number; sysfs matches by prefix.
unsigned state_of_text(const std::string& s)
{
    static const std::array<std::pair<std::string_view, unsigned>, 4> names{
        {{"active/optimized", 0x0}, {"active/non-optimized", 0x1}, {"lba-dependent", 0x4},
         {"standby", 0x2}}};
    for (const auto& [name, state] : names)
        if (std::string_view(s).starts_with(name))
            return state;
    return 0x3;  // any other text counts 0, as unavailable does
}

int with_preference(unsigned state, bool pref, std::string_view args)
{
    int v = state_value(state);
    return pref && (v != 50 || exclusive_pref(args)) ? v + 80 : v;
}

std::string preferred_text(bool pref) { return pref ? ", preferred" : ""; }

// A vendor page as multipath-tools reads it: into a zeroed 128-byte buffer.
std::string page_buffer(const std::string& reply)
{
    std::string b = reply.substr(0, 128);
    b.resize(128, '\0');
    return b;
}

unsigned at(const std::string& b, std::size_t i) { return static_cast<unsigned char>(b[i]); }

}  // namespace

PrioValue prio_const() { return {1, ""}; }

PrioValue prio_sysfs(const PrioFacts& f, std::string_view args)
{
    if (!f.access_state)
        return {prio_undef, "no access_state (no device handler keeps one)"};
    bool pref = preferred(f.preferred_path);
    return {with_preference(state_of_text(*f.access_state), pref, args),
            "access_state " + *f.access_state + (pref ? " and preferred_path " + *f.preferred_path : "")};
}

PrioValue prio_alua(const PrioFacts& f, std::string_view args)
{
    if (f.rtpg.empty()) {
        if (!f.access_state)
            return {prio_undef, "no REPORT TARGET PORT GROUPS reply and no access_state"};
        auto v = prio_sysfs(f, args);
        v.from += " (the kernel's copy of REPORT TARGET PORT GROUPS)";
        return v;
    }
    auto tpg = vpd83_target_port_group(f.vpd_pg83);
    if (!tpg)
        return {prio_undef, tpg.error()};
    auto s = rtpg_state(f.rtpg, tpg.value());
    if (!s)
        return {prio_undef, s.error()};
    return {with_preference(s->state, s->preferred, args),
            "REPORT TARGET PORT GROUPS: group " + std::to_string(tpg.value()) + " " +
                alua_state_name(s->state) + preferred_text(s->preferred)};
}

PrioValue prio_emc(const PrioFacts& f)
{
    if (f.vpd_pgc0.empty())
        return {prio_undef, "no VPD page 0xc0 reply"};
    auto b = page_buffer(f.vpd_pgc0);
    if (at(b, 1) != 0xc0 || at(b, 9) != 0)
        return {prio_undef, "VPD page 0xc0 in an unknown format"};
    if (at(b, 27) != 0x03 || ((at(b, 28) & 7) != 4 && (at(b, 28) & 7) != 6) || !(at(b, 30) & 4))
        return {prio_undef, "VPD page 0xc0: path not set up for failover"};
    if (at(b, 48) != 0)
        return {prio_undef, "VPD page 0xc0: LUN not in normal operation"};
    bool owner = at(b, 5) == at(b, 8);
    return {static_cast<int>(at(b, 4)) + (owner ? 2 : 0),
            "VPD page 0xc0: LUN state " + std::to_string(at(b, 4)) +
                (owner ? ", default owner" : "")};
}

PrioValue prio_rdac(const PrioFacts& f)
{
    if (f.vpd_pgc9.empty())
        return {0, "no VPD page 0xc9 reply"};
    auto b = page_buffer(f.vpd_pgc9);
    if (at(b, 1) != 0xc9 || at(b, 3) != 0x2c || b.compare(4, 3, "vac") != 0)
        return {0, "VPD page 0xc9 in an unknown format"};
    int v = (at(b, 8) & 1) ? 2 : 0;
    if ((at(b, 9) & 0x0f) == 1)
        v |= 4;
    else if ((at(b, 9) & 0x0f) == 2)
        v |= 1;
    if ((at(b, 8) >> 5) & 1)
        v |= 8;
    return {v, "VPD page 0xc9: bytes 8-9 " + hex_pair(static_cast<unsigned char>(at(b, 8))) +
                   hex_pair(static_cast<unsigned char>(at(b, 9)))};
}

namespace {

struct Sense {
    unsigned key = 0, asc = 0, ascq = 0;
};

// The sense of a TEST UNIT READY outcome, when its status says there is one
// (check condition, command terminated, or the driver's sense flag) and at
// least 3 bytes came: descriptor format when bit 1 of byte 0 is set.
std::optional<Sense> tur_sense(std::string_view outcome)
{
    if (outcome.size() < 3)
        return std::nullopt;
    unsigned status = static_cast<unsigned char>(outcome[0]) & 0x7e;
    unsigned driver = static_cast<unsigned char>(outcome[2]);
    auto sense = outcome.substr(3);
    if ((status != 0x02 && status != 0x22 && (driver & 0x0f) != 0x08) || sense.size() <= 2)
        return std::nullopt;
    auto b = [&](std::size_t i) { return i < sense.size() ? static_cast<unsigned char>(sense[i]) : 0u; };
    if (b(0) & 0x2)
        return Sense{b(1) & 0x0fu, b(2), b(3)};
    return Sense{b(2) & 0x0fu, b(12), b(13)};
}

}  // namespace

PrioValue prio_hp_sw(const PrioFacts& f)
{
    if (f.tur.size() < 3)
        return {0, "no TEST UNIT READY outcome"};
    auto status = at(f.tur, 0) & 0x7e;
    bool good = status == 0 && at(f.tur, 1) == 0 && at(f.tur, 2) == 0;
    auto s = tur_sense(f.tur);
    if (s && s->key == 0x01)
        good = true;
    if (s && s->key == 0x02 && s->asc == 0x04 && s->ascq == 0x02)
        return {2, "TEST UNIT READY: standby (not ready, 04/02)"};
    if (good)
        return {4, "TEST UNIT READY: active"};
    return {0, "TEST UNIT READY: failed (status " + hex_byte(static_cast<unsigned char>(status)) + ")"};
}

bool hp_sw_retries(std::string_view outcome)
{
    auto s = tur_sense(outcome);
    return s && s->key == 0x06 && s->asc == 0x29;
}

bool known_prioritizer(std::string_view name)
{
    static constexpr std::array<std::string_view, 14> names{
        "alua", "ana", "const", "datacore", "emc", "hds", "hp_sw", "iet", "ontap",
        "path_latency", "random", "rdac", "sysfs", "weightedpath"};
    for (auto n : names)
        if (n == name)
            return true;
    return false;
}

std::optional<PrioValue> run_prioritizer(std::string_view name, const PrioFacts& f,
                                         std::string_view args)
{
    if (name == "const")
        return prio_const();
    if (name == "sysfs")
        return prio_sysfs(f, args);
    if (name == "alua")
        return prio_alua(f, args);
    if (name == "emc")
        return prio_emc(f);
    if (name == "rdac")
        return prio_rdac(f);
    if (name == "hp_sw")
        return prio_hp_sw(f);
    return std::nullopt;
}

}  // namespace mpb

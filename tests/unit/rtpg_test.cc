// SPDX-License-Identifier: GPL-2.0-or-later
// ALUA facts from raw SCSI replies: the INQUIRY TPGS bits, the target port
// group of VPD page 0x83, a group's state in a REPORT TARGET PORT GROUPS
// reply; truncated and hostile replies give reasons, never a read past
// the bytes.
#include "core/rtpg.hh"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <random>
#include <string>

#include "test_util.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::test::raw;

// ---- INQUIRY TPGS ---------------------------------------------------------

struct TpgsCase {
    const char* name;
    std::string inquiry;
    mpb::Tpgs tpgs;
    const char* error;  // "" when it parses
};

std::ostream& operator<<(std::ostream& os, const TpgsCase& c) { return os << c.name; }

const TpgsCase tpgs_cases[] = {
    {"QEMU disk", raw({0, 0, 5, 0x12, 0x1f, 0x00, 0, 0x12}), mpb::Tpgs::none, ""},
    {"implicit (LIO)", raw({0, 0, 6, 0x12, 0x3b, 0x10, 0, 0x02}), mpb::Tpgs::implicit, ""},
    {"explicit", raw({0, 0, 6, 0x12, 0x3b, 0x20}), mpb::Tpgs::explicit_only, ""},
    {"both, other bits set", raw({0, 0, 6, 0x12, 0x3b, 0xff}), mpb::Tpgs::both, ""},
    {"five bytes", raw({0, 0, 6, 0x12, 0x3b}), mpb::Tpgs::undef,
     "INQUIRY data too short for the TPGS field (5 bytes, need 6)"},
    {"empty", "", mpb::Tpgs::undef, "INQUIRY data too short for the TPGS field (0 bytes, need 6)"},
};

// ---- VPD 0x83 target port group -------------------------------------------

struct TpgCase {
    const char* name;
    std::string page;
    unsigned tpg;
    const char* error;
};

std::ostream& operator<<(std::ostream& os, const TpgCase& c) { return os << c.name; }

// LIO's page: NAA 6 of the LU, relative target port 1, target port group 2.
const std::string lio_page =
    raw({0x00, 0x83, 0x00, 0x24,
         0x01, 0x03, 0x00, 0x10, 0x60, 0x01, 0x40, 0x5a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
         0x61, 0x94, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01,
         0x61, 0x95, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02});

const TpgCase tpg_cases[] = {
    {"LIO page", lio_page, 2, ""},
    {"cut inside the group designator", lio_page.substr(0, lio_page.size() - 1), 0,
     "no target port group designator in VPD page 0x83"},
    {"page length short of the designator",
     raw({0x00, 0x83, 0x00, 0x18}) + lio_page.substr(4), 0,
     "no target port group designator in VPD page 0x83"},
    {"designator of 2 bytes", raw({0x00, 0x83, 0x00, 0x06, 0x61, 0x95, 0x00, 0x02, 0x00, 0x07}), 0,
     "target port group designator at offset 4 is shorter than 4 bytes"},
    {"another page", raw({0x00, 0x80, 0x00, 0x00}), 0, "not a VPD page 0x83"},
    {"three bytes", raw({0x00, 0x83, 0x00}), 0, "not a VPD page 0x83"},
    {"no designators", raw({0x00, 0x83, 0x00, 0x00}), 0,
     "no target port group designator in VPD page 0x83"},
    {"designator length past the page", raw({0x00, 0x83, 0x00, 0x08, 0x61, 0x95, 0x00, 0xff, 0, 0, 0, 2}),
     0, "no target port group designator in VPD page 0x83"},
};

// ---- REPORT TARGET PORT GROUPS --------------------------------------------

struct RtpgCase {
    const char* name;
    std::string reply;
    unsigned tpg;
    mpb::AluaState state;
    const char* error;
};

std::ostream& operator<<(std::ostream& os, const RtpgCase& c) { return os << c.name; }

// Two groups as LIO reports them: group 1 active/optimized with one port,
// group 2 active/non-optimized (preferred) with one port.
const std::string two_groups =
    raw({0x00, 0x00, 0x00, 0x18,
         0x00, 0x9f, 0x00, 0x01, 0x00, 0x02, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
         0x81, 0x9f, 0x00, 0x02, 0x00, 0x02, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02});

const RtpgCase rtpg_cases[] = {
    {"group 1 optimized", two_groups, 1, {0x0, false}, ""},
    {"group 2 non-optimized, preferred", two_groups, 2, {0x1, true}, ""},
    {"group 3 absent", two_groups, 3, {}, "target port group 3 not in the REPORT TARGET PORT GROUPS reply"},
    {"standby, reserved bits ignored",
     raw({0, 0, 0, 8, 0x72, 0x9f, 0x00, 0x07, 0, 0, 0, 0}), 7, {0x2, false}, ""},
    {"transitioning", raw({0, 0, 0, 8, 0x0f, 0x9f, 0x00, 0x07, 0, 0, 0, 0}), 7, {0xf, false}, ""},
    {"first of two descriptors of one group wins",
     raw({0, 0, 0, 16, 0x02, 0, 0, 5, 0, 0, 0, 0, 0x00, 0, 0, 5, 0, 0, 0, 0}), 5, {0x2, false}, ""},
    {"three bytes", raw({0, 0, 0}), 1, {}, "REPORT TARGET PORT GROUPS reply too short (3 bytes)"},
    {"length beyond the bytes", two_groups.substr(0, 20), 2, {},
     "REPORT TARGET PORT GROUPS reply truncated: says 28 bytes, has 20"},
    {"port count beyond the length",
     raw({0, 0, 0, 12, 0x00, 0, 0, 1, 0, 0, 0, 0xff, 0, 0, 0, 1}), 2, {},
     "target port group 2 not in the REPORT TARGET PORT GROUPS reply"},
    {"descriptor cut short", raw({0, 0, 0, 4, 0x00, 0, 0, 1}), 1, {},
     "REPORT TARGET PORT GROUPS descriptor at offset 4 truncated"},
    {"huge length", raw({0xff, 0xff, 0xff, 0xff, 0, 0, 0, 1}), 1, {},
     "REPORT TARGET PORT GROUPS reply truncated: says 4294967299 bytes, has 8"},
    {"no descriptors", raw({0, 0, 0, 0}), 1, {},
     "target port group 1 not in the REPORT TARGET PORT GROUPS reply"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rtpg)

BOOST_DATA_TEST_CASE(tpgs_bits, bdata::make(tpgs_cases), c)
{
    auto r = mpb::inquiry_tpgs(c.inquiry);
    BOOST_TEST(r.error() == c.error);
    if (r)
        BOOST_TEST(static_cast<int>(r.value()) == static_cast<int>(c.tpgs));
}

BOOST_DATA_TEST_CASE(target_port_group, bdata::make(tpg_cases), c)
{
    auto r = mpb::vpd83_target_port_group(c.page);
    BOOST_TEST(r.error() == c.error);
    if (r)
        BOOST_TEST(r.value() == c.tpg);
}

BOOST_DATA_TEST_CASE(states, bdata::make(rtpg_cases), c)
{
    auto r = mpb::rtpg_state(c.reply, c.tpg);
    BOOST_TEST(r.error() == c.error);
    if (r) {
        BOOST_TEST(r->state == c.state.state);
        BOOST_TEST(r->preferred == c.state.preferred);
    }
}

BOOST_AUTO_TEST_CASE(state_names)
{
    BOOST_TEST(mpb::alua_state_name(0) == "active/optimized");
    BOOST_TEST(mpb::alua_state_name(1) == "active/non-optimized");
    BOOST_TEST(mpb::alua_state_name(4) == "lba-dependent");
    BOOST_TEST(mpb::alua_state_name(7) == "reserved state 0x07");
}

// Every prefix of a reply, and random bytes: a value or a reason.
BOOST_AUTO_TEST_CASE(hostile_replies)
{
    for (std::size_t n = 0; n <= two_groups.size(); ++n) {
        auto r = mpb::rtpg_state(two_groups.substr(0, n), 2);
        BOOST_TEST((r.has_value() || !r.error().empty()));
        auto t = mpb::vpd83_target_port_group(lio_page.substr(0, n));
        BOOST_TEST((t.has_value() || !t.error().empty()));
    }
    std::mt19937 rng(12);
    for (int i = 0; i < 2000; ++i) {
        std::string junk(rng() % 64, '\0');
        for (auto& ch : junk)
            ch = static_cast<char>(rng());
        auto r = mpb::rtpg_state(junk, rng() % 4);
        BOOST_TEST((r.has_value() || !r.error().empty()));
        auto t = mpb::vpd83_target_port_group(junk);
        BOOST_TEST((t.has_value() || !t.error().empty()));
    }
}

BOOST_AUTO_TEST_SUITE_END()

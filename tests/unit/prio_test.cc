// SPDX-License-Identifier: GPL-2.0-or-later
// Path priorities as multipath-tools 0.9.4 gives them: TPGS detection,
// detect_prio, the configured prioritizer by precedence, each prioritizer's
// value from recorded facts, the fallback to const, undefined priorities.
#include "core/prio.hh"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "core/settings.hh"
#include "test_util.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::test::raw;

std::string inquiry(int tpgs) { return raw({0, 0, 6, 0x12, 0x3b, tpgs << 4, 0, 0x02}); }

// VPD 0x83 with only a target port group designator, group `tpg`.
std::string vpd83(int tpg) { return raw({0, 0x83, 0, 8, 0x61, 0x95, 0, 4, 0, 0, 0, tpg}); }

// One descriptor: group `tpg` in `state` (bit 0x80: preferred), no ports.
std::string rtpg(int tpg, int state) { return raw({0, 0, 0, 8, state, 0x9f, 0, tpg, 0, 0, 0, 0}); }

enum Kind { plain, alua_sysfs, alua_rtpg, alua_no_answer, alua_offline };

// A LIO-like path: ALUA through scsi_dh_alua (access_state), or with only
// an RTPG reply, or with neither (the array did not answer).
mpb::PathRecord path(Kind k, const char* access = "active/optimized", int state = 0)
{
    mpb::PathRecord p;
    p.name = "sda";
    p.vendor = "ACME";
    p.product = "DISK";
    p.state = k == alua_offline ? "offline" : "running";
    p.facts.scsi = true;
    p.facts.inquiry = inquiry(k == plain ? 0 : 1);
    if (k == plain)
        return p;
    p.facts.vpd_pg83 = vpd83(1);
    if (k == alua_sysfs)
        p.facts.access_state = access;
    if (k == alua_rtpg)
        p.facts.rtpg = rtpg(1, state);
    return p;
}

struct Case {
    const char* name;
    const char* conf;
    mpb::PathRecord path;
    int value;
    const char* reason;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const char* const none = "";
const char* const prio_alua = "defaults {\n\tprio alua\n\tdetect_prio no\n}\n";
const char* const prio_sysfs = "defaults {\n\tprio sysfs\n\tdetect_prio no\n}\n";
const char* const weighted = "defaults {\n\tprio weightedpath\n\tprio_args \"hbtl 1:.:.:. 2\"\n}\n";
const char* const typo = "defaults {\n\tprio alau\n}\n";
const char* const exclusive =
    "defaults {\n\tprio sysfs\n\tprio_args exclusive_pref_bit\n\tdetect_prio no\n}\n";
const char* const devices_args = R"(defaults {
	detect_prio no
}
devices {
	device {
		vendor ACME
		product DISK
		prio_args exclusive_pref_bit
	}
	device {
		vendor ACME
		product DISK
		prio sysfs
	}
}
)";
const char* const overrides_const = "overrides {\n\tprio const\n\tdetect_prio no\n}\n";

mpb::PathRecord preferred(const char* state)
{
    auto p = path(alua_sysfs, state);
    p.facts.preferred_path = "1";
    return p;
}

const Case cases[] = {
    {"no ALUA: const", none, path(plain), 1,
     "prio 1, const prioritizer (built-in default)"},
    {"detect_prio: sysfs", none, path(alua_sysfs), 50,
     "prio 50 from access_state active/optimized, sysfs prioritizer (detect_prio: TPGS implicit, "
     "target port group 1, access_state present)"},
    {"detect_prio: non-optimized", none, path(alua_sysfs, "active/non-optimized"), 10,
     "prio 10 from access_state active/non-optimized, sysfs prioritizer (detect_prio: TPGS "
     "implicit, target port group 1, access_state present)"},
    {"detect_prio: alua over RTPG", none, path(alua_rtpg, "", 0x01), 10,
     "prio 10 from REPORT TARGET PORT GROUPS: group 1 active/non-optimized, alua prioritizer "
     "(detect_prio: TPGS implicit, target port group 1, no access_state)"},
    {"RTPG standby preferred", none, path(alua_rtpg, "", 0x82), 81,
     "prio 81 from REPORT TARGET PORT GROUPS: group 1 standby, preferred, alua prioritizer "
     "(detect_prio: TPGS implicit, target port group 1, no access_state)"},
    {"no answer: no TPGS, const", none, path(alua_no_answer), 1,
     "prio 1, const prioritizer (built-in default)"},
    {"alua without TPGS: emergency const", prio_alua, path(alua_no_answer), 1,
     "prio 1, const prioritizer (alua failed (no TPGS: no REPORT TARGET PORT GROUPS reply and no "
     "access_state), emergency fallback)"},
    {"alua from the kernel's copy", prio_alua, path(alua_sysfs, "standby"), 1,
     "prio 1 from access_state standby (the kernel's copy of REPORT TARGET PORT GROUPS), alua "
     "prioritizer (defaults section, /etc/multipath.conf:2)"},
    {"sysfs without access_state", prio_sysfs, path(plain), -1,
     "prio undefined from no access_state (no device handler keeps one), sysfs prioritizer "
     "(defaults section, /etc/multipath.conf:2)"},
    {"preferred non-optimized", prio_sysfs, preferred("active/non-optimized"), 90,
     "prio 90 from access_state active/non-optimized and preferred_path 1, sysfs prioritizer "
     "(defaults section, /etc/multipath.conf:2)"},
    {"preferred optimized", prio_sysfs, preferred("active/optimized"), 50,
     "prio 50 from access_state active/optimized and preferred_path 1, sysfs prioritizer "
     "(defaults section, /etc/multipath.conf:2)"},
    {"exclusive_pref_bit", exclusive, preferred("active/optimized"), 130,
     "prio 130 from access_state active/optimized and preferred_path 1, sysfs prioritizer "
     "(defaults section, /etc/multipath.conf:2)"},
    {"device args from another entry", devices_args, preferred("active/optimized"), 130,
     "prio 130 from access_state active/optimized and preferred_path 1, sysfs prioritizer "
     "(devices section, /etc/multipath.conf:13)"},
    {"unavailable", prio_sysfs, path(alua_sysfs, "unavailable"), 0,
     "prio 0 from access_state unavailable, sysfs prioritizer (defaults section, "
     "/etc/multipath.conf:2)"},
    {"lba-dependent", prio_sysfs, path(alua_sysfs, "lba-dependent"), 5,
     "prio 5 from access_state lba-dependent, sysfs prioritizer (defaults section, "
     "/etc/multipath.conf:2)"},
    {"overrides over detection off", overrides_const, path(alua_sysfs), 1,
     "prio 1, const prioritizer (overrides section, /etc/multipath.conf:2)"},
    {"offline path", none, path(alua_offline), -1,
     "prio undefined: path offline, alua prioritizer (detect_prio: TPGS unknown: path offline, "
     "no access_state)"},
    {"weightedpath falls back", weighted, path(plain), 1,
     "prio 1, const prioritizer in place of weightedpath"},
    {"unknown name", typo, path(plain), -1,
     "prio undefined: multipath-tools 0.9.4 has no prioritizer \"alau\" (defaults section, "
     "/etc/multipath.conf:2)"},
};

// ---- vendor pages -----------------------------------------------------------

std::string page(int code, std::initializer_list<std::pair<int, int>> bytes)
{
    std::string p(128, '\0');
    p[1] = static_cast<char>(code);
    for (auto [i, v] : bytes)
        p[static_cast<std::size_t>(i)] = static_cast<char>(v);
    return p;
}

struct VendorCase {
    const char* name;
    char kind;  // 'e' emc, 'r' rdac, 'h' hp_sw
    std::string reply;
    int value;
};

// A TEST UNIT READY outcome: status, host and driver status, sense.
std::string tur(int status, std::string sense = "")
{
    return raw({status, 0, sense.empty() ? 0 : 0x08}) + sense;
}

std::string fixed_sense(int key, int asc, int ascq)
{
    std::string s(18, '\0');
    s[0] = 0x70;
    s[2] = static_cast<char>(key);
    s[12] = static_cast<char>(asc);
    s[13] = static_cast<char>(ascq);
    return s;
}

std::ostream& operator<<(std::ostream& os, const VendorCase& c) { return os << c.name; }

const VendorCase vendor_cases[] = {
    {"emc owned, default owner", 'e', page(0xc0, {{27, 3}, {28, 4}, {30, 4}, {4, 2}, {5, 1}, {8, 1}}), 4},
    {"emc bound, not default owner", 'e', page(0xc0, {{27, 3}, {28, 6}, {30, 4}, {4, 1}, {5, 1}}), 1},
    {"emc wrong failover mode", 'e', page(0xc0, {{27, 3}, {28, 1}, {30, 4}, {4, 2}}), -1},
    {"emc not normal operations", 'e', page(0xc0, {{27, 3}, {28, 4}, {30, 4}, {48, 1}}), -1},
    {"emc other page", 'e', page(0xc9, {}), -1},
    {"emc short reply padded", 'e', std::string("\0\xc0", 2), -1},
    {"emc no reply", 'e', "", -1},
    {"rdac owner, preferred", 'r', page(0xc9, {{3, 0x2c}, {4, 'v'}, {5, 'a'}, {6, 'c'}, {8, 1}, {9, 1}}), 6},
    {"rdac secondary, ioship", 'r', page(0xc9, {{3, 0x2c}, {4, 'v'}, {5, 'a'}, {6, 'c'}, {8, 0x20}, {9, 2}}), 9},
    {"rdac wrong length byte", 'r', page(0xc9, {{3, 0x2b}, {4, 'v'}, {5, 'a'}, {6, 'c'}, {8, 1}}), 0},
    {"rdac no reply", 'r', "", 0},
    {"hp_sw active", 'h', tur(0), 4},
    {"hp_sw standby", 'h', tur(2, fixed_sense(2, 4, 2)), 2},
    {"hp_sw standby, descriptor sense", 'h', tur(2, raw({0x72, 2, 4, 2, 0, 0, 0, 0})), 2},
    {"hp_sw recovered error", 'h', tur(2, fixed_sense(1, 0x18, 0)), 4},
    {"hp_sw not ready otherwise", 'h', tur(2, fixed_sense(2, 4, 1)), 0},
    {"hp_sw busy", 'h', tur(8), 0},
    {"hp_sw two sense bytes", 'h', tur(2, raw({0x70, 0})), 0},
    {"hp_sw no outcome", 'h', "", 0},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(prio)

BOOST_DATA_TEST_CASE(priorities, bdata::make(cases), c)
{
    auto cfg = mpb::test::config_from(c.conf);
    auto p = c.path;
    p.devices = mpb::matching_devices(cfg, p.vendor, p.product);
    auto r = mpb::path_priority(p, cfg, nullptr);
    BOOST_TEST(r.value == c.value);
    BOOST_TEST(r.reason == c.reason);
}

BOOST_AUTO_TEST_CASE(fallback_warning_names_the_prioritizer)
{
    auto cfg = mpb::test::config_from(weighted);
    auto r = mpb::path_priority(path(plain), cfg, nullptr);
    BOOST_TEST(r.prioritizer == "const");
    BOOST_TEST(r.warning == "prioritizer weightedpath (defaults section, /etc/multipath.conf:2) "
                            "cannot run in the initramfs; sda gets const's priority 1");
}

BOOST_AUTO_TEST_CASE(multipaths_entry_first)
{
    auto cfg = mpb::test::config_from(
        "overrides {\n\tprio sysfs\n}\nmultipaths {\n\tmultipath {\n\t\twwid W\n\t\tprio const\n\t}\n}\n");
    auto p = path(alua_no_answer);
    auto r = mpb::path_priority(p, cfg, cfg.find_multipath("W"));
    BOOST_TEST(r.reason == "prio 1, const prioritizer (multipaths section, /etc/multipath.conf:7)");
}

BOOST_AUTO_TEST_CASE(rdac_array_gets_alua)
{
    auto p = path(alua_sysfs);
    p.facts.vpd_pgc9 = page(0xc9, {{3, 0x2c}, {4, 'v'}, {5, 'a'}, {6, 'c'}, {7, '1'}});
    auto cfg = mpb::test::config_from(none);
    BOOST_TEST(mpb::path_priority(p, cfg, nullptr).prioritizer == "alua");
    p.facts.inquiry = inquiry(2);  // explicit only: sysfs again
    BOOST_TEST(mpb::path_priority(p, cfg, nullptr).prioritizer == "sysfs");
}

BOOST_DATA_TEST_CASE(vendor_pages, bdata::make(vendor_cases), c)
{
    mpb::PrioFacts f;
    f.vpd_pgc0 = f.vpd_pgc9 = f.tur = c.reply;
    auto v = c.kind == 'e' ? mpb::prio_emc(f) : c.kind == 'r' ? mpb::prio_rdac(f) : mpb::prio_hp_sw(f);
    BOOST_TEST(v.value == c.value);
}

BOOST_AUTO_TEST_CASE(hp_sw_retries_after_a_reset)
{
    BOOST_TEST(mpb::hp_sw_retries(tur(2, fixed_sense(6, 0x29, 0))));
    BOOST_TEST(!mpb::hp_sw_retries(tur(2, fixed_sense(6, 0x2a, 0))));
    BOOST_TEST(!mpb::hp_sw_retries(tur(0)));
}

BOOST_AUTO_TEST_CASE(vendor_pages_wanted)
{
    using Pages = std::vector<std::string>;
    auto plain_cfg = mpb::test::config_from(none);
    BOOST_TEST(mpb::wanted_replies(path(plain), plain_cfg) == Pages{});
    BOOST_TEST(mpb::wanted_replies(path(alua_sysfs), plain_cfg) == Pages{"vpd_pgc9"});  // RDAC or not?
    auto known = path(alua_sysfs);
    known.facts.vpd_pgc9 = "x";
    BOOST_TEST(mpb::wanted_replies(known, plain_cfg) == Pages{});
    auto explicit_only = path(alua_sysfs);
    explicit_only.facts.inquiry = inquiry(2);
    BOOST_TEST(mpb::wanted_replies(explicit_only, plain_cfg) == Pages{});
    BOOST_TEST(mpb::wanted_replies(path(alua_offline), plain_cfg) == Pages{});
    auto emc = mpb::test::config_from("defaults {\n\tprio emc\n\tdetect_prio no\n}\n");
    BOOST_TEST(mpb::wanted_replies(path(plain), emc) == Pages{"vpd_pgc0"});
    auto rdac = mpb::test::config_from("defaults {\n\tprio rdac\n}\n");
    BOOST_TEST(mpb::wanted_replies(path(plain), rdac) == Pages{"vpd_pgc9"});
    auto hp = mpb::test::config_from("defaults {\n\tprio hp_sw\n}\n");
    BOOST_TEST(mpb::wanted_replies(path(plain), hp) == Pages{"tur"});
}

BOOST_AUTO_TEST_CASE(rtpg_wanted)
{
    mpb::BlockDevice d;
    d.sysfs = {{"hctl", "0:0:0:0"}, {"state", "running"}, {"inquiry", "0000061230100002"}};
    BOOST_TEST(mpb::wants_rtpg(d));
    d.sysfs["access_state"] = "active/optimized";
    BOOST_TEST(!mpb::wants_rtpg(d));  // the kernel keeps the state
    d.sysfs.erase("access_state");
    d.sysfs["state"] = "offline";
    BOOST_TEST(!mpb::wants_rtpg(d));
    d.sysfs["state"] = "running";
    d.sysfs["inquiry"] = "0000061230000002";
    BOOST_TEST(!mpb::wants_rtpg(d));  // no TPGS
}

BOOST_AUTO_TEST_SUITE_END()

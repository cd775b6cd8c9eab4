// SPDX-License-Identifier: GPL-2.0-or-later
// The keyword table: every row's built-in default parses, the sections each
// keyword is valid in, overlaying entries, resolution by precedence, and the
// built-in device table read through the table's parsers.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/keywords.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::GlobalOptions;
using mpb::MapOptions;
using mpb::Origin;

Origin at_line(Origin::Kind kind, int line) { return {kind, "/etc/multipath.conf", line, {}}; }

// ----- sections -----------------------------------------------------------

struct SectionCase {
    const char* keyword;
    unsigned sections;
};

std::ostream& operator<<(std::ostream& os, const SectionCase& c) { return os << c.keyword; }

constexpr unsigned all = mpb::in_map_sections;
constexpr unsigned no_multipath = mpb::in_defaults | mpb::in_device | mpb::in_overrides;

// multipath-tools' sections for each keyword mpath-boot uses.
const SectionCase section_cases[] = {
    {"user_friendly_names", all},
    {"alias_prefix", no_multipath},
    {"uid_attribute", no_multipath},
    {"no_path_retry", all},
    {"path_grouping_policy", all},
    {"path_selector", all},
    {"features", all},
    {"hardware_handler", mpb::in_defaults | mpb::in_device},
    {"rr_min_io_rq", all},
    {"skip_kpartx", all},
    {"prio", all},
    {"prio_args", all},
    {"detect_prio", no_multipath},
    {"retain_attached_hw_handler", no_multipath},
    {"rr_weight", all},
    {"find_multipaths", mpb::in_defaults},
    {"find_multipaths_timeout", mpb::in_defaults},
    {"uid_attrs", mpb::in_defaults},
};

// ----- precedence ---------------------------------------------------------

// Which levels set rr_min_io_rq (to 5, 4, 3, 2 from the highest down) and
// the value and origin that win.
struct PrecedenceCase {
    const char* name;
    bool multipath, overrides, device, defaults;
    int value;
    const char* origin;
};

std::ostream& operator<<(std::ostream& os, const PrecedenceCase& c) { return os << c.name; }

const PrecedenceCase precedence_cases[] = {
    {"all set: multipaths entry", true, true, true, true, 5, "multipaths section, /etc/multipath.conf:5"},
    {"overrides over device", false, true, true, true, 4, "overrides section, /etc/multipath.conf:4"},
    {"device over defaults", false, false, true, true, 3, "devices section, /etc/multipath.conf:3"},
    {"defaults", false, false, false, true, 2, "defaults section, /etc/multipath.conf:2"},
    {"nothing set: built-in", false, false, false, false, 1, "built-in default"},
    {"multipaths entry alone", true, false, false, false, 5, "multipaths section, /etc/multipath.conf:5"},
    {"overrides over defaults", false, true, false, true, 4, "overrides section, /etc/multipath.conf:4"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(keywords)

// A row's built-in default is parsed at every resolution; a typo there
// would silently give T{}.
BOOST_AUTO_TEST_CASE(every_builtin_default_parses)
{
    BOOST_TEST(mpb::keyword_table().size() == std::size(section_cases));
    for (const auto& k : mpb::keyword_table()) {
        MapOptions m;
        GlobalOptions g;
        BOOST_TEST(k.set(m, g, k.builtin, Origin{}) == "", k.name);
    }
}

BOOST_DATA_TEST_CASE(sections, bdata::make(section_cases), c)
{
    const auto* k = mpb::find_keyword(c.keyword);
    BOOST_TEST_REQUIRE(k != nullptr);
    BOOST_TEST(k->name == c.keyword);
    BOOST_TEST(k->sections == c.sections);
    BOOST_TEST(!mpb::is_unused_keyword(c.keyword));
}

BOOST_AUTO_TEST_CASE(unknown_and_unused)
{
    BOOST_TEST(mpb::find_keyword("bogus") == nullptr);
    BOOST_TEST(mpb::find_keyword("") == nullptr);
    BOOST_TEST(mpb::find_keyword("wwid") == nullptr);  // handled by the multipath section
    BOOST_TEST(mpb::find_keyword("path_checker") == nullptr);
    BOOST_TEST(mpb::is_unused_keyword("path_checker"));
    BOOST_TEST(!mpb::is_unused_keyword("bogus"));
}

BOOST_AUTO_TEST_CASE(set_reports_bad_values_and_keeps_the_old_one)
{
    MapOptions m;
    GlobalOptions g;
    const auto* k = mpb::find_keyword("rr_min_io_rq");
    BOOST_TEST(k->set(m, g, "7", at_line(Origin::defaults, 3)) == "");
    BOOST_TEST(k->set(m, g, "0", at_line(Origin::defaults, 4)) == "expected a positive number");
    BOOST_TEST_REQUIRE(m.rr_min_io_rq.has_value());
    BOOST_TEST(m.rr_min_io_rq->value == 7);
    BOOST_TEST(m.rr_min_io_rq->origin.line == 3);
    const auto* f = mpb::find_keyword("find_multipaths");
    BOOST_TEST(f->set(m, g, "smart", at_line(Origin::defaults, 5)) == "");
    BOOST_TEST_REQUIRE(g.find_multipaths.has_value());
    BOOST_TEST((g.find_multipaths->value == mpb::FindMultipaths::smart));
}

BOOST_AUTO_TEST_CASE(overlay_takes_what_is_set)
{
    MapOptions into, from;
    into.features = mpb::Set<std::string>{"0", at_line(Origin::multipaths, 1)};
    into.skip_kpartx = mpb::Set<bool>{false, at_line(Origin::multipaths, 2)};
    from.skip_kpartx = mpb::Set<bool>{true, at_line(Origin::multipaths, 9)};
    mpb::overlay_options(into, from);
    BOOST_TEST(into.features->value == "0");  // not set in `from`: kept
    BOOST_TEST(into.skip_kpartx->value == true);
    BOOST_TEST(into.skip_kpartx->origin.line == 9);
    BOOST_TEST(!into.rr_min_io_rq.has_value());
}

BOOST_DATA_TEST_CASE(precedence, bdata::make(precedence_cases), c)
{
    MapOptions mp, overrides, defaults;
    mpb::DeviceEntry device{mpb::Regex::builtin(".*"), mpb::Regex::builtin(".*"), {}, {}, {}, {}, {}};
    auto set = [](bool on, MapOptions& m, Origin::Kind kind, int v) {
        if (on)
            m.rr_min_io_rq = mpb::Set<int>{v, at_line(kind, v)};
    };
    set(c.multipath, mp, Origin::multipaths, 5);
    set(c.overrides, overrides, Origin::overrides, 4);
    set(c.device, device.options, Origin::devices, 3);
    set(c.defaults, defaults, Origin::defaults, 2);
    GlobalOptions global;
    auto s = mpb::resolve_keywords({{&mp, &overrides, &device.options, &defaults}, &global});
    BOOST_TEST(s.rr_min_io_rq.value == c.value);
    BOOST_TEST(s.rr_min_io_rq.origin.describe() == c.origin);
}

BOOST_AUTO_TEST_CASE(absent_sources_give_builtin_defaults)
{
    auto s = mpb::resolve_keywords({{nullptr}, nullptr});
    BOOST_TEST(s.user_friendly_names.value == false);
    BOOST_TEST(s.alias_prefix.value == "mpath");
    BOOST_TEST(s.uid_attribute.value == "ID_SERIAL");
    BOOST_TEST(s.path_selector.value == "service-time 0");
    BOOST_TEST((s.find_multipaths.value == mpb::FindMultipaths::strict));
    BOOST_TEST(s.find_multipaths_timeout.value == -10);  // made 10 s or 1 s by settings.cc
    BOOST_TEST(s.uid_attrs.value == "");
    BOOST_TEST(s.uid_attrs.origin.describe() == "built-in default");
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// Map names: multipaths alias > bindings entry > new friendly name
// (user_friendly_names yes) > the WWID, each choice with its reason.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "core/bindings.hh"
#include "core/config.hh"
#include "unit_fixtures.hh"
#include "core/naming.hh"
#include "core/settings.hh"

namespace bdata = boost::unit_test::data;

namespace {

const std::string conf_file = "/etc/multipath.conf";

// The map being named, and other WWIDs.
const std::string w1 = "3600a098038303053453f463045727431";
const std::string w2 = "36001405a1b2c3d4e5f60718293a4b5c6";
const std::string w3 = "35000c500a1b2c3d4";

mpb::Config conf(const std::string& text) { return mpb::test::config_from(text); }

mpb::BindingsTable bindings(const std::string& text)
{
    auto t = mpb::parse_bindings(text, "/etc/multipath/bindings");
    BOOST_TEST_REQUIRE(t.problems.empty());
    return t;
}

const std::string ufn_yes = R"CONF(defaults {
	user_friendly_names yes
}
)CONF";

const std::string ufn_no = R"CONF(defaults {
	user_friendly_names no
}
)CONF";

const std::string prefix_disk = R"CONF(defaults {
	user_friendly_names yes
	alias_prefix disk
}
)CONF";

const std::string prefix_mp = R"CONF(defaults {
	user_friendly_names yes
	alias_prefix mp
}
)CONF";

const std::string alias_ufn_yes = R"CONF(defaults {
	user_friendly_names yes
}
multipaths {
	multipath {
		wwid )CONF" + w1 + R"CONF(
		alias data1
	}
}
)CONF";

const std::string alias_only = R"CONF(multipaths {
	multipath {
		wwid )CONF" + w1 + R"CONF(
		alias data1
	}
}
)CONF";

// A multipaths entry without an alias, turning friendly names on.
const std::string multipath_ufn = R"CONF(multipaths {
	multipath {
		wwid )CONF" + w1 + R"CONF(
		user_friendly_names yes
	}
}
)CONF";

const std::string overrides_ufn = R"CONF(defaults {
	user_friendly_names no
}
overrides {
	user_friendly_names yes
}
)CONF";

const std::string device_prefix = R"CONF(defaults {
	user_friendly_names yes
}
devices {
	device {
		vendor "ACME"
		product "DISK"
		alias_prefix acme
	}
}
)CONF";

// w1 bound to mpathc on line 3.
const std::string bound_c = "# alias wwid\nmpatha " + w2 + "\nmpathc " + w1 + "\n";

// mpatha .. mpathz bound to WWIDs other than w1.
std::string a_to_z()
{
    std::string t;
    for (char c = 'a'; c <= 'z'; ++c)
        t += std::string("mpath") + c + " 3600000000000000000000000000000" + c + "\n";
    return t;
}

const std::string defaults_line2 = "defaults section, " + conf_file + ":2";
const std::string new_name = "new friendly name (user_friendly_names yes: " + defaults_line2 + ")";

struct NameCase {
    const char* name;
    std::string conf;
    std::string bindings;
    std::vector<std::string> taken;
    bool may_bind;
    std::string expected;
    std::string reason;
    bool new_binding;
};

std::ostream& operator<<(std::ostream& os, const NameCase& c)
{
    return os << c.name;
}

const NameCase name_cases[] = {
    // 1. The multipaths alias, over everything else.
    {"multipaths alias over binding", alias_ufn_yes, bound_c, {}, true, "data1",
     "alias from multipaths section, " + conf_file + ":7", false},
    {"multipaths alias, friendly names off", alias_only, "", {}, true, "data1",
     "alias from multipaths section, " + conf_file + ":4", false},
    {"multipaths alias, bindings unreadable", alias_ufn_yes, "", {}, false, "data1",
     "alias from multipaths section, " + conf_file + ":7", false},
    // 2. The bindings entry.
    {"binding", ufn_yes, bound_c, {}, true, "mpathc", "bound in the bindings file, line 3", false},
    {"binding, multipaths entry without alias", multipath_ufn, bound_c, {}, true, "mpathc",
     "bound in the bindings file, line 3", false},
    {"binding, other names taken", ufn_yes, bound_c, {"mpathb", "data1"}, true, "mpathc",
     "bound in the bindings file, line 3", false},
    {"binding taken by another WWID: no second binding line", ufn_yes, bound_c, {"mpathc"}, true,
     w1, R"(WWID (alias "mpathc", bound in the bindings file, line 3, is in use for another WWID))",
     false},
    {"binding ignored when friendly names are off (as multipath-tools)", ufn_no, bound_c, {}, true,
     w1, "WWID (user_friendly_names no: " + defaults_line2 + ")", false},
    // 3. A new friendly name at the lowest free index.
    {"new name", ufn_yes, "", {}, true, "mpatha", new_name, true},
    {"new name, gap", ufn_yes, "mpatha " + w2 + "\nmpathc " + w3 + "\n", {}, true, "mpathb",
     new_name, true},
    {"new name, gap at the start", ufn_yes, "mpathb " + w2 + "\nmpathc " + w3 + "\n", {}, true,
     "mpatha", new_name, true},
    {"new name, binding of another WWID", ufn_yes, "mpatha " + w2 + "\n", {}, true, "mpathb",
     new_name, true},
    {"new name, a..z bound", ufn_yes, a_to_z(), {}, true, "mpathaa", new_name, true},
    {"new name, a..z bound, aa taken", ufn_yes, a_to_z(), {"mpathaa"}, true, "mpathab", new_name,
     true},
    {"new name, only aa bound", ufn_yes, "mpathaa " + w2 + "\n", {}, true, "mpatha", new_name,
     true},
    {"new name, taken", ufn_yes, "", {"mpatha"}, true, "mpathb", new_name, true},
    {"new name, bound and taken", ufn_yes, "mpatha " + w2 + "\n", {"mpathb"}, true, "mpathc",
     new_name, true},
    {"new name, names without an index", ufn_yes, "mpath1 " + w2 + "\nmpathA " + w3 + "\n",
     {"mpath", "data", "mpath-a"}, true, "mpatha", new_name, true},
    {"new name, prefix disk", prefix_disk, "mpatha " + w2 + "\n", {"mpathb"}, true, "diska",
     new_name, true},
    {"new name, prefix disk, gap", prefix_disk, "diska " + w2 + "\nmpathb " + w3 + "\n", {}, true,
     "diskb", new_name, true},
    {"new name, prefix mp", prefix_mp, "mpatha " + w2 + "\n", {}, true, "mpa", new_name, true},
    {"new name, prefix mp, mpa bound", prefix_mp, "mpa " + w2 + "\n", {"mpb"}, true, "mpc",
     new_name, true},
    {"new name, prefix from device entry", device_prefix, "", {}, true, "acmea", new_name, true},
    {"new name, friendly names from multipaths", multipath_ufn, "", {}, true, "mpatha",
     "new friendly name (user_friendly_names yes: multipaths section, " + conf_file + ":4)", true},
    {"new name, friendly names from overrides", overrides_ufn, "", {}, true, "mpatha",
     "new friendly name (user_friendly_names yes: overrides section, " + conf_file + ":5)", true},
    // 4. The WWID.
    {"WWID, friendly names off by default", "", "", {}, true, w1,
     "WWID (user_friendly_names no: built-in default)", false},
    {"WWID, friendly names off", ufn_no, "", {}, true, w1,
     "WWID (user_friendly_names no: " + defaults_line2 + ")", false},
    {"WWID, bindings unreadable", ufn_yes, "", {}, false, w1,
     "WWID (user_friendly_names yes, but the bindings file is unreadable)", false},
    {"WWID, bindings unreadable, friendly names off", ufn_no, "", {}, false, w1,
     "WWID (user_friendly_names no: " + defaults_line2 + ")", false},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(naming)

BOOST_DATA_TEST_CASE(choose_name, bdata::make(name_cases), c)
{
    auto cfg = conf(c.conf);
    const auto* mp = cfg.find_multipath(w1);
    auto s = mpb::resolve_settings(cfg, mpb::matching_devices(cfg, "ACME", "DISK"), mp);
    auto table = bindings(c.bindings);
    auto choice = mpb::choose_name(w1, s, mp, table, c.taken, c.may_bind);
    BOOST_TEST(choice.name == c.expected);
    BOOST_TEST(choice.reason == c.reason);
    BOOST_TEST(choice.new_binding == c.new_binding);
    if (choice.new_binding) {
        // A new name is neither bound nor taken.
        BOOST_TEST(!table.find_by_alias(choice.name));
        BOOST_TEST((std::find(c.taken.begin(), c.taken.end(), choice.name) == c.taken.end()));
    }
}

// Names handed out one after another in a run: each new binding joins the
// table before the next map is named.
BOOST_AUTO_TEST_CASE(successive_new_names)
{
    auto cfg = conf(ufn_yes);
    auto s = mpb::resolve_settings(cfg, {}, nullptr);
    auto table = bindings("mpathb " + w3 + "\n");
    std::vector<std::string> names;
    for (const auto& w : {w1, w2, std::string("35000c500ffffffff")}) {
        auto choice = mpb::choose_name(w, s, nullptr, table, {"mpathc"});
        BOOST_TEST(choice.new_binding);
        names.push_back(choice.name);
        table.add({choice.name, w, 0});
    }
    BOOST_TEST(names == (std::vector<std::string>{"mpatha", "mpathd", "mpathe"}),
               boost::test_tools::per_element());
    // And a WWID bound in this run (line 0) keeps its name.
    auto again = mpb::choose_name(w2, s, nullptr, table, {});
    BOOST_TEST(again.name == "mpathd");
    BOOST_TEST(!again.new_binding);
}

BOOST_AUTO_TEST_SUITE_END()

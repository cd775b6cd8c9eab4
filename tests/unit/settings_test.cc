// SPDX-License-Identifier: GPL-2.0-or-later
// Effective settings: the precedence ladder multipaths > overrides > devices
// (user, later first; then built-in) > defaults > built-in, with origins;
// find_multipaths_timeout by hardware; the uid attribute.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/config.hh"
#include "core/settings.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::Config;

const std::string main_file = "/etc/multipath.conf";
const std::string dev_file = "/etc/multipath/conf.d/10-devices.conf";
const std::string ovr_file = "/etc/multipath/conf.d/20-overrides.conf";
const std::string mp_file = "/etc/multipath/conf.d/30-multipaths.conf";

const std::string wwid = "3600a0b80000abcd";

std::string value_text(bool b) { return b ? "yes" : "no"; }
std::string value_text(int i) { return std::to_string(i); }
std::string value_text(const std::string& s) { return s; }
std::string value_text(mpb::FindMultipaths f) { return mpb::to_string(f); }
std::string value_text(mpb::PgPolicy p) { return mpb::to_string(p); }
std::string value_text(const mpb::NoPathRetry& n) { return mpb::to_string(n); }

// "value (origin)"
template <class T>
std::string shown(const mpb::Set<T>& s)
{
    return value_text(s.value) + " (" + s.origin.describe() + ")";
}

Config load(const std::vector<mpb::ConfigText>& files)
{
    auto c = mpb::load_config(files);
    for (const auto& d : c.diagnostics)
        BOOST_TEST_MESSAGE("unexpected: " << d.text);
    BOOST_TEST_REQUIRE(c.diagnostics.empty());
    return c;
}

mpb::EffectiveSettings resolve(const Config& c, const std::string& vendor,
                               const std::string& product, const std::string& id = wwid)
{
    return mpb::resolve_settings(c, mpb::matching_devices(c, vendor, product),
                                 c.find_multipath(id));
}

// ----- the precedence ladder for no_path_retry ------------------------------
//
// Each level lives in its own file so its line numbers do not move when
// another level is left out.

const std::string defaults_text = "defaults {\n\tno_path_retry 5\n}\n";  // main:2
std::string device_text(const std::string& vendor, const std::string& product)
{
    return "devices {\n\tdevice {\n\t\tvendor \"" + vendor + "\"\n\t\tproduct \"" + product +
           "\"\n\t\tno_path_retry 10\n\t}\n}\n";  // dev:5
}
const std::string overrides_text = "overrides {\n\tno_path_retry 20\n}\n";  // ovr:2
const std::string multipath_text =
    "multipaths {\n\tmultipath {\n\t\twwid " + wwid + "\n\t\tno_path_retry queue\n\t}\n}\n";  // mp:4

struct LadderCase {
    const char* name;
    bool multipath, overrides, device, defaults;
    std::string vendor, product;  // 3PARdata/VV is in the built-in table (no_path_retry 18)
    std::string expected;         // shown()
};

std::ostream& operator<<(std::ostream& os, const LadderCase& c) { return os << c.name; }

const std::string known_v = "3PARdata", known_p = "VV";
const std::string unknown_v = "ACME", unknown_p = "Disk";

const LadderCase ladder_cases[] = {
    {"all levels: multipaths", true, true, true, true, known_v, known_p,
     "queue (multipaths section, " + mp_file + ":4)"},
    {"no multipaths: overrides", false, true, true, true, known_v, known_p,
     "20 (overrides section, " + ovr_file + ":2)"},
    {"no overrides: user device", false, false, true, true, known_v, known_p,
     "10 (devices section, " + dev_file + ":5)"},
    {"no user device: built-in device", false, false, false, true, known_v, known_p,
     "18 (built-in device table (3PARdata/VV))"},
    {"unknown hardware: defaults", false, false, false, true, unknown_v, unknown_p,
     "5 (defaults section, " + main_file + ":2)"},
    {"nothing set: built-in default", false, false, false, false, unknown_v, unknown_p,
     "fail (built-in default)"},
    // Skipping levels: a higher level wins whatever lies between.
    {"multipaths over defaults only", true, false, false, true, unknown_v, unknown_p,
     "queue (multipaths section, " + mp_file + ":4)"},
    {"multipaths over built-in device", true, false, false, false, known_v, known_p,
     "queue (multipaths section, " + mp_file + ":4)"},
    {"overrides over built-in device", false, true, false, false, known_v, known_p,
     "20 (overrides section, " + ovr_file + ":2)"},
    {"overrides over defaults", false, true, false, true, unknown_v, unknown_p,
     "20 (overrides section, " + ovr_file + ":2)"},
    {"user device for unknown hardware over defaults", false, false, true, true, unknown_v,
     unknown_p, "10 (devices section, " + dev_file + ":5)"},
    {"built-in device over defaults", false, false, false, true, known_v, known_p,
     "18 (built-in device table (3PARdata/VV))"},
    {"built-in device, nothing else", false, false, false, false, known_v, known_p,
     "18 (built-in device table (3PARdata/VV))"},
};

// ----- resolve_uid_attribute -------------------------------------------------

struct UidCase {
    const char* name;
    std::string defaults;   // body of the defaults section
    std::string overrides;  // body of the overrides section
    std::string device;     // uid_attribute of a user device entry for ACME/Disk, or empty
    std::string devname, vendor, product;
    std::string expected;   // shown()
};

std::ostream& operator<<(std::ostream& os, const UidCase& c) { return os << c.name; }

const std::string uid_attrs = "\tuid_attrs \"sd:ID_SERIAL nvme:ID_WWN\"\n";
const std::string uid_attrs_origin = "defaults section, " + main_file + ":2";

const UidCase uid_cases[] = {
    {"sd, nothing set", "", "", "", "sda", "ACME", "Disk", "ID_SERIAL (built-in default)"},
    {"nvme, nothing set: built-in NVME entry", "", "", "", "nvme0n1", "NVME", "SAMSUNG",
     "ID_WWN (built-in device table (NVM[eE]/.*))"},
    {"dasd, nothing set: built-in S/390 entry", "", "", "", "dasda", "IBM", "S/390 DASD ECKD",
     "ID_UID (built-in device table (IBM/S/390 DASD ECKD))"},
    {"sd, defaults uid_attribute", "\tuid_attribute ID_X\n", "", "", "sda", "ACME", "Disk",
     "ID_X (defaults section, " + main_file + ":2)"},
    {"nvme, built-in device over defaults", "\tuid_attribute ID_X\n", "", "", "nvme0n1", "NVME",
     "SAMSUNG", "ID_WWN (built-in device table (NVM[eE]/.*))"},
    {"user device over defaults", "\tuid_attribute ID_X\n", "", "ID_DEV", "sda", "ACME", "Disk",
     "ID_DEV (devices section, " + main_file + ":11)"},
    {"overrides over user device", "\tuid_attribute ID_X\n", "\tuid_attribute ID_OVR\n", "ID_DEV",
     "sda", "ACME", "Disk", "ID_OVR (overrides section, " + main_file + ":5)"},
    {"overrides over built-in device", "", "\tuid_attribute ID_OVR\n", "", "nvme0n1", "NVME",
     "SAMSUNG", "ID_OVR (overrides section, " + main_file + ":5)"},
    {"uid_attrs, sd", uid_attrs, "", "", "sdb", "ACME", "Disk", "ID_SERIAL (" + uid_attrs_origin + ")"},
    {"uid_attrs, nvme", uid_attrs, "", "", "nvme1n1", "NVME", "SAMSUNG",
     "ID_WWN (" + uid_attrs_origin + ")"},
    {"uid_attrs over overrides", uid_attrs, "\tuid_attribute ID_OVR\n", "ID_DEV", "sdc", "ACME",
     "Disk", "ID_SERIAL (" + uid_attrs_origin + ")"},
    {"uid_attrs without a dasd record: built-in device", uid_attrs, "", "", "dasda", "IBM",
     "S/390 DASD ECKD", "ID_UID (built-in device table (IBM/S/390 DASD ECKD))"},
    {"uid_attrs without a dasd record: overrides", uid_attrs, "\tuid_attribute ID_OVR\n", "",
     "dasda", "IBM", "S/390 DASD ECKD", "ID_OVR (overrides section, " + main_file + ":5)"},
    {"uid_attrs, no record: built-in default", uid_attrs, "", "", "vda", "ACME", "Disk",
     "ID_SERIAL (built-in default)"},
    {"uid_attrs prefix is not a substring match", "\tuid_attrs \"sd:ID_A\"\n", "", "", "dasdb",
     "ACME", "Disk", "ID_SERIAL (built-in default)"},
    {"uid_attrs first matching record wins", "\tuid_attrs \"sd:ID_A sdb:ID_B\"\n", "", "", "sdb",
     "ACME", "Disk", "ID_A (" + uid_attrs_origin + ")"},
    {"uid_attrs longer prefix listed first", "\tuid_attrs \"sdb:ID_B sd:ID_A\"\n", "", "", "sda",
     "ACME", "Disk", "ID_A (" + uid_attrs_origin + ")"},
    {"uid_attrs prefix ends at the first colon", "\tuid_attrs \"sd:ID:X\"\n", "", "", "sda",
     "ACME", "Disk", "ID:X (" + uid_attrs_origin + ")"},
};

// ----- find_multipaths_timeout ------------------------------------------------

struct TimeoutCase {
    const char* name;
    std::string setting;  // value in defaults, or empty
    bool user_device;     // a user device entry for the hardware
    std::string vendor, product;
    std::string expected;  // shown()
};

std::ostream& operator<<(std::ostream& os, const TimeoutCase& c) { return os << c.name; }

const std::string fmt_origin = "defaults section, " + main_file + ":2";

const TimeoutCase timeout_cases[] = {
    {"default, known hardware", "", false, known_v, known_p, "10 (built-in default)"},
    {"default, NVMe is known", "", false, "NVME", "X", "10 (built-in default)"},
    {"default, unknown hardware", "", false, unknown_v, unknown_p, "1 (built-in default)"},
    {"default, a user entry makes it known too", "", true, unknown_v, unknown_p,
     "10 (built-in default)"},
    {"default, user entry and built-in entry", "", true, known_v, known_p,
     "10 (built-in default)"},
    {"-20, known hardware", "-20", false, known_v, known_p, "20 (" + fmt_origin + ")"},
    {"-20, unknown hardware", "-20", false, unknown_v, unknown_p, "1 (" + fmt_origin + ")"},
    {"30, known hardware", "30", false, known_v, known_p, "30 (" + fmt_origin + ")"},
    {"30, unknown hardware", "30", false, unknown_v, unknown_p, "30 (" + fmt_origin + ")"},
    {"1, unknown hardware", "1", false, unknown_v, unknown_p, "1 (" + fmt_origin + ")"},
    {"0 means the default, known", "0", false, known_v, known_p, "10 (" + fmt_origin + ")"},
    {"0 means the default, unknown", "0", false, unknown_v, unknown_p, "1 (" + fmt_origin + ")"},
};

// ----- built-in values of every option --------------------------------------

struct BuiltinCase {
    const char* name;
    std::string (*get)(const mpb::EffectiveSettings&);
    std::string expected;
};

std::ostream& operator<<(std::ostream& os, const BuiltinCase& c) { return os << c.name; }

const std::string bi = " (built-in default)";

const BuiltinCase builtin_cases[] = {
    {"find_multipaths", [](const mpb::EffectiveSettings& s) { return shown(s.find_multipaths); },
     "strict" + bi},
    {"user_friendly_names",
     [](const mpb::EffectiveSettings& s) { return shown(s.user_friendly_names); }, "no" + bi},
    {"alias_prefix", [](const mpb::EffectiveSettings& s) { return shown(s.alias_prefix); },
     "mpath" + bi},
    {"path_grouping_policy",
     [](const mpb::EffectiveSettings& s) { return shown(s.path_grouping_policy); },
     "failover" + bi},
    {"path_selector", [](const mpb::EffectiveSettings& s) { return shown(s.path_selector); },
     "service-time 0" + bi},
    {"features", [](const mpb::EffectiveSettings& s) { return shown(s.features); }, "0" + bi},
    {"hardware_handler", [](const mpb::EffectiveSettings& s) { return shown(s.hardware_handler); },
     "0" + bi},
    {"rr_min_io_rq", [](const mpb::EffectiveSettings& s) { return shown(s.rr_min_io_rq); },
     "1" + bi},
    {"no_path_retry", [](const mpb::EffectiveSettings& s) { return shown(s.no_path_retry); },
     "fail" + bi},
    {"skip_kpartx", [](const mpb::EffectiveSettings& s) { return shown(s.skip_kpartx); },
     "no" + bi},
    {"find_multipaths_timeout",
     [](const mpb::EffectiveSettings& s) { return shown(s.find_multipaths_timeout); }, "1" + bi},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(settings)

BOOST_DATA_TEST_CASE(no_path_retry_ladder, bdata::make(ladder_cases), c)
{
    std::vector<mpb::ConfigText> files;
    files.push_back({main_file, c.defaults ? defaults_text : "# nothing\n"});
    if (c.device)
        files.push_back({dev_file, device_text(c.vendor, c.product)});
    if (c.overrides)
        files.push_back({ovr_file, overrides_text});
    if (c.multipath)
        files.push_back({mp_file, multipath_text});
    auto cfg = load(files);
    auto s = resolve(cfg, c.vendor, c.product);
    BOOST_TEST(shown(s.no_path_retry) == c.expected);
    // A map with another WWID never takes the multipaths entry's value.
    if (c.multipath) {
        auto other = resolve(cfg, c.vendor, c.product, "3600other");
        BOOST_TEST(shown(other.no_path_retry).find("multipaths section") == std::string::npos);
    }
}

BOOST_DATA_TEST_CASE(builtin_values, bdata::make(builtin_cases), c)
{
    auto cfg = mpb::builtin_config();
    auto s = resolve(cfg, unknown_v, unknown_p);
    BOOST_TEST(c.get(s) == c.expected);
}

BOOST_DATA_TEST_CASE(find_multipaths_timeout, bdata::make(timeout_cases), c)
{
    std::string text;
    if (!c.setting.empty())
        text += "defaults {\n\tfind_multipaths_timeout " + c.setting + "\n}\n";
    if (c.user_device)
        text += "devices {\n\tdevice {\n\t\tvendor \"" + c.vendor + "\"\n\t\tproduct \"" +
                c.product + "\"\n\t}\n}\n";
    auto cfg = load({{main_file, text}});
    auto s = resolve(cfg, c.vendor, c.product);
    BOOST_TEST(shown(s.find_multipaths_timeout) == c.expected);
    BOOST_TEST(s.find_multipaths_timeout.value > 0);
}

BOOST_DATA_TEST_CASE(uid_attribute, bdata::make(uid_cases), c)
{
    // defaults at lines 1-3, overrides at 4-6 (the keyword on 5), the user
    // device entry at 7-13 (uid_attribute on 11).
    std::string text = "defaults {\n" + (c.defaults.empty() ? "\t# none\n" : c.defaults) +
                       "}\noverrides {\n" +
                       (c.overrides.empty() ? "\t# none\n" : c.overrides) + "}\n";
    if (!c.device.empty())
        text += "devices {\n\tdevice {\n\t\tvendor \"" + c.vendor + "\"\n\t\tproduct \"" +
                c.product + "\"\n\t\tuid_attribute " + c.device + "\n\t}\n}\n";
    auto cfg = load({{main_file, text}});
    auto devices = mpb::matching_devices(cfg, c.vendor, c.product);
    BOOST_TEST(shown(mpb::resolve_uid_attribute(cfg, c.devname, devices)) == c.expected);
}

// User entries come before built-in ones, later user entries before earlier.
BOOST_AUTO_TEST_CASE(matching_devices_order)
{
    auto cfg = load({
        {main_file,
         "devices {\n"
         "\tdevice {\n\t\tvendor IBM\n\t\tproduct S/390\n\t}\n"   // 2
         "\tdevice {\n\t\tvendor IBM\n\t\tproduct XYZ\n\t}\n"     // 6, does not match
         "}\n"},
        {dev_file, "devices {\n\tdevice {\n\t\tvendor \"^I\"\n\t\tproduct \".*\"\n\t}\n}\n"},  // 2
    });
    auto m = mpb::matching_devices(cfg, "IBM", "S/390 DASD ECKD");
    std::vector<std::string> got;
    for (const auto* d : m)
        got.push_back(d->origin.describe());
    std::vector<std::string> expected = {
        "devices section, " + dev_file + ":2",
        "devices section, " + main_file + ":2",
        "built-in device table (IBM/S/390 DASD ECKD)",
    };
    BOOST_TEST(got == expected, boost::test_tools::per_element());
    BOOST_TEST(mpb::matching_devices(cfg, "ACME", "Disk").empty());
    // Vendor and product must both match.
    BOOST_TEST(mpb::matching_devices(cfg, "ibm", "S/390").empty());
}

// A later user entry wins over an earlier one option by option; options it
// does not set come from the earlier entry, then the built-in entry.
BOOST_AUTO_TEST_CASE(later_user_device_wins)
{
    auto cfg = load({
        {main_file,
         "devices {\n"
         "\tdevice {\n"
         "\t\tvendor IBM\n"
         "\t\tproduct \"S/390\"\n"
         "\t\tno_path_retry 5\n"           // 5
         "\t\trr_min_io_rq 2\n"            // 6
         "\t}\n"
         "}\n"},
        {dev_file,
         "devices {\n"
         "\tdevice {\n"
         "\t\tvendor IBM\n"
         "\t\tproduct \"S/390 DASD\"\n"
         "\t\tno_path_retry 7\n"           // 5
         "\t}\n"
         "}\n"},
    });
    auto s = resolve(cfg, "IBM", "S/390 DASD ECKD");
    BOOST_TEST(shown(s.no_path_retry) == "7 (devices section, " + dev_file + ":5)");
    BOOST_TEST(shown(s.rr_min_io_rq) == "2 (devices section, " + main_file + ":6)");
    BOOST_TEST(shown(s.path_grouping_policy) ==
               "multibus (built-in device table (IBM/S/390 DASD ECKD))");
    BOOST_TEST(shown(s.features) == "0 (built-in default)");
}

// multipaths beats overrides for every map option it can hold; overrides
// beats devices and defaults.
BOOST_AUTO_TEST_CASE(multipaths_beat_overrides)
{
    auto cfg = load({{main_file,
                      "defaults {\n"
                      "\tuser_friendly_names no\n"            // 2
                      "\tpath_selector \"queue-length 0\"\n"  // 3
                      "\tskip_kpartx no\n"                    // 4
                      "}\n"
                      "overrides {\n"
                      "\tuser_friendly_names yes\n"           // 7
                      "\tpath_grouping_policy multibus\n"     // 8
                      "\tfeatures \"1 queue_if_no_path\"\n"   // 9
                      "\trr_min_io_rq 3\n"                    // 10
                      "\tskip_kpartx yes\n"                   // 11
                      "\talias_prefix ovr\n"                  // 12
                      "\tno_path_retry 4\n"                  // 13
                      "}\n"
                      "multipaths {\n"
                      "\tmultipath {\n"
                      "\t\twwid " + wwid + "\n"
                      "\t\tuser_friendly_names no\n"          // 18
                      "\t\tpath_grouping_policy failover\n"   // 19
                      "\t\tfeatures 0\n"                      // 20
                      "\t\trr_min_io_rq 9\n"                  // 21
                      "\t\tpath_selector \"round-robin 0\"\n" // 22
                      "\t}\n"
                      "}\n"}});
    const std::string mp = "multipaths section, " + main_file + ":";
    const std::string ov = "overrides section, " + main_file + ":";
    auto s = resolve(cfg, "EMC", "SYMMETRIX");  // built-in multibus, no_path_retry 6: overridden
    BOOST_TEST(shown(s.user_friendly_names) == "no (" + mp + "18)");
    BOOST_TEST(shown(s.path_grouping_policy) == "failover (" + mp + "19)");
    BOOST_TEST(shown(s.features) == "0 (" + mp + "20)");
    BOOST_TEST(shown(s.rr_min_io_rq) == "9 (" + mp + "21)");
    BOOST_TEST(shown(s.path_selector) == "round-robin 0 (" + mp + "22)");
    BOOST_TEST(shown(s.skip_kpartx) == "yes (" + ov + "11)");
    BOOST_TEST(shown(s.alias_prefix) == "ovr (" + ov + "12)");
    BOOST_TEST(shown(s.no_path_retry) == "4 (" + ov + "13)");

    // Without the multipaths entry, overrides take over.
    auto o = resolve(cfg, "EMC", "SYMMETRIX", "3600other");
    BOOST_TEST(shown(o.user_friendly_names) == "yes (" + ov + "7)");
    BOOST_TEST(shown(o.path_grouping_policy) == "multibus (" + ov + "8)");
    BOOST_TEST(shown(o.features) == "1 queue_if_no_path (" + ov + "9)");
    BOOST_TEST(shown(o.rr_min_io_rq) == "3 (" + ov + "10)");
    BOOST_TEST(shown(o.path_selector) ==
               "queue-length 0 (defaults section, " + main_file + ":3)");
}

// find_multipaths comes from defaults only.
BOOST_AUTO_TEST_CASE(find_multipaths_from_defaults)
{
    auto cfg = load({{main_file, "defaults {\n\tfind_multipaths greedy\n}\n"}});
    auto s = resolve(cfg, unknown_v, unknown_p);
    BOOST_TEST(shown(s.find_multipaths) == "greedy (defaults section, " + main_file + ":2)");
    auto b = resolve(mpb::builtin_config(), unknown_v, unknown_p);
    BOOST_TEST(shown(b.find_multipaths) == "strict (built-in default)");
}

// After a fallback the settings are the built-in ones.
BOOST_AUTO_TEST_CASE(fallback_settings_are_builtin)
{
    auto cfg = mpb::load_config({{main_file, "defaults {\n\tno_path_retry queue\n}\n"},
                                 {dev_file, "devices {\n"}});
    BOOST_TEST_REQUIRE(cfg.fell_back);
    auto s = resolve(cfg, "IBM", "S/390 DASD ECKD X");
    BOOST_TEST(shown(s.no_path_retry) == "queue (built-in device table (IBM/S/390 DASD ECKD))");
    auto u = resolve(cfg, unknown_v, unknown_p);
    BOOST_TEST(shown(u.no_path_retry) == "fail (built-in default)");
}

BOOST_AUTO_TEST_SUITE_END()

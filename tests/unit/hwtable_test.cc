// SPDX-License-Identifier: GPL-2.0-or-later
// The built-in hardware table, entry by entry: every setting of every row
// is read into its entry; every entry is found for a device it names, with
// the cheap prefilter agreeing with the regexes for every pair; user entries
// over built-in ones, merged when vendor, product and revision strings are
// the same (0.9.4's factorizing); product_blacklist as blacklist device
// entries with their origins. The values themselves are compared with
// multipath -t by tests/cli/show-config.test.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/blacklist.hh"
#include "core/hwtable.hh"
#include "core/keywords.hh"
#include "core/settings.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::Config;

const std::string main_file = "/etc/multipath.conf";
const std::string confd_file = "/etc/multipath/conf.d/10-a.conf";

std::vector<std::size_t> row_indexes()
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < mpb::builtin_rows().size(); ++i)
        out.push_back(i);
    return out;
}

// The end of the group the alternative at `i` belongs to: its ')' (left
// for the caller to skip), or the end of the pattern.
std::size_t group_end(std::string_view p, std::size_t i)
{
    int depth = 0;
    for (; i < p.size(); ++i) {
        if (p[i] == '(')
            ++depth;
        else if (p[i] == ')' && depth-- == 0)
            return i;
    }
    return p.size();
}

// A text `p` matches, for the table's patterns: anchors dropped, the first
// alternative of each group, the first member of each bracket, '+' once,
// what '*' or '?' follows left out, '.' as "x".
std::string sample(std::string_view p)
{
    std::string out;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == '|') {
            i = group_end(p, i + 1);
        } else if (c == '[') {
            out += p[i + 1];
            i = p.find(']', i + 2);
        } else if (c == '.' && i + 1 < p.size() && p[i + 1] == '*') {
            ++i;
        } else if (c == '.') {
            out += 'x';
        } else if (c == '*' || c == '?') {
            out.pop_back();
        } else if (c != '^' && c != '$' && c != '(' && c != ')' && c != '+') {
            out += c;
        }
    }
    return out;
}

std::string text_of(const mpb::DeviceEntry& e, const char* keyword)
{
    if (const auto* k = mpb::find_keyword(keyword)) {
        auto t = k->text(e.options, mpb::GlobalOptions{});
        return t ? *t : "(unset)";
    }
    const auto* t = mpb::find_text(e.kept, keyword);
    return t ? *t : "(not kept)";
}

std::vector<std::string> origins(const std::vector<const mpb::DeviceEntry*>& entries)
{
    std::vector<std::string> out;
    for (const auto* e : entries)
        out.push_back(e->origin.describe());
    return out;
}

std::vector<std::string> device_rules(const Config& c)
{
    std::vector<std::string> out;
    for (const auto& r : c.blacklist.device)
        out.push_back((r.vendor ? r.vendor->pattern() : "-") + " " +
                      (r.product ? r.product->pattern() : "-"));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hwtable)

// Each row's settings, every one of them: mpath-boot's keywords parsed
// (their text is the row's value again), the others kept as written.
BOOST_DATA_TEST_CASE(every_setting_is_read, bdata::make(row_indexes()), i)
{
    const auto& row = mpb::builtin_rows()[i];
    auto e = mpb::builtin_entry(row);
    BOOST_TEST(e.vendor.pattern() == row.vendor);
    BOOST_TEST(e.product.pattern() == row.product);
    BOOST_TEST(e.revision.has_value() == (row.revision != nullptr));
    BOOST_TEST(e.product_blacklist.has_value() == (row.product_blacklist != nullptr));
    if (row.product_blacklist)
        BOOST_TEST(e.product_blacklist->value == row.product_blacklist);
    BOOST_TEST(e.origin.describe() ==
               "built-in device table (" + std::string(row.vendor) + "/" + row.product + ")");
    for (const auto& s : mpb::settings_of(row))
        BOOST_TEST(text_of(e, s.keyword) == s.value, row.vendor << "/" << row.product << " "
                                                                  << s.keyword);
}

// A device named after an entry's patterns finds that entry among the
// built-in ones of a configuration without files.
BOOST_DATA_TEST_CASE(every_entry_is_found, bdata::make(row_indexes()), i)
{
    const auto& row = mpb::builtin_rows()[i];
    auto vendor = sample(row.vendor), product = sample(row.product);
    BOOST_TEST_REQUIRE(mpb::Regex::compile(row.vendor)->matches(vendor), vendor);
    BOOST_TEST_REQUIRE(mpb::Regex::compile(row.product)->matches(product), product);
    auto c = mpb::builtin_config();
    auto found = mpb::matching_devices(c, vendor, product, "0001");
    BOOST_TEST(std::count(found.begin(), found.end(), &c.builtin_devices.entry(i)) == 1);
}

// The cheap check that spares making entries never changes a verdict: for
// every entry's device and every row, BuiltinDevices::matches is the
// regexes' answer.
BOOST_AUTO_TEST_CASE(prefilter_agrees_with_the_regexes)
{
    auto rows = mpb::builtin_rows();
    std::vector<mpb::DeviceEntry> entries;
    for (const auto& r : rows)
        entries.push_back(mpb::builtin_entry(r));
    mpb::BuiltinDevices table;
    for (const auto& device : rows) {
        auto vendor = sample(device.vendor), product = sample(device.product);
        for (std::size_t j = 0; j < rows.size(); ++j)
            BOOST_TEST(table.matches(j, vendor, product, std::nullopt) ==
                           entries[j].matches(vendor, product, std::nullopt),
                       vendor << "/" << product << " against row " << j);
    }
}

// ----- precedence ------------------------------------------------------------

struct MatchCase {
    const char* name;
    std::string conf;
    std::string vendor, product;
    std::optional<std::string> revision;
    std::vector<std::string> origins;  // the matching entries, highest first
};

std::ostream& operator<<(std::ostream& os, const MatchCase& c) { return os << c.name; }

const std::string emc = "built-in device table (EMC/SYMMETRIX)";
const auto at = [](int line) { return "devices section, " + main_file + ":" + std::to_string(line); };

const MatchCase match_cases[] = {
    {"built-in only", "", "EMC", "SYMMETRIX", std::nullopt, {emc}},
    {"unknown hardware", "", "ACME", "Disk", std::nullopt, {}},
    {"a user entry comes before the built-in one",
     "devices {\n\tdevice {\n\t\tvendor EMC\n\t\tproduct SYMM\n\t}\n}\n", "EMC", "SYMMETRIX",
     std::nullopt, {at(2), emc}},
    {"the same strings: the built-in entry goes",
     "devices {\n\tdevice {\n\t\tvendor EMC\n\t\tproduct SYMMETRIX\n\t}\n}\n", "EMC", "SYMMETRIX",
     std::nullopt, {at(2)}},
    {"the same strings and a revision: both stay",
     "devices {\n\tdevice {\n\t\tvendor EMC\n\t\tproduct SYMMETRIX\n\t\trevision 5\n\t}\n}\n", "EMC",
     "SYMMETRIX", "5876", {at(2), emc}},
    {"a revision that does not match",
     "devices {\n\tdevice {\n\t\tvendor EMC\n\t\tproduct SYMMETRIX\n\t\trevision ^6\n\t}\n}\n", "EMC",
     "SYMMETRIX", "5876", {emc}},
    {"a revision not known matches any",
     "devices {\n\tdevice {\n\t\tvendor EMC\n\t\tproduct SYMMETRIX\n\t\trevision ^6\n\t}\n}\n", "EMC",
     "SYMMETRIX", std::nullopt, {at(2), emc}},
    {"later user entries first",
     "devices {\n\tdevice {\n\t\tvendor E\n\t\tproduct S\n\t}\n"
     "\tdevice {\n\t\tvendor EM\n\t\tproduct SY\n\t}\n}\n",
     "EMC", "SYMMETRIX", std::nullopt, {at(6), at(2), emc}},
    {"two user entries with the same strings: one, in the later's place",
     "devices {\n\tdevice {\n\t\tvendor E\n\t\tproduct S\n\t}\n"
     "\tdevice {\n\t\tvendor EM\n\t\tproduct SY\n\t}\n"
     "\tdevice {\n\t\tvendor E\n\t\tproduct S\n\t}\n}\n",
     "EMC", "SYMMETRIX", std::nullopt, {at(10), at(6), emc}},
};

BOOST_DATA_TEST_CASE(matching_entries, bdata::make(match_cases), c)
{
    auto cfg = mpb::test::config_from(c.conf);
    std::optional<std::string_view> revision;
    if (c.revision)
        revision = *c.revision;
    auto got = origins(mpb::matching_devices(cfg, c.vendor, c.product, revision));
    BOOST_TEST(got == c.origins, boost::test_tools::per_element());
}

// A user entry with a built-in entry's strings takes the built-in settings
// it does not set, with their origins; the later of two user entries with
// the same strings (across files too) wins the same way.
BOOST_AUTO_TEST_CASE(merged_settings_keep_their_origins)
{
    auto cfg = mpb::load_config({
        {main_file, "devices {\n\tdevice {\n\t\tvendor 3PARdata\n\t\tproduct VV\n"
                    "\t\tno_path_retry 5\n\t\trr_min_io_rq 3\n\t}\n}\n"},
        {confd_file, "devices {\n\tdevice {\n\t\tvendor 3PARdata\n\t\tproduct VV\n"
                     "\t\tno_path_retry 7\n\t\tfailback manual\n\t}\n}\n"},
    });
    BOOST_TEST_REQUIRE(cfg.diagnostics.empty());
    BOOST_TEST_REQUIRE(cfg.devices.size() == 1u);
    const auto& e = cfg.devices[0];
    BOOST_TEST(e.origin.describe() == "devices section, " + confd_file + ":2");
    BOOST_TEST(text_of(e, "no_path_retry") == "7");
    BOOST_TEST(e.options.no_path_retry->origin.describe() == "devices section, " + confd_file + ":5");
    BOOST_TEST(text_of(e, "rr_min_io_rq") == "3");
    BOOST_TEST(e.options.rr_min_io_rq->origin.describe() == "devices section, " + main_file + ":6");
    BOOST_TEST(text_of(e, "path_grouping_policy") == "group_by_prio");
    BOOST_TEST(e.options.path_grouping_policy->origin.describe() ==
               "built-in device table (3PARdata/VV)");
    BOOST_TEST(text_of(e, "failback") == "manual");
    BOOST_TEST(text_of(e, "dev_loss_tmo") == "infinity");
    BOOST_TEST(text_of(e, "vpd_vendor") == "hp3par");
    auto s = mpb::resolve_settings(cfg, mpb::matching_devices(cfg, "3PARdata", "VV"), nullptr);
    BOOST_TEST(mpb::to_string(s.no_path_retry.value) == "7");
    BOOST_TEST(s.hardware_handler.value == "1 alua");
}

// 0.9.4 takes "queue_if_no_path" and "retain_attached_hw_handler" out of a
// merged entry's features; the options they stand for keep a value of
// their own (EMC/SYMMETRIX: no_path_retry 6) or take theirs (APPLE: none).
BOOST_AUTO_TEST_CASE(merged_features_are_reconciled)
{
    auto cfg = mpb::test::config_from(
        "devices {\n"
        "\tdevice {\n\t\tvendor EMC\n\t\tproduct SYMMETRIX\n"
        "\t\tfeatures \"2 queue_if_no_path pg_init_retries\"\n\t}\n"
        "\tdevice {\n\t\tvendor APPLE\n\t\tproduct \"Xserve RAID\"\n"
        "\t\tfeatures \"2 retain_attached_hw_handler queue_if_no_path\"\n\t}\n"
        "\tdevice {\n\t\tvendor ACME\n\t\tproduct Disk\n"
        "\t\tfeatures \"1 queue_if_no_path\"\n\t}\n"
        "}\n");
    BOOST_TEST_REQUIRE(cfg.devices.size() == 3u);
    BOOST_TEST(text_of(cfg.devices[0], "features") == "1 pg_init_retries");
    BOOST_TEST(text_of(cfg.devices[0], "no_path_retry") == "6");
    BOOST_TEST(text_of(cfg.devices[1], "features") == "0");
    BOOST_TEST(text_of(cfg.devices[1], "no_path_retry") == "queue");
    BOOST_TEST(text_of(cfg.devices[1], "retain_attached_hw_handler") == "yes");
    // Not merged: left as written.
    BOOST_TEST(text_of(cfg.devices[2], "features") == "1 queue_if_no_path");
    BOOST_TEST(text_of(cfg.devices[2], "no_path_retry") == "(unset)");
}

// ----- product_blacklist -----------------------------------------------------

// multipath -t's built-in blacklist device entries, in its order.
const std::vector<std::string> builtin_rules = {
    "SGI Universal Xport",     "^DGC LUNZ",
    "EMC LUNZ",                "DELL Universal Xport",
    "FUJITSU Universal Xport", "IBM Universal Xport",
    "IBM S/390",               "LENOVO Universal Xport",
    "(NETAPP|LSI|ENGENIO) Universal Xport", "STK Universal Xport",
    "SUN Universal Xport",     "(Intel|INTEL) VTrak V-LUN",
    "Promise VTrak V-LUN",     "Promise Vess V-LUN",
};

BOOST_AUTO_TEST_CASE(builtin_product_blacklist)
{
    auto c = mpb::builtin_config();
    BOOST_TEST(device_rules(c) == builtin_rules, boost::test_tools::per_element());
}

struct FilterCase {
    const char* name;
    std::string conf;
    std::string vendor, product;
    bool blacklisted;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const FilterCase& c) { return os << c.name; }

const FilterCase filter_cases[] = {
    {"built-in: EMC LUNZ", "", "DGC", "LUNZ", true,
     R"R(blacklisted by device vendor "^DGC" product "LUNZ" (product_blacklist of built-in device entry ^DGC/^(RAID|DISK|VRAID)))R"},
    {"built-in: an RDAC access LUN", "", "LSI", "Universal Xport", true,
     R"R(blacklisted by device vendor "(NETAPP|LSI|ENGENIO)" product "Universal Xport" (product_blacklist of built-in device entry (NETAPP|LSI|ENGENIO)/INF-01-00))R"},
    {"built-in: the array's data LUN", "", "LSI", "INF-01-00", false, ""},
    {"a user entry's product_blacklist",
     "devices {\n\tdevice {\n\t\tvendor ACME\n\t\tproduct Disk\n\t\tproduct_blacklist Ctl\n\t}\n}\n",
     "ACME", "Ctl 2", true,
     R"R(blacklisted by device vendor "ACME" product "Ctl" (product_blacklist, devices section, /etc/multipath.conf:5))R"},
    {"a merged entry's own product_blacklist replaces the built-in one",
     "devices {\n\tdevice {\n\t\tvendor ^DGC\n\t\tproduct \"^(RAID|DISK|VRAID)\"\n"
     "\t\tproduct_blacklist LUNX\n\t}\n}\n",
     "DGC", "LUNX", true,
     R"R(blacklisted by device vendor "^DGC" product "LUNX" (product_blacklist, devices section, /etc/multipath.conf:5))R"},
    {"a merged entry without one keeps the built-in one",
     "devices {\n\tdevice {\n\t\tvendor ^DGC\n\t\tproduct \"^(RAID|DISK|VRAID)\"\n"
     "\t\tno_path_retry 3\n\t}\n}\n",
     "DGC", "LUNZ", true,
     R"R(blacklisted by device vendor "^DGC" product "LUNZ" (product_blacklist of built-in device entry ^DGC/^(RAID|DISK|VRAID)))R"},
    {"the file's own rule for the same device comes first",
     "blacklist {\n\tdevice {\n\t\tvendor EMC\n\t\tproduct LUNZ\n\t}\n}\n", "EMC", "LUNZ", true,
     R"R(blacklisted by device vendor "EMC" product "LUNZ" (blacklist section, /etc/multipath.conf:2))R"},
    {"an exception wins",
     "blacklist_exceptions {\n\tdevice {\n\t\tvendor EMC\n\t\tproduct LUNZ\n\t}\n}\n", "EMC",
     "LUNZ", false,
     R"R(allowed by device exception vendor "EMC" product "LUNZ" (blacklist_exceptions section, /etc/multipath.conf:2))R"},
};

BOOST_DATA_TEST_CASE(product_blacklist_verdicts, bdata::make(filter_cases), c)
{
    auto v = mpb::filter_device(mpb::test::config_from(c.conf), c.vendor, c.product);
    BOOST_TEST(v.blacklisted == c.blacklisted);
    BOOST_TEST(v.reason == c.reason);
}

// The merged ^DGC entry's LUNX rule takes the place of LUNZ at the end, as
// multipath -t lists it; a rule the files write again is kept once.
BOOST_AUTO_TEST_CASE(product_blacklist_rules_in_order)
{
    auto c = mpb::test::config_from(
        "blacklist {\n\tdevice {\n\t\tvendor EMC\n\t\tproduct LUNZ\n\t}\n"
        "\tdevice {\n\t\tvendor EMC\n\t\tproduct LUNZ\n\t}\n}\n"
        "devices {\n\tdevice {\n\t\tvendor ^DGC\n\t\tproduct \"^(RAID|DISK|VRAID)\"\n"
        "\t\tproduct_blacklist LUNX\n\t}\n}\n");
    std::vector<std::string> expected = builtin_rules;
    expected.erase(expected.begin() + 1, expected.begin() + 3);  // ^DGC LUNZ, EMC LUNZ
    expected.insert(expected.begin(), "EMC LUNZ");
    expected.push_back("^DGC LUNX");
    BOOST_TEST(device_rules(c) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

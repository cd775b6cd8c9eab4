// SPDX-License-Identifier: GPL-2.0-or-later
// Editing multipath.conf as text: where each change goes (in place, into
// the last section, appended), indentation and line endings taken from the
// file, quoting, what is refused; that the rest of the text is unchanged
// byte for byte; that load_config reads the edits as the effective values;
// and that editing twice changes nothing more.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "core/blacklist.hh"
#include "core/conf_edit.hh"
#include "core/config.hh"
#include "core/regex.hh"
#include "core/settings.hh"

namespace bdata = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(conf_edit)

namespace {

using mpb::ConfEdits;

const std::string file = "/etc/multipath.conf";
const std::string comment = "# Added by mpath-boot-ks from the kickstart.\n";

const std::string root_wwid = "3600a0b80000abcd";
const std::string data_wwid = "3600a0b80000cafe";
const std::string bad_wwid = "3600a0b80000dead";
const std::string kept_wwid = "3600a0b80000beef";

// What a kickstart typically asks for.
ConfEdits kickstart_edits()
{
    ConfEdits e;
    e.defaults = {{"user_friendly_names", "yes"}, {"find_multipaths", "strict"},
                  {"no_path_retry", "queue"}};
    e.blacklist = {{"wwid", bad_wwid}, {"devnode", "^sd[x-z]"}};
    e.blacklist_exception_wwids = {kept_wwid};
    e.multipaths = {{root_wwid, "rootdisk"}, {data_wwid, "data"}};
    return e;
}

ConfEdits defaults_only(std::vector<std::pair<std::string, std::string>> d)
{
    ConfEdits e;
    e.defaults = std::move(d);
    return e;
}

ConfEdits aliases_only(std::vector<std::pair<std::string, std::string>> m)
{
    ConfEdits e;
    e.multipaths = std::move(m);
    return e;
}

ConfEdits blacklist_only(std::vector<std::pair<std::string, std::string>> b,
                         std::vector<std::string> exceptions = {})
{
    ConfEdits e;
    e.blacklist = std::move(b);
    e.blacklist_exception_wwids = std::move(exceptions);
    return e;
}

struct EditCase {
    const char* name;
    std::string text;
    ConfEdits edits;
    std::string expected;
};

std::ostream& operator<<(std::ostream& os, const EditCase& c) { return os << c.name; }

const EditCase edit_cases[] = {
    {"an empty file gets every section, after the comment",
     "", kickstart_edits(),
     comment +
         "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths strict\n\tno_path_retry queue\n}\n"
         "blacklist {\n\twwid 3600a0b80000dead\n\tdevnode ^sd[x-z]\n}\n"
         "blacklist_exceptions {\n\twwid 3600a0b80000beef\n}\n"
         "multipaths {\n\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t\talias rootdisk\n\t}\n"
         "\tmultipath {\n\t\twwid 3600a0b80000cafe\n\t\talias data\n\t}\n}\n"},
    {"values already there, quoted or not: the text comes back as it was, final newline missing",
     "defaults {\n  user_friendly_names \"yes\"\n  find_multipaths strict # kept\n"
     "  no_path_retry queue\n}\nblacklist {\n  wwid 3600a0b80000dead\n  devnode \"^sd[x-z]\"\n}\n"
     "blacklist_exceptions {\n  wwid \"3600a0b80000beef\"\n}\nmultipaths {\n  multipath {\n"
     "    wwid \"3600a0b80000abcd\"\n    alias rootdisk\n  }\n  multipath {\n"
     "    alias data\n    wwid 3600a0b80000cafe\n  }\n}",
     kickstart_edits(),
     "defaults {\n  user_friendly_names \"yes\"\n  find_multipaths strict # kept\n"
     "  no_path_retry queue\n}\nblacklist {\n  wwid 3600a0b80000dead\n  devnode \"^sd[x-z]\"\n}\n"
     "blacklist_exceptions {\n  wwid \"3600a0b80000beef\"\n}\nmultipaths {\n  multipath {\n"
     "    wwid \"3600a0b80000abcd\"\n    alias rootdisk\n  }\n  multipath {\n"
     "    alias data\n    wwid 3600a0b80000cafe\n  }\n}"},
    {"a value is replaced in place: indentation, spacing and trailing comment kept",
     "defaults {\n    user_friendly_names   no   # was no\n    polling_interval 10\n}\n",
     defaults_only({{"user_friendly_names", "yes"}}),
     "defaults {\n    user_friendly_names   yes   # was no\n    polling_interval 10\n}\n"},
    {"a quoted value is replaced, and a '!' comment right after it kept",
     "defaults {\n\tno_path_retry \"fail\"! not yet\n}\n",
     defaults_only({{"no_path_retry", "queue"}}),
     "defaults {\n\tno_path_retry queue! not yet\n}\n"},
    {"a keyword without a value gets one",
     "defaults {\n\tno_path_retry\t# to do\n}\n",
     defaults_only({{"no_path_retry", "queue"}}),
     "defaults {\n\tno_path_retry queue\t# to do\n}\n"},
    {"set in two defaults sections: the later one is edited",
     "defaults {\n\tfind_multipaths yes\n}\ndefaults {\n\tfind_multipaths no\n}\n",
     defaults_only({{"find_multipaths", "strict"}}),
     "defaults {\n\tfind_multipaths yes\n}\ndefaults {\n\tfind_multipaths strict\n}\n"},
    {"set twice in one section: the later line is edited",
     "defaults {\n\tfind_multipaths yes\n\tfind_multipaths no\n}\n",
     defaults_only({{"find_multipaths", "strict"}}),
     "defaults {\n\tfind_multipaths yes\n\tfind_multipaths strict\n}\n"},
    {"set only in the first of two defaults sections: edited there, the later does not set it",
     "defaults {\n\tfind_multipaths yes\n}\ndefaults {\n\tpolling_interval 5\n}\n",
     defaults_only({{"find_multipaths", "strict"}}),
     "defaults {\n\tfind_multipaths strict\n}\ndefaults {\n\tpolling_interval 5\n}\n"},
    {"not set: inserted before the '}' of the last defaults section, indented as its entries",
     "defaults {\n  polling_interval 5\n}\nblacklist {\n}\ndefaults {\n    path_checker tur\n"
     "    # the end\n}\n",
     defaults_only({{"user_friendly_names", "yes"}}),
     "defaults {\n  polling_interval 5\n}\nblacklist {\n}\ndefaults {\n    path_checker tur\n"
     "    # the end\n    user_friendly_names yes\n}\n"},
    {"an empty defaults section: one level deeper, as the file indents",
     "defaults {\n}\nblacklist {\n    devnode sda\n}\n",
     defaults_only({{"user_friendly_names", "yes"}}),
     "defaults {\n    user_friendly_names yes\n}\nblacklist {\n    devnode sda\n}\n"},
    {"no defaults section: appended after a blank line, a missing final newline supplied",
     "blacklist {\n\tdevnode sda\n}",
     defaults_only({{"user_friendly_names", "yes"}}),
     "blacklist {\n\tdevnode sda\n}\n\n" + comment + "defaults {\n\tuser_friendly_names yes\n}\n"},
    {"appended in the file's indentation; no second blank line after one",
     "blacklist {\n  devnode sda\n}\n\n",
     defaults_only({{"user_friendly_names", "yes"}}),
     "blacklist {\n  devnode sda\n}\n\n" + comment + "defaults {\n  user_friendly_names yes\n}\n"},
    {"one comment line for all the sections one call appends",
     "# nothing yet\n",
     [] {
         auto e = aliases_only({{root_wwid, "rootdisk"}});
         e.defaults = {{"find_multipaths", "strict"}};
         return e;
     }(),
     "# nothing yet\n\n" + comment + "defaults {\n\tfind_multipaths strict\n}\nmultipaths {\n"
     "\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t\talias rootdisk\n\t}\n}\n"},
    {"the same keyword twice: one line, the later value",
     "", defaults_only({{"no_path_retry", "fail"}, {"no_path_retry", "queue"}}),
     comment + "defaults {\n\tno_path_retry queue\n}\n"},
    {"values that need quotes get them, \"\" for a quote",
     "defaults {\n\tprio_args x\n}\n",
     defaults_only({{"path_selector", "service-time 0"},
                    {"uid_attrs", "sd:ID_SERIAL\tnvme:ID_WWN"},
                    {"prio_args", "say \"hi\" #now !"},
                    {"checker_timeout", ""},
                    {"alias_prefix", "{mp}"}}),
     "defaults {\n\tprio_args \"say \"\"hi\"\" #now !\"\n\tpath_selector \"service-time 0\"\n"
     "\tuid_attrs \"sd:ID_SERIAL\tnvme:ID_WWN\"\n\tchecker_timeout \"\"\n\talias_prefix \"{mp}\"\n}\n"},
    {"CRLF line endings are kept and used for added lines",
     "defaults {\r\n\tpolling_interval 5\r\n}\r\n",
     [] {
         auto e = defaults_only({{"user_friendly_names", "yes"}});
         e.blacklist = {{"devnode", "^sdz"}};
         return e;
     }(),
     "defaults {\r\n\tpolling_interval 5\r\n\tuser_friendly_names yes\r\n}\r\n\r\n"
     "# Added by mpath-boot-ks from the kickstart.\r\nblacklist {\r\n\tdevnode ^sdz\r\n}\r\n"},
    {"blacklist: an entry already in any blacklist section is not added again; others go last",
     "blacklist {\n\twwid \"3600a0b80000dead\"\n}\nblacklist {\n\tdevnode \"^hd\"\n\tdevice {\n"
     "\t\tvendor \"IBM\"\n\t}\n}\n",
     blacklist_only({{"wwid", bad_wwid}, {"devnode", "^sd[x-z]"}}),
     "blacklist {\n\twwid \"3600a0b80000dead\"\n}\nblacklist {\n\tdevnode \"^hd\"\n\tdevice {\n"
     "\t\tvendor \"IBM\"\n\t}\n\tdevnode ^sd[x-z]\n}\n"},
    {"blacklist_exceptions: a blacklist entry is not an exception",
     "blacklist {\n\twwid .*\n}\n",
     blacklist_only({{"wwid", ".*"}}, {kept_wwid}),
     "blacklist {\n\twwid .*\n}\n\n" + comment + "blacklist_exceptions {\n\twwid 3600a0b80000beef\n}\n"},
    {"blacklist_exceptions: into the last such section",
     "blacklist_exceptions {\n\tproperty \"(SCSI_IDENT_|ID_WWN)\"\n}\n"
     "blacklist_exceptions {\n}\n",
     blacklist_only({}, {kept_wwid}),
     "blacklist_exceptions {\n\tproperty \"(SCSI_IDENT_|ID_WWN)\"\n}\n"
     "blacklist_exceptions {\n\twwid 3600a0b80000beef\n}\n"},
    {"multipaths: alias replaced, alias added, subsection added, in the file's indentation",
     "multipaths {\n    multipath {\n        wwid 3600a0b80000abcd\n        alias old   # was\n"
     "    }\n    multipath {\n        wwid 3600a0b80000cafe\n    }\n}\n",
     aliases_only({{root_wwid, "rootdisk"}, {data_wwid, "data"}, {"3600a0b800001111", "new"}}),
     "multipaths {\n    multipath {\n        wwid 3600a0b80000abcd\n        alias rootdisk   # was\n"
     "    }\n    multipath {\n        wwid 3600a0b80000cafe\n        alias data\n    }\n"
     "    multipath {\n        wwid 3600a0b800001111\n        alias new\n    }\n}\n"},
    {"multipaths: a WWID in two subsections: the last alias line is the one edited",
     "multipaths {\n\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t\talias first\n\t}\n}\n"
     "multipaths {\n\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t\tno_path_retry 5\n\t}\n}\n",
     aliases_only({{root_wwid, "rootdisk"}}),
     "multipaths {\n\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t\talias rootdisk\n\t}\n}\n"
     "multipaths {\n\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t\tno_path_retry 5\n\t}\n}\n"},
    {"multipaths: a WWID in two subsections without alias: added to the later one",
     "multipaths {\n\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t}\n\tmultipath {\n"
     "\t\twwid 3600a0b80000abcd\n\t\tno_path_retry 5\n\t}\n}\n",
     aliases_only({{root_wwid, "rootdisk"}}),
     "multipaths {\n\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t}\n\tmultipath {\n"
     "\t\twwid 3600a0b80000abcd\n\t\tno_path_retry 5\n\t\talias rootdisk\n\t}\n}\n"},
    {"multipaths: an empty section gets the subsection one level deeper",
     "multipaths {\n}\n# end\n",
     aliases_only({{root_wwid, "rootdisk"}}),
     "multipaths {\n\tmultipath {\n\t\twwid 3600a0b80000abcd\n\t\talias rootdisk\n\t}\n}\n# end\n"},
};

BOOST_DATA_TEST_CASE(edits_land_where_expected, bdata::make(edit_cases), c)
{
    auto r = mpb::edit_multipath_conf(c.text, file, c.edits);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(*r == c.expected);
}

// ----- what is refused ------------------------------------------------------

struct RefusedCase {
    const char* name;
    std::string text;
    ConfEdits edits;
    std::string error;
};

std::ostream& operator<<(std::ostream& os, const RefusedCase& c) { return os << c.name; }

const RefusedCase refused_cases[] = {
    {"an unterminated quote", "defaults {\n\tuser_friendly_names \"yes\n}\n",
     defaults_only({{"user_friendly_names", "yes"}}),
     "/etc/multipath.conf:2:22: error: unterminated quoted string"},
    {"a section never closed", "# top\ndefaults {\n", defaults_only({}),
     "/etc/multipath.conf:2:1: error: section \"defaults\" is never closed"},
    {"an unknown defaults keyword", "", defaults_only({{"no_such_keyword", "1"}}),
     "cannot set \"no_such_keyword\" to \"1\" in section \"defaults\": unknown keyword"},
    {"alias is no defaults keyword", "", defaults_only({{"alias", "x"}}),
     "cannot set \"alias\" to \"x\" in section \"defaults\": unknown keyword"},
    {"a value its keyword rejects", "", defaults_only({{"find_multipaths", "maybe"}}),
     "cannot set \"find_multipaths\" to \"maybe\" in section \"defaults\": "
     "expected off, on, strict, greedy or smart"},
    {"a line break in a value", "", defaults_only({{"prio_args", "a\nb"}}),
     "cannot set \"prio_args\" to \"a\\x0ab\" in section \"defaults\": "
     "a line break or NUL cannot stand in a value"},
    {"a blacklist keyword that is not one", "", blacklist_only({{"vendor", "IBM"}}),
     "cannot set \"vendor\" to \"IBM\" in section \"blacklist\": "
     "not a blacklist keyword (wwid, devnode, property or protocol)"},
    {"an invalid regular expression", "", blacklist_only({{"devnode", "^sd("}}),
     "cannot set \"devnode\" to \"^sd(\" in section \"blacklist\": invalid regular expression: " +
         mpb::Regex::compile("^sd(").error()},
    {"an invalid alias", "", aliases_only({{root_wwid, "root disk"}}),
     "cannot set \"alias\" to \"root disk\" in section \"multipath\": "
     "contains whitespace or a control character"},
    {"an empty WWID", "", aliases_only({{"", "rootdisk"}}),
     "cannot set \"wwid\" to \"\" in section \"multipath\": empty WWID"},
};

BOOST_DATA_TEST_CASE(refused, bdata::make(refused_cases), c)
{
    auto r = mpb::edit_multipath_conf(c.text, file, c.edits);
    BOOST_TEST_REQUIRE(!r.has_value(), "edited:\n" << *r);
    BOOST_TEST(r.error() == c.error);
}

// ----- a realistic installer file -------------------------------------------

const std::string realistic =
    "# /etc/multipath.conf, written by the installer.\n"
    "# See multipath.conf(5).\n"
    "\n"
    "defaults {\n"
    "\tpolling_interval 10\n"
    "\tpath_checker tur        # spelt out\n"
    "\tuser_friendly_names no\n"
    "\tpath_selector \"service-time 0\"\n"
    "\t! find_multipaths yes\n"
    "}\n"
    "\n"
    "blacklist {\n"
    "\tdevnode \"^(ram|zram|loop|fd|md|dm-|sr|scd|st)[0-9]*\"\n"
    "\tdevice {\n"
    "\t\tvendor \"COMPAQ  \"\n"
    "\t\tproduct \"HSV110 (C)COMPAQ\"\n"
    "\t}\n"
    "}\n"
    "\n"
    "devices {\n"
    "\tdevice {\n"
    "\t\tvendor \"NETAPP\"\n"
    "\t\tproduct \"LUN.*\"\n"
    "\t\tpath_grouping_policy \"group_by_serial\"\n"
    "\t\tprio \"ontap\"\n"
    "\t\tno_path_retry 12\n"
    "\t}\n"
    "}\n"
    "\n"
    "multipaths {\n"
    "\tmultipath {\n"
    "\t\twwid 3600a0b80000abcd\n"
    "\t\talias oldroot\t! renamed at install time\n"
    "\t\tfailback immediate\n"
    "\t}\n"
    "}\n";

const std::string realistic_edited =
    "# /etc/multipath.conf, written by the installer.\n"
    "# See multipath.conf(5).\n"
    "\n"
    "defaults {\n"
    "\tpolling_interval 10\n"
    "\tpath_checker tur        # spelt out\n"
    "\tuser_friendly_names yes\n"
    "\tpath_selector \"service-time 0\"\n"
    "\t! find_multipaths yes\n"
    "\tfind_multipaths strict\n"
    "\tno_path_retry queue\n"
    "}\n"
    "\n"
    "blacklist {\n"
    "\tdevnode \"^(ram|zram|loop|fd|md|dm-|sr|scd|st)[0-9]*\"\n"
    "\tdevice {\n"
    "\t\tvendor \"COMPAQ  \"\n"
    "\t\tproduct \"HSV110 (C)COMPAQ\"\n"
    "\t}\n"
    "\twwid 3600a0b80000dead\n"
    "\tdevnode ^sd[x-z]\n"
    "}\n"
    "\n"
    "devices {\n"
    "\tdevice {\n"
    "\t\tvendor \"NETAPP\"\n"
    "\t\tproduct \"LUN.*\"\n"
    "\t\tpath_grouping_policy \"group_by_serial\"\n"
    "\t\tprio \"ontap\"\n"
    "\t\tno_path_retry 12\n"
    "\t}\n"
    "}\n"
    "\n"
    "multipaths {\n"
    "\tmultipath {\n"
    "\t\twwid 3600a0b80000abcd\n"
    "\t\talias rootdisk\t! renamed at install time\n"
    "\t\tfailback immediate\n"
    "\t}\n"
    "\tmultipath {\n"
    "\t\twwid 3600a0b80000cafe\n"
    "\t\talias data\n"
    "\t}\n"
    "}\n"
    "\n" +
    comment +
    "blacklist_exceptions {\n"
    "\twwid 3600a0b80000beef\n"
    "}\n";

BOOST_AUTO_TEST_CASE(a_realistic_file_keeps_everything_it_had)
{
    auto r = mpb::edit_multipath_conf(realistic, file, kickstart_edits());
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(*r == realistic_edited);
}

// ----- what load_config makes of the result ---------------------------------

// Inputs as an installer or an administrator may leave them: two defaults
// sections that disagree, sections repeated as conf.d files would add them.
const std::string repeated_sections =
    "defaults {\n"
    "\tuser_friendly_names no\n"
    "\tfind_multipaths no\n"
    "\tno_path_retry fail\n"
    "}\n"
    "blacklist {\n"
    "\twwid .*\n"
    "}\n"
    "multipaths {\n"
    "\tmultipath {\n"
    "\t\twwid 3600a0b80000abcd\n"
    "\t\talias first\n"
    "\t}\n"
    "}\n"
    "# what conf.d/10-site.conf would have said\n"
    "defaults {\n"
    "\tfind_multipaths greedy\n"
    "\tno_path_retry 5\n"
    "\tuser_friendly_names no\n"
    "}\n"
    "multipaths {\n"
    "\tmultipath {\n"
    "\t\twwid 3600a0b80000abcd\n"
    "\t\tno_path_retry 7\n"
    "\t}\n"
    "\tmultipath {\n"
    "\t\twwid 3600a0b80000cafe\n"
    "\t\talias older\n"
    "\t}\n"
    "}\n"
    "blacklist {\n"
    "\tdevnode ^hd\n"
    "}\n"
    "defaults {\n"
    "\tpolling_interval 5\n"
    "}\n";

// A value the edits do not set, to check that the input's warnings stay.
const std::string with_warnings =
    "defaults {\n\tno_such_keyword 1\n\tno_path_retry\n}\nmultipaths {\n\tmultipath {\n"
    "\t\twwid 3600a0b80000abcd\n\t\talias \"bad alias\"\n\t}\n}\n";

struct LoadCase {
    const char* name;
    std::string text;
};

std::ostream& operator<<(std::ostream& os, const LoadCase& c) { return os << c.name; }

const LoadCase load_cases[] = {
    {"empty", ""},
    {"realistic", realistic},
    {"two defaults sections and repeated sections", repeated_sections},
    {"input with warnings of its own", with_warnings},
    {"already edited", realistic_edited},
};

// "warning: what" without file:line, which edits move.
std::vector<std::string> whats(const mpb::Diagnostics& d)
{
    std::vector<std::string> out;
    for (const auto& x : d) {
        auto severity = x.text.find(": warning: ");
        out.push_back(severity == std::string::npos ? x.text : x.text.substr(severity + 2));
    }
    std::sort(out.begin(), out.end());
    return out;
}

mpb::Config loaded(const std::string& text)
{
    return mpb::load_config({{file, text}});
}

BOOST_DATA_TEST_CASE(the_edits_are_the_effective_values, bdata::make(load_cases), c)
{
    auto r = mpb::edit_multipath_conf(c.text, file, kickstart_edits());
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    auto before = loaded(c.text);
    auto after = loaded(*r);
    BOOST_TEST_REQUIRE(!after.fell_back);
    auto new_ones = whats(after.diagnostics);
    auto old_ones = whats(before.diagnostics);
    BOOST_TEST(std::includes(old_ones.begin(), old_ones.end(), new_ones.begin(), new_ones.end()),
               "new diagnostics in:\n" << *r);

    // A WWID without a multipaths entry on hardware no device entry names:
    // what it gets comes from the defaults section.
    auto s = mpb::resolve_settings(after, mpb::matching_devices(after, "ACME", "DISK"),
                                   after.find_multipath("3600a0b800009999"));
    BOOST_TEST(s.user_friendly_names.value == true);
    BOOST_TEST(std::string(mpb::to_string(s.find_multipaths.value)) == "strict");
    BOOST_TEST(mpb::to_string(s.no_path_retry.value) == "queue");
    for (const auto& [wwid, alias] : kickstart_edits().multipaths) {
        const auto* mp = after.find_multipath(wwid);
        BOOST_TEST_REQUIRE(mp != nullptr, wwid);
        BOOST_TEST_REQUIRE(mp->alias.has_value(), wwid);
        BOOST_TEST(mp->alias->value == alias);
    }
    BOOST_TEST(mpb::filter_wwid(after, bad_wwid).blacklisted);
    BOOST_TEST(!mpb::filter_wwid(after, kept_wwid).blacklisted);
    BOOST_TEST(mpb::filter_devnode(after, "sdy").blacklisted);
    BOOST_TEST(!mpb::filter_devnode(after, "sda").blacklisted);
}

BOOST_DATA_TEST_CASE(editing_again_changes_nothing, bdata::make(load_cases), c)
{
    auto once = mpb::edit_multipath_conf(c.text, file, kickstart_edits());
    BOOST_TEST_REQUIRE(once.has_value(), once.error());
    auto twice = mpb::edit_multipath_conf(*once, file, kickstart_edits());
    BOOST_TEST_REQUIRE(twice.has_value(), twice.error());
    BOOST_TEST(*twice == *once);
}

}  // namespace

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// The typed configuration: keywords and their values per section, warnings
// for what is ignored, conf.d order, multipaths merging, blacklists, and the
// fallback to built-in defaults on a syntax error.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "core/config.hh"
#include "core/hwtable.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::Config;

const std::string main_file = "/etc/multipath.conf";
const std::string confd_a = "/etc/multipath/conf.d/10-a.conf";
const std::string confd_b = "/etc/multipath/conf.d/20-b.conf";

Config load(const std::string& text) { return mpb::load_config({{main_file, text}}); }

std::string warning(const std::string& file, int line, const std::string& what)
{
    return file + ":" + std::to_string(line) + ": warning: " + what;
}

std::string warning(int line, const std::string& what) { return warning(main_file, line, what); }

std::string invalid(const std::string& value, const std::string& keyword, const std::string& why)
{
    return "invalid value \"" + value + "\" for \"" + keyword + "\": " + why + "; ignored";
}

std::vector<std::string> texts(const mpb::Diagnostics& d)
{
    std::vector<std::string> out;
    for (const auto& x : d)
        out.push_back(x.text);
    return out;
}

std::string value_text(bool b) { return b ? "yes" : "no"; }
std::string value_text(int i) { return std::to_string(i); }
std::string value_text(const std::string& s) { return s; }
std::string value_text(mpb::FindMultipaths f) { return mpb::to_string(f); }
std::string value_text(mpb::PgPolicy p) { return mpb::to_string(p); }
std::string value_text(const mpb::NoPathRetry& n) { return mpb::to_string(n); }

const std::string unset = "<unset>";

template <class T>
std::string show(const std::optional<mpb::Set<T>>& s)
{
    return s ? value_text(s->value) : unset;
}

template <class T>
std::string origin_of(const std::optional<mpb::Set<T>>& s)
{
    return s ? s->origin.describe() : unset;
}

// The value of `keyword` in `m` (map options) or `g` (defaults-only options),
// or its origin when `origin` is set.
std::string option(const mpb::MapOptions& m, const mpb::GlobalOptions& g, const std::string& kw,
                   bool origin = false)
{
#define MPB_OPTION(slot, name) \
    if (kw == name)            \
        return origin ? origin_of(slot) : show(slot);
    MPB_OPTION(m.user_friendly_names, "user_friendly_names")
    MPB_OPTION(m.alias_prefix, "alias_prefix")
    MPB_OPTION(m.uid_attribute, "uid_attribute")
    MPB_OPTION(m.no_path_retry, "no_path_retry")
    MPB_OPTION(m.path_grouping_policy, "path_grouping_policy")
    MPB_OPTION(m.path_selector, "path_selector")
    MPB_OPTION(m.features, "features")
    MPB_OPTION(m.hardware_handler, "hardware_handler")
    MPB_OPTION(m.rr_min_io_rq, "rr_min_io_rq")
    MPB_OPTION(m.skip_kpartx, "skip_kpartx")
    MPB_OPTION(m.prio, "prio")
    MPB_OPTION(m.prio_args, "prio_args")
    MPB_OPTION(m.detect_prio, "detect_prio")
    MPB_OPTION(m.retain_attached_hw_handler, "retain_attached_hw_handler")
    MPB_OPTION(m.rr_weight, "rr_weight")
    MPB_OPTION(g.find_multipaths, "find_multipaths")
    MPB_OPTION(g.find_multipaths_timeout, "find_multipaths_timeout")
    MPB_OPTION(g.uid_attrs, "uid_attrs")
#undef MPB_OPTION
    return "<no such keyword in the test>";
}

const char* const map_keywords[] = {"user_friendly_names", "alias_prefix", "uid_attribute",
                                    "no_path_retry", "path_grouping_policy", "path_selector",
                                    "features", "hardware_handler", "rr_min_io_rq",
                                    "skip_kpartx", "prio", "prio_args", "detect_prio",
                                    "retain_attached_hw_handler", "rr_weight"};
const char* const global_keywords[] = {"find_multipaths", "find_multipaths_timeout", "uid_attrs"};

bool all_unset(const mpb::MapOptions& m)
{
    for (const char* k : map_keywords)
        if (option(m, {}, k) != unset)
            return false;
    return true;
}

bool all_unset(const mpb::GlobalOptions& g)
{
    for (const char* k : global_keywords)
        if (option({}, g, k) != unset)
            return false;
    return true;
}

// The rules the files wrote: not the two built-in ones, nor the
// product_blacklist ones of the built-in device entries.
std::size_t user_filter_rules(const Config& c)
{
    auto count = [](const mpb::FilterList& f) {
        std::size_t n = f.devnode.size() + f.wwid.size() + f.property.size() + f.protocol.size();
        for (const auto& d : f.device)
            n += d.origin.kind != mpb::Origin::builtin_device;
        return n;
    };
    return count(c.blacklist) + count(c.exceptions) - 2;
}

// ----- one keyword, one value, in one section ------------------------------

enum class Where { defaults, device, overrides, multipath };

const char* section_name(Where w)
{
    switch (w) {
    case Where::defaults: return "defaults";
    case Where::device: return "device";
    case Where::overrides: return "overrides";
    case Where::multipath: return "multipath";
    }
    return "?";
}

struct ValueCase {
    const char* name;
    Where where;
    std::string keyword;
    std::string written;   // the value as written in the file, quotes included
    std::string expected;  // value read back; unset when ignored
    std::string warning;   // what the warning says; empty when none
};

std::ostream& operator<<(std::ostream& os, const ValueCase& c) { return os << c.name; }

struct Placed {
    std::string text;
    int line;  // of the keyword
    std::string origin;
};

Placed place(Where w, const std::string& entry)
{
    switch (w) {
    case Where::defaults:
        return {"defaults {\n\t" + entry + "\n}\n", 2, "defaults section, " + main_file + ":2"};
    case Where::device:
        return {"devices {\n\tdevice {\n\t\tvendor ACME\n\t\tproduct Disk\n\t\t" + entry +
                    "\n\t}\n}\n",
                5, "devices section, " + main_file + ":5"};
    case Where::overrides:
        return {"overrides {\n\t" + entry + "\n}\n", 2, "overrides section, " + main_file + ":2"};
    case Where::multipath:
        return {"multipaths {\n\tmultipath {\n\t\twwid 3600a\n\t\t" + entry + "\n\t}\n}\n", 4,
                "multipaths section, " + main_file + ":4"};
    }
    return {};
}

std::string not_valid(const std::string& kw, Where w)
{
    return "\"" + kw + "\" is not valid in section \"" + section_name(w) + "\"; ignored";
}

const std::string yes_no = "expected yes or no";
const std::string npr = "expected fail, queue or a positive number";
const std::string pgp =
    "expected failover, multibus, group_by_serial, group_by_prio or group_by_node_name";
const std::string counted = "expected a count followed by that many words";
const std::string positive = "expected a positive number";
const std::string seconds = "expected a number of seconds between -3600 and 3600";
const std::string fm = "expected off, on, strict, greedy or smart";
const std::string ws = "contains whitespace or a control character";

using W = Where;

const ValueCase value_cases[] = {
    // defaults: every keyword, good and bad values
    {"ufn yes", W::defaults, "user_friendly_names", "yes", "yes", ""},
    {"ufn 1", W::defaults, "user_friendly_names", "1", "yes", ""},
    {"ufn no", W::defaults, "user_friendly_names", "no", "no", ""},
    {"ufn 0", W::defaults, "user_friendly_names", "0", "no", ""},
    {"ufn quoted yes", W::defaults, "user_friendly_names", "\"yes\"", "yes", ""},
    {"ufn maybe", W::defaults, "user_friendly_names", "maybe", unset,
     invalid("maybe", "user_friendly_names", yes_no)},
    {"ufn Yes (case)", W::defaults, "user_friendly_names", "Yes", unset,
     invalid("Yes", "user_friendly_names", yes_no)},
    {"ufn missing value", W::defaults, "user_friendly_names", "", unset,
     "missing value for \"user_friendly_names\"; ignored"},
    {"alias_prefix plain", W::defaults, "alias_prefix", "dm-mp", "dm-mp", ""},
    {"alias_prefix slash", W::defaults, "alias_prefix", "\"a/b\"", unset,
     invalid("a/b", "alias_prefix", "contains '/'")},
    {"alias_prefix space", W::defaults, "alias_prefix", "\"a b\"", unset,
     invalid("a b", "alias_prefix", ws)},
    {"alias_prefix tab shown escaped", W::defaults, "alias_prefix", "\"a\tb\"", unset,
     invalid("a\\x09b", "alias_prefix", ws)},
    {"alias_prefix empty", W::defaults, "alias_prefix", "\"\"", unset,
     invalid("", "alias_prefix", "empty name")},
    {"uid_attribute word", W::defaults, "uid_attribute", "ID_WWN", "ID_WWN", ""},
    {"uid_attribute two words", W::defaults, "uid_attribute", "\"ID_A ID_B\"", unset,
     invalid("ID_A ID_B", "uid_attribute", "expected one word")},
    {"uid_attribute empty: the VPD page", W::defaults, "uid_attribute", "\"\"", "", ""},
    {"npr queue", W::defaults, "no_path_retry", "queue", "queue", ""},
    {"npr fail", W::defaults, "no_path_retry", "fail", "fail", ""},
    {"npr 0 is fail", W::defaults, "no_path_retry", "0", "fail", ""},
    {"npr 12", W::defaults, "no_path_retry", "12", "12", ""},
    {"npr 1000000", W::defaults, "no_path_retry", "1000000", "1000000", ""},
    {"npr 1000001", W::defaults, "no_path_retry", "1000001", unset,
     invalid("1000001", "no_path_retry", npr)},
    {"npr -1", W::defaults, "no_path_retry", "-1", unset, invalid("-1", "no_path_retry", npr)},
    {"npr forever", W::defaults, "no_path_retry", "forever", unset,
     invalid("forever", "no_path_retry", npr)},
    {"npr 12s", W::defaults, "no_path_retry", "12s", unset, invalid("12s", "no_path_retry", npr)},
    {"npr missing value", W::defaults, "no_path_retry", "", unset,
     "missing value for \"no_path_retry\"; ignored"},
    {"pgp failover", W::defaults, "path_grouping_policy", "failover", "failover", ""},
    {"pgp multibus", W::defaults, "path_grouping_policy", "multibus", "multibus", ""},
    {"pgp group_by_serial", W::defaults, "path_grouping_policy", "group_by_serial",
     "group_by_serial", ""},
    {"pgp group_by_prio", W::defaults, "path_grouping_policy", "group_by_prio", "group_by_prio",
     ""},
    {"pgp group_by_node_name", W::defaults, "path_grouping_policy", "group_by_node_name",
     "group_by_node_name", ""},
    // 0.9.4 has no group_by_tpg (0.10 added it).
    {"pgp group_by_tpg", W::defaults, "path_grouping_policy", "group_by_tpg", unset,
     invalid("group_by_tpg", "path_grouping_policy", pgp)},
    {"prio alua", W::defaults, "prio", "alua", "alua", ""},
    {"prio_args empty", W::defaults, "prio_args", "\"\"", "", ""},
    {"detect_prio no", W::defaults, "detect_prio", "no", "no", ""},
    {"retain no", W::defaults, "retain_attached_hw_handler", "no", "no", ""},
    {"rr_weight priorities", W::defaults, "rr_weight", "priorities", "priorities", ""},
    {"rr_weight heavy", W::defaults, "rr_weight", "heavy", unset,
     invalid("heavy", "rr_weight", "expected uniform or priorities")},
    {"pgp random", W::defaults, "path_grouping_policy", "random", unset,
     invalid("random", "path_grouping_policy", pgp)},
    {"selector with count", W::defaults, "path_selector", "\"round-robin 0\"", "round-robin 0",
     ""},
    {"selector bare name", W::defaults, "path_selector", "service-time", "service-time 0", ""},
    {"selector spaces normalised", W::defaults, "path_selector", "\"queue-length   0\"",
     "queue-length 0", ""},
    {"selector with arguments", W::defaults, "path_selector", "\"historical-service-time 2 a b\"",
     "historical-service-time 2 a b", ""},
    {"selector name holding its count digit", W::defaults, "path_selector", "\"rr1 1 x\"",
     "rr1 1 x", ""},
    {"selector count too big", W::defaults, "path_selector", "\"service-time 1\"", unset,
     invalid("service-time 1", "path_selector", "expected \"name N args...\"")},
    {"selector count not a number", W::defaults, "path_selector", "\"service-time x\"", unset,
     invalid("service-time x", "path_selector", "expected \"name N args...\"")},
    {"selector empty", W::defaults, "path_selector", "\"\"", unset,
     invalid("", "path_selector", "expected a path selector name")},
    {"features 0", W::defaults, "features", "0", "0", ""},
    {"features queue_if_no_path", W::defaults, "features", "\"1 queue_if_no_path\"",
     "1 queue_if_no_path", ""},
    {"features two words normalised", W::defaults, "features", "\"2  pg_init_retries\t50\"",
     "2 pg_init_retries 50", ""},
    {"features without count", W::defaults, "features", "queue_if_no_path", unset,
     invalid("queue_if_no_path", "features", counted)},
    {"features count too big", W::defaults, "features", "\"2 queue_if_no_path\"", unset,
     invalid("2 queue_if_no_path", "features", counted)},
    {"features count too small", W::defaults, "features", "\"0 queue_if_no_path\"", unset,
     invalid("0 queue_if_no_path", "features", counted)},
    {"features negative count", W::defaults, "features", "-1", unset,
     invalid("-1", "features", counted)},
    {"features empty", W::defaults, "features", "\"\"", unset, invalid("", "features", counted)},
    {"hwhandler alua", W::defaults, "hardware_handler", "\"1 alua\"", "1 alua", ""},
    {"hwhandler 0", W::defaults, "hardware_handler", "0", "0", ""},
    {"hwhandler without count", W::defaults, "hardware_handler", "alua", unset,
     invalid("alua", "hardware_handler", counted)},
    {"rr_min_io_rq 100", W::defaults, "rr_min_io_rq", "100", "100", ""},
    {"rr_min_io_rq 1", W::defaults, "rr_min_io_rq", "1", "1", ""},
    {"rr_min_io_rq 0", W::defaults, "rr_min_io_rq", "0", unset,
     invalid("0", "rr_min_io_rq", positive)},
    {"rr_min_io_rq -5", W::defaults, "rr_min_io_rq", "-5", unset,
     invalid("-5", "rr_min_io_rq", positive)},
    {"rr_min_io_rq abc", W::defaults, "rr_min_io_rq", "abc", unset,
     invalid("abc", "rr_min_io_rq", positive)},
    {"skip_kpartx yes", W::defaults, "skip_kpartx", "yes", "yes", ""},
    {"skip_kpartx no", W::defaults, "skip_kpartx", "no", "no", ""},
    {"skip_kpartx sometimes", W::defaults, "skip_kpartx", "sometimes", unset,
     invalid("sometimes", "skip_kpartx", yes_no)},
    {"fm off", W::defaults, "find_multipaths", "off", "off", ""},
    {"fm no", W::defaults, "find_multipaths", "no", "off", ""},
    {"fm 0", W::defaults, "find_multipaths", "0", "off", ""},
    {"fm on", W::defaults, "find_multipaths", "on", "on", ""},
    {"fm yes", W::defaults, "find_multipaths", "yes", "on", ""},
    {"fm 1", W::defaults, "find_multipaths", "1", "on", ""},
    {"fm strict", W::defaults, "find_multipaths", "strict", "strict", ""},
    {"fm greedy", W::defaults, "find_multipaths", "greedy", "greedy", ""},
    {"fm smart", W::defaults, "find_multipaths", "smart", "smart", ""},
    {"fm always", W::defaults, "find_multipaths", "always", unset,
     invalid("always", "find_multipaths", fm)},
    {"fmt -10", W::defaults, "find_multipaths_timeout", "-10", "-10", ""},
    {"fmt 30", W::defaults, "find_multipaths_timeout", "30", "30", ""},
    {"fmt 3600", W::defaults, "find_multipaths_timeout", "3600", "3600", ""},
    {"fmt -3600", W::defaults, "find_multipaths_timeout", "-3600", "-3600", ""},
    {"fmt 3601", W::defaults, "find_multipaths_timeout", "3601", unset,
     invalid("3601", "find_multipaths_timeout", seconds)},
    {"fmt -3601", W::defaults, "find_multipaths_timeout", "-3601", unset,
     invalid("-3601", "find_multipaths_timeout", seconds)},
    {"fmt 10s", W::defaults, "find_multipaths_timeout", "10s", unset,
     invalid("10s", "find_multipaths_timeout", seconds)},
    {"uid_attrs two records", W::defaults, "uid_attrs", "\"sd:ID_SERIAL nvme:ID_WWN\"",
     "sd:ID_SERIAL nvme:ID_WWN", ""},
    {"uid_attrs no colon", W::defaults, "uid_attrs", "sd", unset,
     invalid("sd", "uid_attrs", "expected \"prefix:ATTRIBUTE ...\", got record \"sd\"")},
    {"uid_attrs empty prefix", W::defaults, "uid_attrs", "\"sd:ID_SERIAL :X\"", unset,
     invalid("sd:ID_SERIAL :X", "uid_attrs",
             "expected \"prefix:ATTRIBUTE ...\", got record \":X\"")},
    {"uid_attrs empty attribute", W::defaults, "uid_attrs", "\"nvme:\"", unset,
     invalid("nvme:", "uid_attrs", "expected \"prefix:ATTRIBUTE ...\", got record \"nvme:\"")},

    // device entries: map options are taken, defaults-only ones refused
    {"device npr", W::device, "no_path_retry", "5", "5", ""},
    {"device ufn", W::device, "user_friendly_names", "yes", "yes", ""},
    {"device alias_prefix", W::device, "alias_prefix", "acme", "acme", ""},
    {"device uid_attribute", W::device, "uid_attribute", "ID_ACME", "ID_ACME", ""},
    {"device pgp", W::device, "path_grouping_policy", "multibus", "multibus", ""},
    {"device selector", W::device, "path_selector", "\"round-robin 0\"", "round-robin 0", ""},
    {"device features", W::device, "features", "\"1 queue_if_no_path\"", "1 queue_if_no_path",
     ""},
    {"device hwhandler", W::device, "hardware_handler", "\"1 emc\"", "1 emc", ""},
    {"device rr_min_io_rq", W::device, "rr_min_io_rq", "4", "4", ""},
    {"device skip_kpartx", W::device, "skip_kpartx", "yes", "yes", ""},
    {"device bad value", W::device, "no_path_retry", "never", unset,
     invalid("never", "no_path_retry", npr)},
    {"device find_multipaths", W::device, "find_multipaths", "yes", unset,
     not_valid("find_multipaths", W::device)},
    {"device find_multipaths_timeout", W::device, "find_multipaths_timeout", "5", unset,
     not_valid("find_multipaths_timeout", W::device)},
    {"device uid_attrs", W::device, "uid_attrs", "sd:X", unset, not_valid("uid_attrs", W::device)},

    // overrides
    {"overrides npr", W::overrides, "no_path_retry", "queue", "queue", ""},
    {"overrides uid_attribute", W::overrides, "uid_attribute", "ID_X", "ID_X", ""},
    {"overrides alias_prefix", W::overrides, "alias_prefix", "ov", "ov", ""},
    {"overrides skip_kpartx", W::overrides, "skip_kpartx", "no", "no", ""},
    {"overrides bad value", W::overrides, "rr_min_io_rq", "0", unset,
     invalid("0", "rr_min_io_rq", positive)},
    {"overrides hardware_handler", W::overrides, "hardware_handler", "\"1 alua\"", unset,
     not_valid("hardware_handler", W::overrides)},
    {"overrides find_multipaths", W::overrides, "find_multipaths", "greedy", unset,
     not_valid("find_multipaths", W::overrides)},
    {"overrides uid_attrs", W::overrides, "uid_attrs", "sd:X", unset,
     not_valid("uid_attrs", W::overrides)},

    // multipath entries
    {"multipath npr", W::multipath, "no_path_retry", "7", "7", ""},
    {"multipath ufn", W::multipath, "user_friendly_names", "no", "no", ""},
    {"multipath features", W::multipath, "features", "\"1 queue_if_no_path\"",
     "1 queue_if_no_path", ""},
    {"multipath pgp", W::multipath, "path_grouping_policy", "multibus", "multibus", ""},
    {"multipath selector", W::multipath, "path_selector", "\"service-time 0\"", "service-time 0",
     ""},
    {"multipath rr_min_io_rq", W::multipath, "rr_min_io_rq", "2", "2", ""},
    {"multipath skip_kpartx", W::multipath, "skip_kpartx", "yes", "yes", ""},
    {"multipath bad value", W::multipath, "skip_kpartx", "maybe", unset,
     invalid("maybe", "skip_kpartx", yes_no)},
    {"multipath hardware_handler", W::multipath, "hardware_handler", "\"1 emc\"", unset,
     not_valid("hardware_handler", W::multipath)},
    {"multipath alias_prefix", W::multipath, "alias_prefix", "mp", unset,
     not_valid("alias_prefix", W::multipath)},
    {"multipath uid_attribute", W::multipath, "uid_attribute", "ID_X", unset,
     not_valid("uid_attribute", W::multipath)},
    {"multipath find_multipaths", W::multipath, "find_multipaths", "on", unset,
     not_valid("find_multipaths", W::multipath)},
    {"multipath find_multipaths_timeout", W::multipath, "find_multipaths_timeout", "5", unset,
     not_valid("find_multipaths_timeout", W::multipath)},
};

const mpb::MapOptions* options_in(const Config& c, Where w)
{
    switch (w) {
    case Where::defaults: return &c.defaults;
    case Where::overrides: return &c.overrides;
    case Where::device: return c.devices.size() == 1 ? &c.devices[0].options : nullptr;
    case Where::multipath: return c.multipaths.size() == 1 ? &c.multipaths[0].options : nullptr;
    }
    return nullptr;
}

// ----- diagnostics of whole files -----------------------------------------

struct DiagCase {
    const char* name;
    std::string text;
    std::vector<std::string> diagnostics;
    std::size_t devices = 0;     // user device entries kept
    std::size_t multipaths = 0;  // multipaths entries kept
    std::size_t filters = 0;     // user blacklist and exception rules kept
};

std::ostream& operator<<(std::ostream& os, const DiagCase& c) { return os << c.name; }

const std::string device_ab = "devices {\n device {\n  vendor A\n  product B\n";

const DiagCase diag_cases[] = {
    {"unknown keyword in defaults", "defaults {\n\tbogus 1\n}\n",
     {warning(2, "unknown keyword \"bogus\" in section \"defaults\"; ignored")}},
    {"unknown keyword in overrides", "overrides {\n\tbogus\n}\n",
     {warning(2, "unknown keyword \"bogus\" in section \"overrides\"; ignored")}},
    {"unknown keyword in device", device_ab + "  bogus 1\n }\n}\n",
     {warning(5, "unknown keyword \"bogus\" in section \"device\"; ignored")}, 1},
    {"unknown keyword in multipath", "multipaths {\n multipath {\n  wwid 3600a\n  bogus 1\n }\n}\n",
     {warning(4, "unknown keyword \"bogus\" in section \"multipath\"; ignored")}, 0, 1},
    {"control character in a keyword shown escaped", "defaults {\n\tbo\x01gus 1\n}\n",
     {warning(2, "unknown keyword \"bo\\x01gus\" in section \"defaults\"; ignored")}},
    {"unknown section, contents not examined", "\nfoo {\n  bar 1\n  baz {\n  }\n}\n",
     {warning(2, "unknown section \"foo\"; ignored")}},
    {"keyword outside any section", "user_friendly_names yes\n",
     {warning(1, "unknown keyword \"user_friendly_names\" outside any section; ignored")}},
    {"section keyword without braces", "defaults\n",
     {warning(1, "unknown keyword \"defaults\" outside any section; ignored")}},
    {"unknown subsection in defaults", "defaults {\n sub {\n }\n}\n",
     {warning(2, "unknown keyword \"sub\" in section \"defaults\"; ignored")}},
    {"option keyword used as a section", "defaults {\n no_path_retry {\n }\n}\n",
     {warning(2, "unknown keyword \"no_path_retry\" in section \"defaults\"; ignored")}},
    {"unused multipath-tools keyword used as a section", "defaults {\n path_checker {\n }\n}\n",
     {warning(2, "unknown keyword \"path_checker\" in section \"defaults\"; ignored")}},
    {"vendor in defaults", "defaults {\n vendor X\n}\n",
     {warning(2, "unknown keyword \"vendor\" in section \"defaults\"; ignored")}},
    {"wwid in overrides", "overrides {\n wwid 3600a\n}\n",
     {warning(2, "unknown keyword \"wwid\" in section \"overrides\"; ignored")}},
    {"alias in a device entry", device_ab + "  alias foo\n }\n}\n",
     {warning(5, "unknown keyword \"alias\" in section \"device\"; ignored")}, 1},
    {"option directly in devices", "devices {\n find_multipaths yes\n}\n",
     {warning(2, "unknown keyword \"find_multipaths\" in section \"devices\" (expected device { "
                 "... }); ignored")}},
    {"wrong subsection in devices", "devices {\n multipath {\n }\n}\n",
     {warning(2, "unknown keyword \"multipath\" in section \"devices\" (expected device { ... "
                 "}); ignored")}},
    {"wwid directly in multipaths", "multipaths {\n wwid 3600a\n}\n",
     {warning(2, "unknown keyword \"wwid\" in section \"multipaths\" (expected multipath { ... "
                 "}); ignored")}},
    {"silently accepted multipath-tools keywords",
     "defaults {\n"
     "\tpolling_interval 5\n"
     "\tpath_checker tur\n"
     "\tprio alua\n"
     "\tfailback immediate\n"
     "\tverbosity 2\n"
     "\tmax_fds max\n"
     "\tdev_loss_tmo infinity\n"
     "\tfast_io_fail_tmo 5\n"
     "\tflush_on_last_del yes\n"
     "\tbindings_file /etc/multipath/bindings\n"
     "\trr_weight uniform\n"
     "\tretain_attached_hw_handler yes\n"
     "\tdetect_prio yes\n"
     "\tdetect_checker\n"
     "}\n"
     "overrides {\n"
     "\tpath_checker tur\n"
     "\tdev_loss_tmo 600\n"
     "}\n"
     "devices {\n"
     "\tdevice {\n"
     "\t\tvendor A\n"
     "\t\tproduct B\n"
     "\t\trevision 1\n"
     "\t\tproduct_blacklist C\n"
     "\t\tpath_checker rdac\n"
     "\t\tprio \"alua\"\n"
     "\t\tprio_args \"exclusive_pref_bit\"\n"
     "\t\tfailback 30\n"
     "\t}\n"
     "}\n"
     "multipaths {\n"
     "\tmultipath {\n"
     "\t\twwid 3600a\n"
     "\t\tfailback manual\n"
     "\t\trr_weight priorities\n"
     "\t\treservation_key file\n"
     "\t}\n"
     "}\n",
     {}, 1, 1, 1},  // the filter: product_blacklist C
    {"unknown keyword in blacklist", "blacklist {\n bogus x\n}\n",
     {warning(2, "unknown keyword \"bogus\" in section \"blacklist\"; ignored")}},
    {"unknown keyword in blacklist_exceptions", "blacklist_exceptions {\n alias x\n}\n",
     {warning(2, "unknown keyword \"alias\" in section \"blacklist_exceptions\"; ignored")}},
    {"devnode used as a section in blacklist", "blacklist {\n devnode {\n }\n}\n",
     {warning(2, "unknown keyword \"devnode\" in section \"blacklist\"; ignored")}},
    {"unknown keyword in a blacklist device entry",
     "blacklist {\n device {\n  vendor V\n  revision 1\n }\n}\n",
     {warning(4, "unknown keyword \"revision\" in a blacklist device entry; ignored")}, 0, 0, 1},
    {"blacklist regex without value", "blacklist {\n devnode\n}\n",
     {warning(2, "missing value for \"devnode\"; ignored")}},
    {"invalid regex in blacklist devnode", "blacklist {\n devnode \"(\"\n wwid \"[a\"\n}\n",
     {warning(2, "invalid regular expression \"(\": Unmatched ( or \\(; ignored"),
      warning(3, "invalid regular expression \"[a\": Unmatched [, [^, [:, [., or [=; ignored")}},
    {"invalid regex in exceptions property, good one kept",
     "blacklist_exceptions {\n property \"*ID\"\n property ID_WWN\n}\n",
     {warning(2, "invalid regular expression \"*ID\": Invalid preceding regular expression; "
                 "ignored")},
     0, 0, 1},
    {"blacklist device with an invalid vendor is dropped",
     "blacklist {\n device {\n  vendor \"(\"\n  product X\n }\n}\n",
     {warning(3, "invalid regular expression \"(\": Unmatched ( or \\(; ignored"),
      warning(2, "blacklist device entry with an invalid vendor or product; ignored")}},
    {"blacklist device with an invalid product is dropped",
     "blacklist_exceptions {\n device {\n  vendor X\n  product \"a{1\"\n }\n}\n",
     {warning(4, "invalid regular expression \"a{1\": Unmatched \\{; ignored"),
      warning(2, "blacklist device entry with an invalid vendor or product; ignored")}},
    {"blacklist device without vendor or product", "blacklist {\n device {\n }\n}\n",
     {warning(2, "blacklist device entry without vendor or product; ignored")}},
    {"device entry without product", "devices {\n device {\n  vendor A\n  no_path_retry 5\n }\n}\n",
     {warning(2, "device entry without a valid vendor and product; ignored")}},
    {"device entry without vendor", "devices {\n device {\n  product B\n }\n}\n",
     {warning(2, "device entry without a valid vendor and product; ignored")}},
    {"device entry with an invalid vendor", "devices {\n device {\n  vendor \"(\"\n  product B\n }\n}\n",
     {warning(3, "invalid regular expression \"(\": Unmatched ( or \\(; ignored"),
      warning(2, "device entry without a valid vendor and product; ignored")}},
    {"device entry vendor without value", "devices {\n device {\n  vendor\n  product B\n }\n}\n",
     {warning(3, "missing value for \"vendor\"; ignored"),
      warning(2, "device entry without a valid vendor and product; ignored")}},
    {"multipath entry without wwid", "multipaths {\n multipath {\n  alias a\n }\n}\n",
     {warning(2, "multipath entry without a wwid; ignored")}},
    {"multipath wwid without value", "multipaths {\n multipath {\n  wwid\n }\n}\n",
     {warning(3, "missing value for \"wwid\"; ignored"),
      warning(2, "multipath entry without a wwid; ignored")}},
    {"multipath empty wwid", "multipaths {\n multipath {\n  wwid \"\"\n }\n}\n",
     {warning(2, "multipath entry without a wwid; ignored")}},
    {"invalid alias, entry kept", "multipaths {\n multipath {\n  wwid 3600a\n  alias \"a/b\"\n }\n}\n",
     {warning(4, "invalid alias \"a/b\": contains '/'; ignored")}, 0, 1},
    {"invalid alias with a quote, shown escaped",
     "multipaths {\n multipath {\n  wwid 3600a\n  alias \"x\"\"/\"\n }\n}\n",
     {warning(4, "invalid alias \"x\\\"/\": contains '/'; ignored")}, 0, 1},
    {"alias dot dot", "multipaths {\n multipath {\n  wwid 3600a\n  alias \"..\"\n }\n}\n",
     {warning(4, "invalid alias \"..\": \"..\" is not a valid name; ignored")}, 0, 1},
    {"alias without value, entry kept", "multipaths {\n multipath {\n  wwid 3600a\n  alias\n }\n}\n",
     {warning(4, "missing value for \"alias\"; ignored")}, 0, 1},
    {"syntax warning kept with the rest", "defaults {\n  no_path_retry 5 6\n  bogus 1\n}\n",
     {warning(2, "text after the value of \"no_path_retry\" ignored (quote values that contain "
                 "spaces)"),
      warning(3, "unknown keyword \"bogus\" in section \"defaults\"; ignored")}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_DATA_TEST_CASE(keyword_values, bdata::make(value_cases), c)
{
    std::string entry = c.written.empty() ? c.keyword : c.keyword + " " + c.written;
    auto p = place(c.where, entry);
    auto cfg = load(p.text);
    std::vector<std::string> expected;
    if (!c.warning.empty())
        expected.push_back(warning(p.line, c.warning));
    BOOST_TEST(texts(cfg.diagnostics) == expected, boost::test_tools::per_element());
    BOOST_TEST(!cfg.fell_back);
    const auto* m = options_in(cfg, c.where);
    BOOST_TEST_REQUIRE(m != nullptr);
    BOOST_TEST(option(*m, cfg.global, c.keyword) == c.expected);
    if (c.expected != unset)
        BOOST_TEST(option(*m, cfg.global, c.keyword, true) == p.origin);
    // Nothing else was set anywhere.
    for (const char* k : map_keywords)
        if (k != c.keyword)
            BOOST_TEST(option(*m, {}, k) == unset, k);
    if (c.where != Where::defaults)
        BOOST_TEST(all_unset(cfg.defaults));
    if (c.where != Where::overrides)
        BOOST_TEST(all_unset(cfg.overrides));
    bool global_set = c.where == Where::defaults && c.expected != unset &&
                      std::find(std::begin(global_keywords), std::end(global_keywords),
                                c.keyword) != std::end(global_keywords);
    if (!global_set)
        BOOST_TEST(all_unset(cfg.global));
}

BOOST_DATA_TEST_CASE(diagnostics, bdata::make(diag_cases), c)
{
    auto cfg = load(c.text);
    BOOST_TEST(texts(cfg.diagnostics) == c.diagnostics, boost::test_tools::per_element());
    BOOST_TEST(!cfg.fell_back);
    BOOST_TEST(!mpb::has_error(cfg.diagnostics));
    BOOST_TEST(cfg.devices.size() == c.devices);
    BOOST_TEST(cfg.multipaths.size() == c.multipaths);
    BOOST_TEST(user_filter_rules(cfg) == c.filters);
}

// An ignored value leaves the earlier good value in place.
BOOST_AUTO_TEST_CASE(bad_value_keeps_earlier_value)
{
    auto cfg = load("defaults {\n no_path_retry 5\n no_path_retry never\n}\n");
    BOOST_TEST(show(cfg.defaults.no_path_retry) == "5");
    BOOST_TEST(origin_of(cfg.defaults.no_path_retry) == "defaults section, " + main_file + ":2");
    BOOST_TEST(texts(cfg.diagnostics) ==
                   std::vector<std::string>{warning(3, invalid("never", "no_path_retry", npr))},
               boost::test_tools::per_element());
}

// Main file first, then conf.d files in the given order; a later value wins,
// and values not set later stay.
BOOST_AUTO_TEST_CASE(confd_later_wins)
{
    auto cfg = mpb::load_config({
        {main_file, "defaults {\n\tno_path_retry 5\n\tuser_friendly_names yes\n}\n"
                    "overrides {\n\tfeatures \"1 queue_if_no_path\"\n}\n"},
        {confd_a, "defaults {\n\tno_path_retry queue\n\tfind_multipaths greedy\n}\n"},
        {confd_b, "# later\ndefaults {\n\tno_path_retry 7\n}\n"
                  "overrides {\n\tfeatures 0\n}\ndefaults {\n\tfind_multipaths smart\n}\n"},
    });
    BOOST_TEST(cfg.diagnostics.empty());
    BOOST_TEST(show(cfg.defaults.no_path_retry) == "7");
    BOOST_TEST(origin_of(cfg.defaults.no_path_retry) == "defaults section, " + confd_b + ":3");
    BOOST_TEST(show(cfg.defaults.user_friendly_names) == "yes");
    BOOST_TEST(origin_of(cfg.defaults.user_friendly_names) ==
               "defaults section, " + main_file + ":3");
    BOOST_TEST(show(cfg.global.find_multipaths) == "smart");
    BOOST_TEST(origin_of(cfg.global.find_multipaths) == "defaults section, " + confd_b + ":9");
    BOOST_TEST(show(cfg.overrides.features) == "0");
    BOOST_TEST(origin_of(cfg.overrides.features) == "overrides section, " + confd_b + ":6");
}

// Warnings name the file they come from.
BOOST_AUTO_TEST_CASE(confd_warnings_name_their_file)
{
    auto cfg = mpb::load_config({
        {main_file, "defaults {\n\tbogus 1\n}\n"},
        {confd_a, "\n\ndefaults {\n\tno_path_retry x\n}\n"},
    });
    std::vector<std::string> expected = {
        warning(main_file, 2, "unknown keyword \"bogus\" in section \"defaults\"; ignored"),
        warning(confd_a, 4, invalid("x", "no_path_retry", npr)),
    };
    BOOST_TEST(texts(cfg.diagnostics) == expected, boost::test_tools::per_element());
}

// Device entries are kept in reading order, across files.
BOOST_AUTO_TEST_CASE(device_entries_in_reading_order)
{
    auto cfg = mpb::load_config({
        {main_file, "devices {\n device {\n  vendor A\n  product B\n }\n"
                    " device {\n  vendor C\n  product D\n  no_path_retry 3\n }\n}\n"},
        {confd_a, "devices {\n device {\n  vendor \"^E$\"\n  product \".*\"\n }\n}\n"},
    });
    BOOST_TEST(cfg.diagnostics.empty());
    BOOST_TEST_REQUIRE(cfg.devices.size() == 3u);
    BOOST_TEST(cfg.devices[0].vendor.pattern() == "A");
    BOOST_TEST(cfg.devices[0].product.pattern() == "B");
    BOOST_TEST(cfg.devices[0].origin.describe() == "devices section, " + main_file + ":2");
    BOOST_TEST(cfg.devices[1].vendor.pattern() == "C");
    BOOST_TEST(cfg.devices[1].origin.describe() == "devices section, " + main_file + ":6");
    BOOST_TEST(show(cfg.devices[1].options.no_path_retry) == "3");
    BOOST_TEST(cfg.devices[2].vendor.pattern() == "^E$");
    BOOST_TEST(cfg.devices[2].origin.describe() == "devices section, " + confd_a + ":2");
    BOOST_TEST(cfg.devices[2].vendor.matches("E"));
    BOOST_TEST(!cfg.devices[2].vendor.matches("EE"));
    // User entries do not go into the built-in table.
    BOOST_TEST(cfg.builtin_devices.size() == mpb::builtin_config().builtin_devices.size());
}

// multipaths entries with one WWID merge, later values winning, in one file
// and across files; other WWIDs stay separate.
BOOST_AUTO_TEST_CASE(multipaths_merge_by_wwid)
{
    auto cfg = mpb::load_config({
        {main_file,
         "multipaths {\n"
         "\tmultipath {\n"            // 2
         "\t\twwid 3600a\n"
         "\t\talias data\n"           // 4
         "\t\tno_path_retry 5\n"      // 5
         "\t\tskip_kpartx yes\n"      // 6
         "\t}\n"
         "\tmultipath {\n"            // 8
         "\t\twwid 3600b\n"
         "\t\talias logs\n"           // 10
         "\t}\n"
         "\tmultipath {\n"            // 12
         "\t\twwid 3600a\n"
         "\t\tskip_kpartx no\n"       // 14
         "\t}\n"
         "}\n"},
        {confd_a,
         "multipaths {\n"
         "\tmultipath {\n"
         "\t\twwid 3600a\n"
         "\t\talias db\n"             // 4
         "\t\tfeatures \"1 queue_if_no_path\"\n"  // 5
         "\t}\n"
         "\tmultipath {\n"
         "\t\twwid 3600c\n"
         "\t\talias \"bad/name\"\n"   // 9
         "\t}\n"
         "}\n"},
    });
    BOOST_TEST(texts(cfg.diagnostics) ==
                   std::vector<std::string>{warning(
                       confd_a, 9, "invalid alias \"bad/name\": contains '/'; ignored")},
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(cfg.multipaths.size() == 3u);
    const auto* a = cfg.find_multipath("3600a");
    const auto* b = cfg.find_multipath("3600b");
    const auto* c = cfg.find_multipath("3600c");
    BOOST_TEST_REQUIRE(a != nullptr);
    BOOST_TEST_REQUIRE(b != nullptr);
    BOOST_TEST_REQUIRE(c != nullptr);
    BOOST_TEST(cfg.find_multipath("3600d") == nullptr);
    BOOST_TEST(cfg.find_multipath("3600") == nullptr);  // whole WWID only

    BOOST_TEST(show(a->alias) == "db");
    BOOST_TEST(origin_of(a->alias) == "multipaths section, " + confd_a + ":4");
    BOOST_TEST(show(a->options.no_path_retry) == "5");
    BOOST_TEST(origin_of(a->options.no_path_retry) == "multipaths section, " + main_file + ":5");
    BOOST_TEST(show(a->options.skip_kpartx) == "no");
    BOOST_TEST(origin_of(a->options.skip_kpartx) == "multipaths section, " + main_file + ":14");
    BOOST_TEST(show(a->options.features) == "1 queue_if_no_path");
    BOOST_TEST(origin_of(a->options.features) == "multipaths section, " + confd_a + ":5");
    BOOST_TEST(show(a->options.rr_min_io_rq) == unset);

    BOOST_TEST(show(b->alias) == "logs");
    BOOST_TEST(origin_of(b->alias) == "multipaths section, " + main_file + ":10");
    BOOST_TEST(all_unset(b->options));

    BOOST_TEST(show(c->alias) == unset);  // invalid alias ignored, entry kept
}

// A later entry for the WWID without an alias keeps the earlier alias; a
// later invalid alias does too.
BOOST_AUTO_TEST_CASE(multipaths_merge_keeps_alias)
{
    auto cfg = load("multipaths {\n"
                    " multipath {\n  wwid W\n  alias first\n }\n"
                    " multipath {\n  wwid W\n  no_path_retry queue\n }\n"
                    " multipath {\n  wwid W\n  alias \"\"\n }\n"
                    "}\n");
    BOOST_TEST_REQUIRE(cfg.multipaths.size() == 1u);
    BOOST_TEST(show(cfg.multipaths[0].alias) == "first");
    BOOST_TEST(origin_of(cfg.multipaths[0].alias) == "multipaths section, " + main_file + ":4");
    BOOST_TEST(show(cfg.multipaths[0].options.no_path_retry) == "queue");
    BOOST_TEST(texts(cfg.diagnostics) ==
                   std::vector<std::string>{warning(12, "invalid alias \"\": empty name; ignored")},
               boost::test_tools::per_element());
}

// Each list, in order, built-in rules first; origins name file and line.
BOOST_AUTO_TEST_CASE(blacklist_and_exceptions_with_origins)
{
    auto cfg = mpb::load_config({
        {main_file,
         "blacklist {\n"
         "\tdevnode \"^loop\"\n"          // 2
         "\twwid 3600a\n"                 // 3
         "\tproperty \"ID_FOO\"\n"        // 4
         "\tprotocol \"scsi:fcp\"\n"      // 5
         "\tdevice {\n"                   // 6
         "\t\tvendor ACME\n"
         "\t\tproduct \"^X\"\n"
         "\t}\n"
         "\tdevice {\n"                   // 10
         "\t\tvendor ONLY\n"
         "\t}\n"
         "\tdevice {\n"                   // 13
         "\t\tproduct PONLY\n"
         "\t}\n"
         "}\n"
         "blacklist_exceptions {\n"       // 17
         "\twwid \"3600b\"\n"             // 18
         "\tproperty \"(ID_WWN|SCSI_IDENT_)\"\n"  // 19
         "}\n"},
        {confd_a, "blacklist {\n\tdevnode \"^sr\"\n}\n"},
    });
    BOOST_TEST(cfg.diagnostics.empty());
    const auto& bl = cfg.blacklist;
    // The files' rules first, then the built-in ones, as multipath-tools
    // adds them after reading the files.
    BOOST_TEST_REQUIRE(bl.devnode.size() == 3u);
    BOOST_TEST(bl.devnode[0].re.pattern() == "^loop");
    BOOST_TEST(bl.devnode[0].origin.describe() == "blacklist section, " + main_file + ":2");
    BOOST_TEST(bl.devnode[1].re.pattern() == "^sr");
    BOOST_TEST(bl.devnode[1].origin.describe() == "blacklist section, " + confd_a + ":2");
    BOOST_TEST(bl.devnode[2].re.pattern() == "!^(sd[a-z]|dasd[a-z]|nvme[0-9])");
    BOOST_TEST(bl.devnode[2].origin.describe() == "built-in blacklist");
    BOOST_TEST_REQUIRE(bl.wwid.size() == 1u);
    BOOST_TEST(bl.wwid[0].re.pattern() == "3600a");
    BOOST_TEST(bl.wwid[0].origin.describe() == "blacklist section, " + main_file + ":3");
    BOOST_TEST_REQUIRE(bl.property.size() == 1u);
    BOOST_TEST(bl.property[0].re.pattern() == "ID_FOO");
    BOOST_TEST(bl.property[0].origin.describe() == "blacklist section, " + main_file + ":4");
    BOOST_TEST_REQUIRE(bl.protocol.size() == 1u);
    BOOST_TEST(bl.protocol[0].re.pattern() == "scsi:fcp");
    BOOST_TEST(bl.protocol[0].origin.describe() == "blacklist section, " + main_file + ":5");
    BOOST_TEST_REQUIRE(bl.device.size() == 3u + 14u);  // and the built-in product_blacklist ones
    BOOST_TEST_REQUIRE(bl.device[0].vendor.has_value());
    BOOST_TEST_REQUIRE(bl.device[0].product.has_value());
    BOOST_TEST(bl.device[0].vendor->pattern() == "ACME");
    BOOST_TEST(bl.device[0].product->pattern() == "^X");
    BOOST_TEST(bl.device[0].origin.describe() == "blacklist section, " + main_file + ":6");
    BOOST_TEST_REQUIRE(bl.device[1].vendor.has_value());
    BOOST_TEST(bl.device[1].vendor->pattern() == "ONLY");
    BOOST_TEST(!bl.device[1].product.has_value());
    BOOST_TEST(bl.device[1].origin.describe() == "blacklist section, " + main_file + ":10");
    BOOST_TEST(!bl.device[2].vendor.has_value());
    BOOST_TEST_REQUIRE(bl.device[2].product.has_value());
    BOOST_TEST(bl.device[2].product->pattern() == "PONLY");

    const auto& ex = cfg.exceptions;
    BOOST_TEST(ex.devnode.empty());
    BOOST_TEST(ex.protocol.empty());
    BOOST_TEST(ex.device.empty());
    BOOST_TEST_REQUIRE(ex.wwid.size() == 1u);
    BOOST_TEST(ex.wwid[0].re.pattern() == "3600b");
    BOOST_TEST(ex.wwid[0].origin.describe() ==
               "blacklist_exceptions section, " + main_file + ":18");
    BOOST_TEST_REQUIRE(ex.property.size() == 2u);
    BOOST_TEST(ex.property[0].re.pattern() == "(ID_WWN|SCSI_IDENT_)");
    BOOST_TEST(ex.property[0].origin.describe() ==
               "blacklist_exceptions section, " + main_file + ":19");
    BOOST_TEST(ex.property[1].re.pattern() == "(SCSI_IDENT_|ID_WWN)");
    BOOST_TEST(ex.property[1].origin.describe() == "built-in blacklist_exceptions");
}

// A syntax error in the second file: the error (and only the syntax
// diagnostics) reported, the whole configuration is the built-in one.
BOOST_AUTO_TEST_CASE(fallback_on_syntax_error_in_second_file)
{
    auto cfg = mpb::load_config({
        {main_file,
         "defaults {\n"
         "    user_friendly_names yes please\n"
         "    find_multipaths greedy\n"
         "}\n"
         "blacklist {\n"
         "    devnode \"^loop\"\n"
         "}\n"
         "devices {\n device {\n  vendor A\n  product B\n }\n}\n"},
        {confd_a,
         "multipaths {\n"
         "    multipath {\n"
         "        wwid \"3600a\n"
         "    }\n"
         "}\n"},
        {confd_b, "overrides {\n    no_path_retry queue\n}\n"},
    });
    BOOST_TEST(cfg.fell_back);
    std::vector<std::string> expected = {
        warning(2, "text after the value of \"user_friendly_names\" ignored (quote values that "
                   "contain spaces)"),
        confd_a + ":3:14: error: unterminated quoted string; using built-in defaults",
    };
    BOOST_TEST(texts(cfg.diagnostics) == expected, boost::test_tools::per_element());
    BOOST_TEST(mpb::has_error(cfg.diagnostics));
    BOOST_TEST(all_unset(cfg.defaults));
    BOOST_TEST(all_unset(cfg.overrides));
    BOOST_TEST(all_unset(cfg.global));
    BOOST_TEST(cfg.devices.empty());
    BOOST_TEST(cfg.multipaths.empty());
    BOOST_TEST_REQUIRE(cfg.blacklist.devnode.size() == 1u);
    BOOST_TEST(cfg.blacklist.devnode[0].re.pattern() == "!^(sd[a-z]|dasd[a-z]|nvme[0-9])");
    BOOST_TEST(cfg.blacklist.wwid.empty());
    BOOST_TEST(cfg.blacklist.device.size() == 14u);  // the built-in product_blacklist ones
    BOOST_TEST_REQUIRE(cfg.exceptions.property.size() == 1u);
    BOOST_TEST(cfg.exceptions.property[0].re.pattern() == "(SCSI_IDENT_|ID_WWN)");
    BOOST_TEST(cfg.builtin_devices.size() == mpb::builtin_rows().size());
}

// Every file's syntax error is reported, each with the fallback note.
BOOST_AUTO_TEST_CASE(fallback_reports_every_broken_file)
{
    auto cfg = mpb::load_config({
        {main_file, "defaults {\n"},
        {confd_a, "defaults {\n}\n"},
        {confd_b, "\n  }\n"},
    });
    BOOST_TEST(cfg.fell_back);
    std::vector<std::string> expected = {
        main_file + ":1:1: error: section \"defaults\" is never closed; using built-in defaults",
        confd_b + ":2:3: error: '}' without an open section; using built-in defaults",
    };
    BOOST_TEST(texts(cfg.diagnostics) == expected, boost::test_tools::per_element());
    BOOST_TEST(all_unset(cfg.defaults));
}

BOOST_AUTO_TEST_CASE(no_files_is_builtin)
{
    auto cfg = mpb::load_config({});
    BOOST_TEST(!cfg.fell_back);
    BOOST_TEST(cfg.diagnostics.empty());
    BOOST_TEST(all_unset(cfg.defaults));
    BOOST_TEST(cfg.blacklist.devnode.size() == 1u);
    BOOST_TEST(cfg.builtin_devices.size() == mpb::builtin_config().builtin_devices.size());
}

BOOST_AUTO_TEST_CASE(builtin_config_contents)
{
    auto cfg = mpb::builtin_config();
    BOOST_TEST(!cfg.fell_back);
    BOOST_TEST(cfg.diagnostics.empty());
    BOOST_TEST(all_unset(cfg.defaults));
    BOOST_TEST(all_unset(cfg.overrides));
    BOOST_TEST(all_unset(cfg.global));
    BOOST_TEST(cfg.devices.empty());
    BOOST_TEST(cfg.multipaths.empty());

    BOOST_TEST_REQUIRE(cfg.blacklist.devnode.size() == 1u);
    const auto& dn = cfg.blacklist.devnode[0];
    BOOST_TEST(dn.origin.describe() == "built-in blacklist");
    for (const char* ok : {"sda", "sdz", "sdaa", "dasda", "nvme0n1", "nvme10n2"})
        BOOST_TEST(!dn.re.matches(ok), ok << " must not be blacklisted");
    for (const char* bad : {"loop0", "sr0", "dm-0", "md0", "ram1", "xvda", "vda", "nvme", "sd"})
        BOOST_TEST(dn.re.matches(bad), bad << " must be blacklisted");
    BOOST_TEST(cfg.blacklist.wwid.empty());
    BOOST_TEST(cfg.blacklist.property.empty());
    BOOST_TEST(cfg.blacklist.protocol.empty());
    // The product_blacklist of the built-in entries (hwtable_test has them all).
    BOOST_TEST_REQUIRE(cfg.blacklist.device.size() == 14u);
    for (const auto& r : cfg.blacklist.device)
        BOOST_TEST(r.from_product_blacklist);

    BOOST_TEST_REQUIRE(cfg.exceptions.property.size() == 1u);
    const auto& pr = cfg.exceptions.property[0];
    BOOST_TEST(pr.origin.describe() == "built-in blacklist_exceptions");
    BOOST_TEST(pr.re.matches("ID_WWN"));
    BOOST_TEST(pr.re.matches("SCSI_IDENT_LUN_NAA_REG"));
    BOOST_TEST(!pr.re.matches("ID_SERIAL"));
    BOOST_TEST(cfg.exceptions.devnode.empty());
    BOOST_TEST(cfg.exceptions.wwid.empty());

    // The built-in device table: every entry in effect, with its origin; a
    // few known entries checked value by value.
    BOOST_TEST_REQUIRE(cfg.builtin_devices.size() == mpb::builtin_rows().size());
    const mpb::DeviceEntry* nvme = nullptr;
    const mpb::DeviceEntry* s390 = nullptr;
    for (std::size_t i = 0; i < cfg.builtin_devices.size(); ++i) {
        BOOST_TEST(cfg.builtin_devices.in_effect(i));
        const auto& d = cfg.builtin_devices.entry(i);
        BOOST_TEST((d.origin.kind == mpb::Origin::builtin_device));
        BOOST_TEST(d.origin.describe() == "built-in device table (" + d.vendor.pattern() + "/" +
                                              d.product.pattern() + ")");
        if (d.origin.detail == "NVM[eE]/.*")
            nvme = &d;
        if (d.origin.detail == "IBM/S/390 DASD ECKD")
            s390 = &d;
    }
    BOOST_TEST_REQUIRE(nvme != nullptr);
    BOOST_TEST(show(nvme->options.uid_attribute) == "ID_WWN");
    BOOST_TEST(origin_of(nvme->options.uid_attribute) == "built-in device table (NVM[eE]/.*)");
    BOOST_TEST(nvme->vendor.matches("NVME"));
    BOOST_TEST(nvme->product.matches("SAMSUNG MZ"));
    BOOST_TEST_REQUIRE(s390 != nullptr);
    BOOST_TEST(show(s390->options.uid_attribute) == "ID_UID");
    BOOST_TEST(show(s390->options.path_grouping_policy) == "multibus");
    BOOST_TEST(show(s390->options.no_path_retry) == "queue");
    BOOST_TEST(origin_of(s390->options.no_path_retry) == "built-in device table (IBM/S/390 DASD ECKD)");
    BOOST_TEST(s390->product.matches("S/390 DASD ECKD"));
    BOOST_TEST(!s390->vendor.matches("ibm"));
}

BOOST_AUTO_TEST_CASE(origin_describe)
{
    using O = mpb::Origin;
    BOOST_TEST((O{O::builtin, {}, 0, {}}.describe() == "built-in default"));
    BOOST_TEST((O{O::builtin, {}, 0, "blacklist"}.describe() == "built-in blacklist"));
    BOOST_TEST((O{O::builtin_device, {}, 0, "EMC/SYMMETRIX"}.describe() ==
                "built-in device table (EMC/SYMMETRIX)"));
    BOOST_TEST((O{O::defaults, "/f", 4, {}}.describe() == "defaults section, /f:4"));
    BOOST_TEST((O{O::devices, "/f", 5, {}}.describe() == "devices section, /f:5"));
    BOOST_TEST((O{O::overrides, "/f", 6, {}}.describe() == "overrides section, /f:6"));
    BOOST_TEST((O{O::multipaths, "/f", 7, {}}.describe() == "multipaths section, /f:7"));
    BOOST_TEST((O{O::blacklist, "/f", 8, {}}.describe() == "blacklist section, /f:8"));
    BOOST_TEST((O{O::blacklist_exceptions, "/f", 9, {}}.describe() ==
                "blacklist_exceptions section, /f:9"));
}

BOOST_AUTO_TEST_CASE(to_string_names)
{
    BOOST_TEST(std::string(mpb::to_string(mpb::FindMultipaths::off)) == "off");
    BOOST_TEST(std::string(mpb::to_string(mpb::FindMultipaths::on)) == "on");
    BOOST_TEST(std::string(mpb::to_string(mpb::FindMultipaths::strict)) == "strict");
    BOOST_TEST(std::string(mpb::to_string(mpb::FindMultipaths::greedy)) == "greedy");
    BOOST_TEST(std::string(mpb::to_string(mpb::FindMultipaths::smart)) == "smart");
    BOOST_TEST(std::string(mpb::to_string(mpb::PgPolicy::failover)) == "failover");
    BOOST_TEST(std::string(mpb::to_string(mpb::PgPolicy::multibus)) == "multibus");
    BOOST_TEST(std::string(mpb::to_string(mpb::PgPolicy::group_by_serial)) == "group_by_serial");
    BOOST_TEST(mpb::to_string(mpb::NoPathRetry{}) == "fail");
    BOOST_TEST(mpb::to_string(mpb::NoPathRetry{mpb::NoPathRetry::queue, 0}) == "queue");
    BOOST_TEST(mpb::to_string(mpb::NoPathRetry{mpb::NoPathRetry::retries, 12}) == "12");
}

// The udev callout compiles every pattern of the configuration at every
// event, many at once: what all of them together may cost is bounded.
BOOST_AUTO_TEST_CASE(patterns_share_one_budget)
{
    std::string text = "blacklist {\n";
    for (char c : std::string("abcde"))
        text += std::string("\twwid \"") + c + "{30000}\"\n";
    text += "\twwid \"a++++++++++++++++++++\"\n}\n";
    auto cfg = load(text);
    BOOST_TEST(cfg.blacklist.wwid.size() == 4u);
    BOOST_TEST(texts(cfg.diagnostics) ==
                   (std::vector<std::string>{
                       warning(6, "regular expression \"e{30000}\" ignored: the patterns before it already "
                                  "expand to 120004 parts, and all of them together may have 131072"),
                       warning(7, "invalid regular expression \"a++++++++++++++++++++\": its repetitions "
                                  "expand it to 2097151 parts, more than the 32768 mpath-boot compiles "
                                  "(stacked '+' or counts multiply); ignored")}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

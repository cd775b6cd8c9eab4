// SPDX-License-Identifier: GPL-2.0-or-later
// mpath (ours) and the legacy multipath command.
#include <algorithm>
#include <set>

#include "core/alias.hh"
#include "core/regex.hh"
#include "core/text.hh"
#include "kickstart/directives.hh"
#include "kickstart/words.hh"

namespace mpb::ks {

void report(Kickstart& ks, Severity s, const Place& at, const std::string& what)
{
    ks.diagnostics.push_back(make_diagnostic(s, at.file, at.line, 0, what));
}

namespace {

const std::vector<std::string_view> mpath_options = {
    "--wwid", "--alias", "--friendly-names", "--find-multipaths", "--no-path-retry",
    "--blacklist-wwid", "--blacklist-devnode", "--blacklist-exception-wwid",
};

// The options an mpath line may carry together: --wwid with --alias is one
// concern, every other option is one on its own.
std::string concern_of(const Option& o) { return o.name == "--alias" ? "--wwid" : o.name; }

// Why the options of one mpath line are not one concern, "" when they are.
std::string concern_problem(const std::vector<Option>& opts)
{
    if (opts.empty())
        return "no option: give --wwid with --alias, or one of --friendly-names, --find-multipaths, "
               "--no-path-retry, --blacklist-wwid, --blacklist-devnode, --blacklist-exception-wwid";
    for (const auto& o : opts)
        if (concern_of(o) != concern_of(opts[0]))
            return opts[0].name + " and " + o.name + " on one line: write one mpath line for each";
    if (concern_of(opts[0]) == "--wwid" && opts.size() == 1)
        return opts[0].name == "--wwid" ? "--wwid needs --alias" : "--alias needs --wwid";
    return {};
}

std::string text_of(bool b) { return b ? "yes" : "no"; }
const std::string& text_of(const std::string& s) { return s; }

// A default is given once; again with the same value is harmless (a
// kickstart assembled from %include snippets may repeat one), with another
// it is a contradiction.
template <class T>
void set_default(std::optional<At<T>>& slot, const T& value, const std::string& option, const Place& at,
                 Kickstart& ks)
{
    if (!slot) {
        slot = At<T>{value, at};
        return;
    }
    if (slot->value == value)
        return;
    report(ks, Severity::error, at,
           "mpath " + option + ": " + quoted(text_of(value)) + " conflicts with " +
               quoted(text_of(slot->value)) + " (" + slot->at.str() + ")");
}

// One WWID, one alias: a map cannot have two names, nor a name two maps.
void add_alias(const std::string& wwid, const std::string& alias, const Place& at, Kickstart& ks)
{
    for (const auto& a : ks.aliases) {
        if (a.wwid == wwid && a.alias == alias)
            return;
        if (a.wwid == wwid)
            return report(ks, Severity::error, at,
                          "mpath: WWID " + quoted(wwid) + " already has alias " + quoted(a.alias) + " (" +
                              a.at.str() + "): cannot also be " + quoted(alias));
        if (a.alias == alias)
            return report(ks, Severity::error, at,
                          "mpath: alias " + quoted(alias) + " already names WWID " + quoted(a.wwid) + " (" +
                              a.at.str() + "): cannot also name " + quoted(wwid));
    }
    ks.aliases.push_back({wwid, alias, at});
}

std::string value_of(const std::vector<Option>& opts, std::string_view name)
{
    for (const auto& o : opts)
        if (o.name == name)
            return o.value;
    return {};
}

// "" when fine, else the error.
std::string wwid_error(const std::string& option, const std::string& wwid)
{
    auto p = wwid_problem(wwid);
    return p.empty() ? p : "mpath " + option + ": bad WWID " + quoted(wwid) + ": " + p;
}

void read_alias(const std::vector<Option>& opts, const Place& at, Kickstart& ks)
{
    std::string wwid = value_of(opts, "--wwid"), alias = value_of(opts, "--alias");
    auto wwid_bad = wwid_error("--wwid", wwid);
    auto alias_bad = alias_problem(alias);
    if (!wwid_bad.empty())
        report(ks, Severity::error, at, wwid_bad);
    if (!alias_bad.empty())
        report(ks, Severity::error, at, "mpath --alias: bad alias " + quoted(alias) + ": " + alias_bad);
    if (wwid_bad.empty() && alias_bad.empty())
        add_alias(wwid, alias, at, ks);
}

// Appends `value` to a blacklist unless it is there already.
void add_listed(std::vector<At<std::string>>& list, const std::string& value, const Place& at)
{
    if (std::none_of(list.begin(), list.end(), [&](const auto& x) { return x.value == value; }))
        list.push_back({value, at});
}

void read_listed(const Option& o, const Place& at, Kickstart& ks)
{
    if (o.name == "--blacklist-devnode") {
        auto re = Regex::compile(o.value);
        if (!re)
            return report(ks, Severity::error, at,
                          "mpath --blacklist-devnode: bad regular expression " + quoted(o.value) + ": " +
                              re.error());
        return add_listed(ks.blacklist_devnodes, o.value, at);
    }
    if (auto bad = wwid_error(o.name, o.value); !bad.empty())
        return report(ks, Severity::error, at, bad);
    add_listed(o.name == "--blacklist-wwid" ? ks.blacklist_wwids : ks.blacklist_exception_wwids, o.value, at);
}

// "N" (a non-negative decimal number, written back without leading zeros),
// "queue" or "fail"; nullopt when it is none of these.
std::optional<std::string> no_path_retry_value(const std::string& v)
{
    long long n = 0;
    if (v == "queue" || v == "fail")
        return v;
    if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        parse_int(v, n))
        return std::to_string(n);
    return std::nullopt;
}

void read_default(const Option& o, const Place& at, Kickstart& ks)
{
    static const std::set<std::string> find_values = {"strict", "yes", "greedy", "smart", "off"};
    auto bad = [&](const std::string& expected) {
        report(ks, Severity::error, at, "mpath " + o.name + ": " + quoted(o.value) + " is not " + expected);
    };
    if (o.name == "--friendly-names") {
        if (o.value != "yes" && o.value != "no")
            return bad("yes or no");
        return set_default(ks.friendly_names, o.value == "yes", o.name, at, ks);
    }
    if (o.name == "--find-multipaths") {
        if (!find_values.count(o.value))
            return bad("one of strict, yes, greedy, smart, off");
        return set_default(ks.find_multipaths, o.value, o.name, at, ks);
    }
    auto retry = no_path_retry_value(o.value);
    if (!retry)
        return bad("a number of retries (0 or more), queue or fail");
    set_default(ks.no_path_retry, *retry, o.name, at, ks);
}

}  // namespace

void read_mpath(const Command& c, Kickstart& ks)
{
    std::vector<std::string> problems;
    std::vector<std::string> args(c.words.begin() + 1, c.words.end());
    auto opts = read_options(args, mpath_options, problems);
    if (problems.empty())
        if (auto p = concern_problem(opts); !p.empty())
            problems.push_back(p);
    for (const auto& p : problems)
        report(ks, Severity::error, c.at, "mpath: " + p);
    if (!problems.empty())
        return;
    if (concern_of(opts[0]) == "--wwid")
        read_alias(opts, c.at, ks);
    else if (starts_with(opts[0].name, "--blacklist-"))
        read_listed(opts[0], c.at, ks);
    else
        read_default(opts[0], c.at, ks);
}

namespace {

// The group already holding `device`, if any.
const LegacyMap* group_of(const Kickstart& ks, const std::string& device, Place& where)
{
    for (const auto& m : ks.legacy)
        for (const auto& d : m.devices)
            if (d.value == device) {
                where = d.at;
                return &m;
            }
    return nullptr;
}

// The legacy line's problems: required options, the name's validity.
void legacy_problems(const std::vector<Option>& opts, std::vector<std::string>& problems)
{
    if (!problems.empty())  // an option given without a value would be reported twice
        return;
    for (std::string_view required : {"--name", "--device"})
        if (value_of(opts, required).empty())
            problems.push_back("option " + std::string(required) + " is required");
    std::string name = value_of(opts, "--name");
    if (auto p = alias_problem(name); !name.empty() && !p.empty())
        problems.push_back("bad name " + quoted(name) + ": " + p);
}

}  // namespace

void read_legacy_multipath(const Command& c, Kickstart& ks)
{
    std::vector<std::string> problems;
    std::vector<std::string> args(c.words.begin() + 1, c.words.end());
    auto opts = read_options(args, {"--name", "--device", "--rule"}, problems);  // --rule: udev's business
    legacy_problems(opts, problems);
    for (const auto& p : problems)
        report(ks, Severity::error, c.at, "multipath: " + p);
    if (!problems.empty())
        return;
    std::string name = value_of(opts, "--name"), device = value_of(opts, "--device");
    Place where;
    if (const LegacyMap* m = group_of(ks, device, where))
        return report(ks, Severity::error, c.at,
                      "multipath: device " + quoted(device) + " is already in multipath " + quoted(m->name) +
                          " (" + where.str() + ")");
    auto group = std::find_if(ks.legacy.begin(), ks.legacy.end(), [&](const auto& m) { return m.name == name; });
    if (group == ks.legacy.end()) {
        report(ks, Severity::warning, c.at,
               "the multipath command is deprecated (removed from kickstart in Fedora 34); write: "
               "mpath --wwid=<the WWID of " + device + "> --alias=" + name);
        group = ks.legacy.insert(ks.legacy.end(), LegacyMap{name, {}, c.at});
    }
    group->devices.push_back({device, c.at});
}

}  // namespace mpb::ks

// SPDX-License-Identifier: GPL-2.0-or-later
// The kickstart reader (kickstart/reader.hh): lines, quoting, sections,
// %include, the mpath and legacy multipath directives and the disk
// references, read from files held in memory; every message word for word.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "kickstart/reader.hh"

namespace bdata = boost::unit_test::data;
using mpb::ks::Kickstart;

namespace {

using Files = std::map<std::string, std::string>;

// Files in memory; a path in `unreadable` fails as a permission problem.
mpb::ks::ReadFile memory(const Files& files, const std::set<std::string>& unreadable = {})
{
    return [files, unreadable](const std::string& path) -> mpb::Result<std::optional<std::string>> {
        using R = mpb::Result<std::optional<std::string>>;
        if (unreadable.count(path))
            return R::fail(path + ": Permission denied");
        auto f = files.find(path);
        return R::ok(f == files.end() ? std::nullopt : std::optional<std::string>(f->second));
    };
}

Kickstart read(const std::string& text) { return mpb::ks::read_kickstart("ks.cfg", memory({{"ks.cfg", text}})); }

std::vector<std::string> messages(const Kickstart& ks)
{
    std::vector<std::string> out;
    for (const auto& d : ks.diagnostics)
        out.push_back(d.text);
    return out;
}

// "wwid=alias@file:line" for each alias, to compare in one go.
std::vector<std::string> aliases(const Kickstart& ks)
{
    std::vector<std::string> out;
    for (const auto& a : ks.aliases)
        out.push_back(a.wwid + "=" + a.alias + "@" + a.at.str());
    return out;
}

// "text|command@file:line" for each disk reference.
std::vector<std::string> disks(const Kickstart& ks)
{
    std::vector<std::string> out;
    for (const auto& d : ks.disks)
        out.push_back(d.text + "|" + d.command + "@" + d.at.str());
    return out;
}

using Lines = std::vector<std::string>;

struct ErrorCase {
    const char* name;
    std::string text;  // ks.cfg
    Lines diagnostics;
};

std::ostream& operator<<(std::ostream& os, const ErrorCase& c) { return os << c.name; }

const std::string whitespace = "contains whitespace or a control character";

const ErrorCase error_cases[] = {
    {"unterminated double quote", "mpath --wwid=3600a --alias=\"sanroot\n",
     {"ks.cfg:1: error: no closing quotation"}},
    {"unterminated single quote", "lang\nrootpw 'secret\n", {"ks.cfg:2: error: no closing quotation"}},
    {"%end alone", "lang en_US\n%end\n", {"ks.cfg:2: error: %end outside a section"}},
    {"missing %end", "lang en_US\n%post\nmpath --friendly-names=yes\n", {"ks.cfg:2: error: section %post has no %end"}},
    {"a section opened in a section", "%pre\necho\n%post --nochroot\necho\n%end\nmpath --friendly-names=maybe\n",
     {"ks.cfg:1: error: section %pre has no %end",
      "ks.cfg:6: error: mpath --friendly-names: \"maybe\" is not yes or no"}},
    {"unknown section", "%foo\n", {"ks.cfg:1: error: unknown section \"%foo\""}},
    {"%include without a file", "%include\n", {"ks.cfg:1: error: %include takes one file"}},
    {"%include of two files", "%include a b\n", {"ks.cfg:1: error: %include takes one file"}},
    {"%include of a URL", "%include http://ks.example/common.ks\n",
     {"ks.cfg:1: error: %include: \"http://ks.example/common.ks\" is a URL: mpath-boot-ks reads local files only"}},
    {"mpath: unknown option", "mpath --wwid=3600a --alias=root --bogus=1\n",
     {"ks.cfg:1: error: mpath: unknown option --bogus"}},
    {"mpath: single-dash option", "mpath -w 3600a\n", {"ks.cfg:1: error: mpath: unknown option -w"}},
    {"mpath: missing value at the end", "mpath --wwid=3600a --alias\n",
     {"ks.cfg:1: error: mpath: option --alias needs a value"}},
    {"mpath: missing value before an option", "mpath --wwid --alias=root\n",
     {"ks.cfg:1: error: mpath: option --wwid needs a value"}},
    {"mpath: empty value", "mpath --wwid= --alias=root\n", {"ks.cfg:1: error: mpath: option --wwid needs a value"}},
    {"mpath: positional argument", "mpath sdb --friendly-names=yes\n",
     {"ks.cfg:1: error: mpath: unexpected argument \"sdb\""}},
    {"mpath: every problem of a line", "mpath x --bogus --wwid\n",
     {"ks.cfg:1: error: mpath: unexpected argument \"x\"", "ks.cfg:1: error: mpath: unknown option --bogus",
      "ks.cfg:1: error: mpath: option --wwid needs a value"}},
    {"mpath: option twice on a line", "mpath --blacklist-wwid=3600a --blacklist-wwid 3600b\n",
     {"ks.cfg:1: error: mpath: option --blacklist-wwid given twice"}},
    {"mpath: nothing", "mpath\n",
     {"ks.cfg:1: error: mpath: no option: give --wwid with --alias, or one of --friendly-names, "
      "--find-multipaths, --no-path-retry, --blacklist-wwid, --blacklist-devnode, --blacklist-exception-wwid"}},
    {"mpath: --wwid alone", "mpath --wwid=3600a\n", {"ks.cfg:1: error: mpath: --wwid needs --alias"}},
    {"mpath: --alias alone", "mpath --alias=root\n", {"ks.cfg:1: error: mpath: --alias needs --wwid"}},
    {"mpath: two concerns", "mpath --friendly-names=yes --find-multipaths=strict\n",
     {"ks.cfg:1: error: mpath: --friendly-names and --find-multipaths on one line: write one mpath line for each"}},
    {"mpath: an alias and a default", "mpath --wwid=3600a --alias=root --no-path-retry=queue\n",
     {"ks.cfg:1: error: mpath: --wwid and --no-path-retry on one line: write one mpath line for each"}},
    {"mpath: bad WWID", "mpath --wwid=\"3600 a\" --alias=root\n",
     {"ks.cfg:1: error: mpath --wwid: bad WWID \"3600 a\": " + whitespace}},
    {"mpath: alias with a space", "mpath --wwid=3600a --alias=\"my disk\"\n",
     {"ks.cfg:1: error: mpath --alias: bad alias \"my disk\": " + whitespace}},
    {"mpath: alias with an escaped space", "mpath --wwid=3600a --alias=my\\ disk\n",
     {"ks.cfg:1: error: mpath --alias: bad alias \"my disk\": " + whitespace}},
    {"mpath: alias with a slash", "mpath --wwid=3600a --alias=mapper/root\n",
     {"ks.cfg:1: error: mpath --alias: bad alias \"mapper/root\": contains '/'"}},
    {"mpath: bad WWID and bad alias", "mpath --wwid=a/b --alias=..\n",
     {"ks.cfg:1: error: mpath --wwid: bad WWID \"a/b\": contains '/'",
      "ks.cfg:1: error: mpath --alias: bad alias \"..\": \"..\" is not a valid name"}},
    {"mpath: two aliases for one WWID", "mpath --wwid=3600a --alias=root\nmpath --wwid=3600a --alias=data\n",
     {"ks.cfg:2: error: mpath: WWID \"3600a\" already has alias \"root\" (ks.cfg:1): cannot also be \"data\""}},
    {"mpath: one alias for two WWIDs", "mpath --wwid=3600a --alias=root\nmpath --wwid=3600b --alias=root\n",
     {"ks.cfg:2: error: mpath: alias \"root\" already names WWID \"3600a\" (ks.cfg:1): cannot also name \"3600b\""}},
    {"mpath: friendly names twice", "mpath --friendly-names=yes\nmpath --friendly-names=no\n",
     {"ks.cfg:2: error: mpath --friendly-names: \"no\" conflicts with \"yes\" (ks.cfg:1)"}},
    {"mpath: find_multipaths twice", "mpath --find-multipaths=strict\nmpath --find-multipaths=greedy\n",
     {"ks.cfg:2: error: mpath --find-multipaths: \"greedy\" conflicts with \"strict\" (ks.cfg:1)"}},
    {"mpath: no_path_retry twice", "mpath --no-path-retry=queue\nmpath --no-path-retry=12\n",
     {"ks.cfg:2: error: mpath --no-path-retry: \"12\" conflicts with \"queue\" (ks.cfg:1)"}},
    {"mpath: bad friendly names", "mpath --friendly-names=true\n",
     {"ks.cfg:1: error: mpath --friendly-names: \"true\" is not yes or no"}},
    {"mpath: bad find_multipaths", "mpath --find-multipaths=on\n",
     {"ks.cfg:1: error: mpath --find-multipaths: \"on\" is not one of strict, yes, greedy, smart, off"}},
    {"mpath: negative no_path_retry", "mpath --no-path-retry -1\n",
     {"ks.cfg:1: error: mpath --no-path-retry: \"-1\" is not a number of retries (0 or more), queue or fail"}},
    {"mpath: word no_path_retry", "mpath --no-path-retry=forever\n",
     {"ks.cfg:1: error: mpath --no-path-retry: \"forever\" is not a number of retries (0 or more), queue or fail"}},
    {"mpath: bad regex", "mpath --blacklist-devnode=\"(sd\"\n",
     {"ks.cfg:1: error: mpath --blacklist-devnode: bad regular expression \"(sd\": Unmatched ( or \\("}},
    {"mpath: bad blacklisted WWID", "mpath --blacklist-wwid=\"36 00\"\n",
     {"ks.cfg:1: error: mpath --blacklist-wwid: bad WWID \"36 00\": " + whitespace}},
    {"mpath: bad excepted WWID", "mpath --blacklist-exception-wwid=a/b\n",
     {"ks.cfg:1: error: mpath --blacklist-exception-wwid: bad WWID \"a/b\": contains '/'"}},
    {"multipath: no --device", "multipath --name=mpatha\n",
     {"ks.cfg:1: error: multipath: option --device is required"}},
    {"multipath: no option", "multipath\n",
     {"ks.cfg:1: error: multipath: option --name is required", "ks.cfg:1: error: multipath: option --device is required"}},
    {"multipath: unknown option", "multipath --name=mpatha --device=sdb --policy=x\n",
     {"ks.cfg:1: error: multipath: unknown option --policy"}},
    {"multipath: bad name", "multipath --name=\"san root\" --device=sdb\n",
     {"ks.cfg:1: error: multipath: bad name \"san root\": " + whitespace}},
    {"multipath: device in two groups", "multipath --name=a --device=sdb\nmultipath --name=b --device=sdb\n",
     {"ks.cfg:1: warning: the multipath command is deprecated (removed from kickstart in Fedora 34); write: "
      "mpath --wwid=<the WWID of sdb> --alias=a",
      "ks.cfg:2: error: multipath: device \"sdb\" is already in multipath \"a\" (ks.cfg:1)"}},
    {"multipath: device twice in a group", "multipath --name=a --device=sdb\nmultipath --name=a --device=sdb\n",
     {"ks.cfg:1: warning: the multipath command is deprecated (removed from kickstart in Fedora 34); write: "
      "mpath --wwid=<the WWID of sdb> --alias=a",
      "ks.cfg:2: error: multipath: device \"sdb\" is already in multipath \"a\" (ks.cfg:1)"}},
    {"disk option without a value", "ignoredisk --only-use\nbootloader --driveorder= --location=mbr\n",
     {"ks.cfg:1: error: ignoredisk: option --only-use needs a value",
      "ks.cfg:2: error: bootloader: option --driveorder needs a value"}},
    {"every error, in file order", "%end\nmpath --bogus\n%post\n",
     {"ks.cfg:1: error: %end outside a section", "ks.cfg:2: error: mpath: unknown option --bogus",
      "ks.cfg:3: error: section %post has no %end"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ks_reader)

BOOST_DATA_TEST_CASE(errors, bdata::make(error_cases), c)
{
    auto ks = read(c.text);
    BOOST_TEST(messages(ks) == c.diagnostics, boost::test_tools::per_element());
    BOOST_TEST(mpb::has_error(ks.diagnostics));
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// An alias as written on an mpath line, and what the reader makes of it.
struct QuoteCase {
    const char* name;
    std::string written;
    std::string alias;
};

std::ostream& operator<<(std::ostream& os, const QuoteCase& c) { return os << c.name; }

const QuoteCase quote_cases[] = {
    {"plain", "sanroot", "sanroot"},
    {"double quotes", "\"sanroot\"", "sanroot"},
    {"single quotes", "'sanroot'", "sanroot"},
    {"quoted part of a word", "san\"ro\"ot", "sanroot"},
    {"escaped quote in double quotes", "\"san\\\"root\"", "san\"root"},
    {"escaped backslash in double quotes", "\"san\\\\root\"", "san\\root"},
    {"other backslash in double quotes stays", "\"san\\root\"", "san\\root"},
    {"backslash in single quotes stays", "'san\\\"root'", "san\\\"root"},
    {"backslash outside quotes escapes", "san\\root", "sanroot"},
    {"unquoted hash in a word ends the line, as in shlex", "san#root", "san"},
    {"comment after white space", "sanroot # the root disk", "sanroot"},
};

// The words of an ignored command, the mpath line after it read or not.
struct SectionCase {
    const char* header;
};

std::ostream& operator<<(std::ostream& os, const SectionCase& c) { return os << c.header; }

const SectionCase section_cases[] = {
    {"%pre"}, {"%pre --interpreter=/usr/bin/python3 --log=/tmp/pre.log"}, {"%pre-install"}, {"%post --nochroot"},
    {"%packages --ignoremissing"}, {"%addon com_redhat_kdump --enable"}, {"%onerror"}, {"%traceback"}, {"%anaconda"},
};

struct DiskCase {
    const char* name;
    std::string text;  // ks.cfg
    Lines disks;
};

std::ostream& operator<<(std::ostream& os, const DiskCase& c) { return os << c.name; }

const DiskCase disk_cases[] = {
    {"ignoredisk --only-use", "ignoredisk --only-use=mpatha,disk/by-id/scsi-3600a\n",
     {"mpatha|ignoredisk --only-use@ks.cfg:1", "disk/by-id/scsi-3600a|ignoredisk --only-use@ks.cfg:1"}},
    {"ignoredisk --drives, its value the next word", "ignoredisk --drives sdc,/dev/sdd\n",
     {"sdc|ignoredisk --drives@ks.cfg:1", "/dev/sdd|ignoredisk --drives@ks.cfg:1"}},
    {"clearpart --drives", "clearpart --all --initlabel --drives=/dev/mapper/mpatha\n",
     {"/dev/mapper/mpatha|clearpart --drives@ks.cfg:1"}},
    {"part --ondisk", "part /boot --fstype=xfs --size=1024 --ondisk=mapper/mpatha\n",
     {"mapper/mpatha|part --ondisk@ks.cfg:1"}},
    {"part --ondrive", "part / --grow --ondrive disk/by-id/dm-uuid-mpath-3600a\n",
     {"disk/by-id/dm-uuid-mpath-3600a|part --ondrive@ks.cfg:1"}},
    {"partition --ondisk", "partition swap --recommended --ondisk=disk/by-id/wwn-0x600a\n",
     {"disk/by-id/wwn-0x600a|partition --ondisk@ks.cfg:1"}},
    {"partition --ondrive", "partition /home --ondrive=sdb\n", {"sdb|partition --ondrive@ks.cfg:1"}},
    {"logvol --ondisk", "logvol / --vgname=vg --name=root --ondisk=mpatha\n", {"mpatha|logvol --ondisk@ks.cfg:1"}},
    {"logvol --ondrive", "logvol / --vgname=vg --name=root --ondrive=mpathb\n", {"mpathb|logvol --ondrive@ks.cfg:1"}},
    {"raid --ondisk", "raid / --level=1 --device=md0 --ondisk=mpatha\n", {"mpatha|raid --ondisk@ks.cfg:1"}},
    {"raid --ondrive", "raid / --level=1 --device=md0 --ondrive=mpatha\n", {"mpatha|raid --ondrive@ks.cfg:1"}},
    {"bootloader, both options in the order written",
     "bootloader --location=mbr --driveorder=mpatha,sdb --boot-drive=mpatha\n",
     {"mpatha|bootloader --driveorder@ks.cfg:1", "sdb|bootloader --driveorder@ks.cfg:1",
      "mpatha|bootloader --boot-drive@ks.cfg:1"}},
    {"empty items name nothing", "ignoredisk --only-use=,mpatha,,sdb,\n",
     {"mpatha|ignoredisk --only-use@ks.cfg:1", "sdb|ignoredisk --only-use@ks.cfg:1"}},
    {"autopart and other commands name none", "autopart --type=lvm\nvolgroup vg pv.01\nlang en_US\n", {}},
    {"several lines in file order", "part / --ondisk=mpatha\nignoredisk --only-use=mpatha\n",
     {"mpatha|part --ondisk@ks.cfg:1", "mpatha|ignoredisk --only-use@ks.cfg:2"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ks_reader_reading)

BOOST_DATA_TEST_CASE(quoting, bdata::make(quote_cases), c)
{
    auto ks = read("mpath --wwid=3600a --alias=" + c.written + "\n");
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(aliases(ks) == Lines{"3600a=" + c.alias + "@ks.cfg:1"}, boost::test_tools::per_element());
}

// A '#' kept by quoting or escaping reaches the alias check, which refuses
// it: the bindings file would read the alias back cut at the '#'.
BOOST_AUTO_TEST_CASE(a_quoted_or_escaped_hash_is_refused_in_an_alias)
{
    for (std::string written : {"san\\#root", "\"san#root\""}) {
        auto ks = read("mpath --wwid=3600a --alias=" + written + "\n");
        BOOST_TEST(aliases(ks).empty(), written);
        BOOST_TEST(messages(ks) == Lines{"ks.cfg:1: error: mpath --alias: bad alias \"san#root\": contains '#'"},
                   boost::test_tools::per_element());
    }
}

BOOST_DATA_TEST_CASE(sections_are_skipped, bdata::make(section_cases), c)
{
    auto ks = read(std::string(c.header) + "\nmpath --wwid=3600b --alias=post\nunbalanced 'quote\n%end\n"
                   "mpath --wwid=3600a --alias=root\n");
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(aliases(ks) == Lines{"3600a=root@ks.cfg:5"}, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(disk_references, bdata::make(disk_cases), c)
{
    auto ks = read(c.text);
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(disks(ks) == c.disks, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(comments_blank_lines_and_continuation)
{
    auto ks = read("# a kickstart\n"
                   "\n"
                   "   # indented comment, even with a final backslash \\\n"
                   "mpath --wwid=3600a \\\n"
                   "      --alias=root\n"
                   "\t\n"
                   "mpath --wwid=3600b --al\\\n"
                   "ias=data  # the data disk\n"
                   "mpath --blacklist-wwid=3600c\\\\\n");
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(aliases(ks) == (Lines{"3600a=root@ks.cfg:4", "3600b=data@ks.cfg:7"}), boost::test_tools::per_element());
    BOOST_REQUIRE(ks.blacklist_wwids.size() == 1u);
    BOOST_TEST(ks.blacklist_wwids[0].value == "3600c\\");  // an even count of backslashes goes on no line
    BOOST_TEST(ks.blacklist_wwids[0].at.str() == "ks.cfg:9");
}

BOOST_AUTO_TEST_CASE(crlf_lines)
{
    auto ks = read("mpath --wwid=3600a --alias=root\r\nmpath --friendly-names=no\r\n");
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(aliases(ks) == Lines{"3600a=root@ks.cfg:1"}, boost::test_tools::per_element());
    BOOST_TEST(ks.friendly_names.has_value());
}

BOOST_AUTO_TEST_CASE(every_mpath_form)
{
    auto ks = read("mpath --wwid=3600a --alias=root\n"
                   "mpath --alias data --wwid 3600b\n"
                   "mpath --friendly-names=no\n"
                   "mpath --find-multipaths smart\n"
                   "mpath --no-path-retry=0012\n"
                   "mpath --blacklist-wwid=3600c\n"
                   "mpath --blacklist-devnode=\"^(ram|loop)[0-9]*\"\n"
                   "mpath --blacklist-exception-wwid=3600a\n");
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(aliases(ks) == (Lines{"3600a=root@ks.cfg:1", "3600b=data@ks.cfg:2"}), boost::test_tools::per_element());
    BOOST_REQUIRE(ks.friendly_names && ks.find_multipaths && ks.no_path_retry);
    BOOST_TEST(ks.friendly_names->value == false);
    BOOST_TEST(ks.friendly_names->at.str() == "ks.cfg:3");
    BOOST_TEST(ks.find_multipaths->value == "smart");
    BOOST_TEST(ks.no_path_retry->value == "12");  // as a number
    BOOST_REQUIRE(ks.blacklist_wwids.size() == 1u);
    BOOST_TEST(ks.blacklist_wwids[0].value == "3600c");
    BOOST_REQUIRE(ks.blacklist_devnodes.size() == 1u);
    BOOST_TEST(ks.blacklist_devnodes[0].value == "^(ram|loop)[0-9]*");
    BOOST_TEST(ks.blacklist_devnodes[0].at.str() == "ks.cfg:7");
    BOOST_REQUIRE(ks.blacklist_exception_wwids.size() == 1u);
    BOOST_TEST(ks.blacklist_exception_wwids[0].value == "3600a");
}

BOOST_AUTO_TEST_CASE(every_no_path_retry_and_find_multipaths_value)
{
    for (std::string v : {"strict", "yes", "greedy", "smart", "off"})
        BOOST_TEST(read("mpath --find-multipaths=" + v + "\n").find_multipaths->value == v);
    for (std::string v : {"queue", "fail", "0", "5"})
        BOOST_TEST(read("mpath --no-path-retry=" + v + "\n").no_path_retry->value == v);
    BOOST_TEST(read("mpath --friendly-names=yes\n").friendly_names->value == true);
}

BOOST_AUTO_TEST_CASE(repeats_that_agree_are_one)
{
    auto ks = read("mpath --wwid=3600a --alias=root\n"
                   "mpath --friendly-names=no\n"
                   "mpath --wwid=3600a --alias=root\n"
                   "mpath --friendly-names=no\n"
                   "mpath --no-path-retry=5\n"
                   "mpath --no-path-retry=05\n"
                   "mpath --blacklist-wwid=3600c\n"
                   "mpath --blacklist-wwid=3600c\n");
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(aliases(ks) == Lines{"3600a=root@ks.cfg:1"}, boost::test_tools::per_element());
    BOOST_TEST(ks.friendly_names->at.str() == "ks.cfg:2");
    BOOST_TEST(ks.no_path_retry->at.str() == "ks.cfg:5");
    BOOST_TEST(ks.blacklist_wwids.size() == 1u);
}

BOOST_AUTO_TEST_CASE(legacy_multipath_groups_and_warns_once_per_group)
{
    auto ks = read("multipath --name=mpatha --device=sdb --rule=\"policy failover\"\n"
                   "multipath --name=mpathb --device=/dev/sdd\n"
                   "multipath --device sdc --name mpatha\n");
    BOOST_TEST(messages(ks) ==
                   (Lines{"ks.cfg:1: warning: the multipath command is deprecated (removed from kickstart in "
                          "Fedora 34); write: mpath --wwid=<the WWID of sdb> --alias=mpatha",
                          "ks.cfg:2: warning: the multipath command is deprecated (removed from kickstart in "
                          "Fedora 34); write: mpath --wwid=<the WWID of /dev/sdd> --alias=mpathb"}),
               boost::test_tools::per_element());
    BOOST_TEST(!mpb::has_error(ks.diagnostics));
    BOOST_REQUIRE(ks.legacy.size() == 2u);
    BOOST_TEST(ks.legacy[0].name == "mpatha");
    BOOST_TEST(ks.legacy[0].at.str() == "ks.cfg:1");
    BOOST_REQUIRE(ks.legacy[0].devices.size() == 2u);
    BOOST_TEST(ks.legacy[0].devices[0].value == "sdb");
    BOOST_TEST(ks.legacy[0].devices[1].value == "sdc");
    BOOST_TEST(ks.legacy[0].devices[1].at.str() == "ks.cfg:3");
    BOOST_TEST(ks.legacy[1].name == "mpathb");
    BOOST_REQUIRE(ks.legacy[1].devices.size() == 1u);
    BOOST_TEST(ks.legacy[1].devices[0].value == "/dev/sdd");
    BOOST_TEST(ks.aliases.empty());
}

BOOST_AUTO_TEST_CASE(commands_not_ours_are_ignored)
{
    auto ks = read("lang en_US.UTF-8\n"
                   "rootpw --plaintext x\n"
                   "network --bootproto=dhcp --device=link --activate\n"
                   "keyboard --xlayouts='us'\n"
                   "timezone Europe/Paris --utc\n"
                   "reboot\n");
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(ks.aliases.empty());
    BOOST_TEST(ks.disks.empty());
    BOOST_TEST(ks.legacy.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ks_reader_include)

BOOST_AUTO_TEST_CASE(relative_and_absolute)
{
    Files files = {
        {"/run/install/ks.cfg", "mpath --wwid=3600a --alias=root\n%include parts/disks.ks\nmpath --friendly-names=no\n"},
        {"/run/install/parts/disks.ks", "%include ../more.ks\n%include /etc/ks/abs.ks\n"},
        {"/run/install/parts/../more.ks", "part / --ondisk=mpatha\n"},
        {"/etc/ks/abs.ks", "mpath --wwid=3600b --alias=data\n"},
    };
    auto ks = mpb::ks::read_kickstart("/run/install/ks.cfg", memory(files));
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(aliases(ks) == (Lines{"3600a=root@/run/install/ks.cfg:1", "3600b=data@/etc/ks/abs.ks:1"}),
               boost::test_tools::per_element());
    BOOST_TEST(disks(ks) == Lines{"mpatha|part --ondisk@/run/install/parts/../more.ks:1"},
               boost::test_tools::per_element());
    BOOST_TEST(ks.friendly_names->at.str() == "/run/install/ks.cfg:3");
}

BOOST_AUTO_TEST_CASE(a_bare_name_is_in_the_current_folder)
{
    Files files = {{"ks.cfg", "%include common.ks\n"}, {"common.ks", "mpath --friendly-names=yes\n"}};
    auto ks = mpb::ks::read_kickstart("ks.cfg", memory(files));
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(ks.friendly_names->at.str() == "common.ks:1");
}

BOOST_AUTO_TEST_CASE(ksappend_is_read_as_include)
{
    Files files = {{"ks/ks.cfg", "%ksappend extra.ks\n"}, {"ks/extra.ks", "mpath --wwid=3600a --alias=root\n"}};
    auto ks = mpb::ks::read_kickstart("ks/ks.cfg", memory(files));
    BOOST_TEST(messages(ks).empty());
    BOOST_TEST(aliases(ks) == Lines{"3600a=root@ks/extra.ks:1"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(include_inside_a_section_is_not_followed)
{
    Files files = {{"ks.cfg", "%post\n%include missing.ks\n%end\n"}};
    BOOST_TEST(messages(mpb::ks::read_kickstart("ks.cfg", memory(files))).empty());
}

BOOST_AUTO_TEST_CASE(conflicts_across_files_name_both)
{
    Files files = {{"ks.cfg", "mpath --wwid=3600a --alias=root\n%include b.ks\n"},
                   {"b.ks", "\nmpath --wwid=3600a --alias=data\n"}};
    auto ks = mpb::ks::read_kickstart("ks.cfg", memory(files));
    BOOST_TEST(messages(ks) ==
                   Lines{"b.ks:2: error: mpath: WWID \"3600a\" already has alias \"root\" (ks.cfg:1): cannot also be "
                         "\"data\""},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(missing_and_unreadable)
{
    Files files = {{"ks.cfg", "%include gone.ks\n%include locked.ks\nmpath --bogus\n"}, {"locked.ks", ""}};
    auto ks = mpb::ks::read_kickstart("ks.cfg", memory(files, {"locked.ks"}));
    BOOST_TEST(messages(ks) == (Lines{"ks.cfg:1: error: %include: no such file \"gone.ks\"",
                                      "ks.cfg:2: error: %include: cannot read locked.ks: Permission denied",
                                      "ks.cfg:3: error: mpath: unknown option --bogus"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(top_file_missing_or_unreadable)
{
    BOOST_TEST(messages(mpb::ks::read_kickstart("ks.cfg", memory({}))) == Lines{"ks.cfg: error: no such file"},
               boost::test_tools::per_element());
    BOOST_TEST(messages(mpb::ks::read_kickstart("ks.cfg", memory({{"ks.cfg", ""}}, {"ks.cfg"}))) ==
                   Lines{"ks.cfg: error: cannot read ks.cfg: Permission denied"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(loop_direct)
{
    Files files = {{"ks.cfg", "mpath --friendly-names=no\n%include ./ks.cfg\n"}};
    auto ks = mpb::ks::read_kickstart("ks.cfg", memory(files));
    BOOST_TEST(messages(ks) == Lines{"ks.cfg:2: error: %include loop: ks.cfg -> ks.cfg"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(loop_indirect)
{
    Files files = {{"/ks/ks.cfg", "%include a.ks\n"},
                   {"/ks/a.ks", "%include sub/b.ks\n"},
                   {"/ks/sub/b.ks", "# back up\n%include ../a.ks\n"}};
    auto ks = mpb::ks::read_kickstart("/ks/ks.cfg", memory(files));
    BOOST_TEST(messages(ks) == Lines{"/ks/sub/b.ks:2: error: %include loop: /ks/ks.cfg -> /ks/a.ks -> /ks/sub/b.ks -> "
                                     "/ks/a.ks"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(depth_is_limited)
{
    // f1 includes f2 ... f16 includes f17: 17 files open at once.
    Files files;
    for (int i = 1; i <= 17; ++i)
        files["f" + std::to_string(i)] = "%include f" + std::to_string(i + 1) + "\nmpath --friendly-names=yes\n";
    files["f17"] = "mpath --friendly-names=yes\n";
    auto ks = mpb::ks::read_kickstart("f1", memory(files));
    BOOST_TEST(messages(ks) == Lines{"f16:1: error: %include: more than 16 nested files: \"f17\""},
               boost::test_tools::per_element());
    BOOST_TEST(ks.friendly_names->at.str() == "f16:2");  // the files above the limit still read
    files["f16"] = "mpath --friendly-names=yes\n";  // 16 deep is fine
    BOOST_TEST(messages(mpb::ks::read_kickstart("f1", memory(files))).empty());
}

BOOST_AUTO_TEST_CASE(a_section_ends_in_its_own_file)
{
    Files files = {{"ks.cfg", "%include a.ks\necho\n%end\n"}, {"a.ks", "%post\n"}};
    auto ks = mpb::ks::read_kickstart("ks.cfg", memory(files));
    BOOST_TEST(messages(ks) == (Lines{"a.ks:1: error: section %post has no %end",
                                      "ks.cfg:3: error: %end outside a section"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

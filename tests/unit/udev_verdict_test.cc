// SPDX-License-Identifier: GPL-2.0-or-later
// udev-check decisions on the machine of coalesce_test: a volume seen
// through sda and sdb (serial mp0), a single-path disk sdc (serial d1), a
// virtio root disk vda (a third path sdd of mp0 where a case adds it). The
// rows follow the steps of udev_verdict.hh in order. Without enumeration the
// snapshot holds only the device asked about and its partitions, as the
// command first builds it.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

#include "core/udev_verdict.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;
using Kind = UdevVerdict::Kind;

namespace {

using test::d1;
using test::dev;
using test::machine;
using test::mp0;

// What udev-check reads before it enumerates: the device, its partitions,
// the maps (holders and "mpath-<WWID>").
Snapshot just(const Snapshot& full, const std::string& name)
{
    Snapshot s;
    for (const auto& d : full.devices)
        if (d.name == name || (d.partition && d.parent == name))
            s.devices.push_back(d);
    s.maps = full.maps;
    return s;
}

void mapped(Snapshot& s, bool hold)
{
    s.maps.push_back({"mpatha", "mpath-" + mp0, {253, 0}, "0 2097152 multipath ...", 1, "", false, {}, {}});
    if (hold) {
        dev(s, "sda").holders = {"dm-0"};
        dev(s, "sdb").holders = {"dm-0"};
    }
}

const std::string yes = "defaults {\n find_multipaths yes\n}\n";
const std::string smart = "defaults {\n find_multipaths smart\n}\n";
const std::string greedy = "defaults {\n find_multipaths greedy\n}\n";
const std::string off = "defaults {\n find_multipaths off\n}\n";
const std::string at_defaults = " (defaults section, /etc/multipath.conf:2)";
const std::string released = "released to systemd earlier; stays released";
const std::string listed_mp0 = "/" + mp0 + "/\n";

// The reason for on/yes and off: strict in udev.
std::string as_strict(const std::string& mode, const std::string& wwid)
{
    return "find_multipaths " + mode + at_defaults + ": WWID " + wwid +
           " is not in the wwids file (in udev, " + mode +
           " acts as strict: a path is claimed once its map is built and its WWID listed)";
}

// A third path of mp0.
void third_path(Snapshot& s)
{
    s.devices.push_back(test::scsi_disk("sdd", 48, "mp0", "0:0:3:0"));
}

struct Case {
    const char* name;
    std::string conf, wwids, bindings, earlier;
    std::function<void(Snapshot&)> change;
    const char* device;
    bool enumerated;
    Kind kind;
    std::string wwid, alias, reason;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const Case cases[] = {
    // 1. Held by an mpath map: before the blacklist, without the released check.
    {"held by an mpath map", "", "", "", "", [](Snapshot& s) { mapped(s, true); }, "sda", false,
     Kind::path, mp0, "mpatha", "held by the existing map mpatha"},
    {"held by an mpath map, though released earlier", "", "", "", "0",
     [](Snapshot& s) { mapped(s, true); }, "sda", false, Kind::path, mp0, "mpatha",
     "held by the existing map mpatha"},
    {"held by an mpath map, though its WWID is blacklisted now", "blacklist {\n wwid mp0$\n}\n",
     "", "", "", [](Snapshot& s) { mapped(s, true); }, "sdb", false, Kind::path, mp0, "mpatha",
     "held by the existing map mpatha"},
    {"held by an mpath map, though its devnode is blacklisted now",
     "blacklist {\n devnode ^sda$\n}\n", "", "", "0", [](Snapshot& s) { mapped(s, true); }, "sda",
     false, Kind::path, mp0, "mpatha", "held by the existing map mpatha"},
    {"held by an mpath map under find_multipaths off", off, "", "", "",
     [](Snapshot& s) { mapped(s, true); }, "sda", true, Kind::path, mp0, "mpatha",
     "held by the existing map mpatha"},
    {"held by another dm map, though a map for the WWID exists", greedy, "", "", "",
     [](Snapshot& s) {
         mapped(s, false);
         dev(s, "sda").holders = {"dm-5"};
         s.maps.push_back({"vg-root", "LVM-abc", {253, 5}, "0 100 linear 8:0 2048", 1, "", false, {}, {}});
     },
     "sda", false, Kind::not_path, mp0, "mpatha", "not claimed: sda is held by dm-5 (vg-root)"},

    // 2. Not a path.
    {"blacklisted by the built-in devnode rule", "", "", "", "", nullptr, "vda", false,
     Kind::not_path, "", "",
     "blacklisted by devnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\" (built-in blacklist)"},
    {"blacklisted WWID, with the rule's origin", "blacklist {\n wwid d1$\n}\n", "", "", "", nullptr,
     "sdc", false, Kind::not_path, "", "",
     "blacklisted by wwid \"d1$\" (blacklist section, /etc/multipath.conf:2)"},
    {"blacklisted WWID, though in the wwids file and with a map", "blacklist {\n wwid mp0$\n}\n",
     listed_mp0, "", "", [](Snapshot& s) { mapped(s, false); }, "sdb", false, Kind::not_path, "",
     "", "blacklisted by wwid \"mp0$\" (blacklist section, /etc/multipath.conf:2)"},
    {"a partition is not a path", greedy, "", "", "", nullptr, "sda1", false, Kind::not_path, "",
     "", "partition of sda"},
    {"a device the snapshot lacks", greedy, "", "", "", nullptr, "sdz", false, Kind::not_path, "",
     "", "\"sdz\" is not in the snapshot"},

    // 3. In use: never claimed, whatever the mode (more in in_use_under_every_mode).
    {"a mounted partition keeps it from multipath", greedy, "", "", "",
     [](Snapshot& s) { dev(s, "sda1").mountpoints = {"/boot"}; }, "sda", false, Kind::not_path,
     mp0, "", "not claimed: sda1 is mounted on /boot"},
    {"mounted, though the WWID is in the wwids file", "", listed_mp0, "", "",
     [](Snapshot& s) { dev(s, "sdb1").mountpoints = {"/"}; }, "sdb", false, Kind::not_path, mp0,
     "", "not claimed: sdb1 is mounted on /"},
    {"active swap, though the WWID is in the wwids file", "", listed_mp0, "", "",
     [](Snapshot& s) { dev(s, "sda").swap = true; }, "sda", false, Kind::not_path, mp0, "",
     "not claimed: sda is an active swap device"},
    {"mounted, though a map for the WWID exists", "", "", "", "",
     [](Snapshot& s) {
         mapped(s, false);
         dev(s, "sdb1").mountpoints = {"/"};
     },
     "sdb", false, Kind::not_path, mp0, "mpatha", "not claimed: sdb1 is mounted on /"},
    {"a holder that is not an mpath map", greedy, "", "", "",
     [](Snapshot& s) {
         dev(s, "sdc").holders = {"dm-5"};
         s.maps.push_back({"vg-root", "LVM-abc", {253, 5}, "0 100 linear 8:32 2048", 1, "", false, {}, {}});
     },
     "sdc", false, Kind::not_path, d1, "", "not claimed: sdc is held by dm-5 (vg-root)"},

    // 4. greedy, subject to the released check (before the wwids file).
    {"greedy takes every path", greedy, "", "", "", nullptr, "sdc", false, Kind::path, d1, "",
     "find_multipaths greedy" + at_defaults + ": every path is used"},
    {"greedy: released earlier stays released", greedy, "", "", "0", nullptr, "sdc", false,
     Kind::not_path, d1, "", released},
    {"greedy: released earlier stays released, though in the wwids file", greedy,
     "/" + d1 + "/\n", "", "0", nullptr, "sdc", false, Kind::not_path, d1, "", released},
    {"greedy: an earlier 1 changes nothing", greedy, "", "", "1", nullptr, "sdc", false,
     Kind::path, d1, "", "find_multipaths greedy" + at_defaults + ": every path is used"},

    // 5. The wwids file, without the released check.
    {"a single path in the wwids file", "", "/" + d1 + "/\n", "", "", nullptr, "sdc", false,
     Kind::path, d1, "", "WWID is in the wwids file"},
    {"in the wwids file, though released earlier", "", listed_mp0, "", "0", nullptr, "sda", false,
     Kind::path, mp0, "", "WWID is in the wwids file"},
    {"yes: in the wwids file", yes, listed_mp0, "", "", nullptr, "sdb", false, Kind::path, mp0, "",
     "WWID is in the wwids file"},
    {"off: in the wwids file", off, "/" + d1 + "/\n", "", "", nullptr, "sdc", false, Kind::path,
     d1, "", "WWID is in the wwids file"},
    {"smart: in the wwids file, no need to count", smart, "/" + d1 + "/\n", "", "", nullptr, "sdc",
     false, Kind::path, d1, "", "WWID is in the wwids file"},
    {"smart: in the wwids file, though released earlier", smart, listed_mp0, "", "0", nullptr,
     "sda", false, Kind::path, mp0, "", "WWID is in the wwids file"},

    // 6. A map for the WWID, subject to the released check.
    {"a map for the WWID exists (path not yet in it)", "", "", "", "",
     [](Snapshot& s) { mapped(s, false); }, "sdb", false, Kind::path, mp0, "mpatha",
     "a map for this WWID exists"},
    {"a map for the WWID exists, but released earlier", "", "", "", "0",
     [](Snapshot& s) { mapped(s, false); }, "sdb", false, Kind::not_path, mp0, "mpatha", released},
    {"yes: a map for the WWID exists", yes, "", "", "", [](Snapshot& s) { mapped(s, false); },
     "sda", false, Kind::path, mp0, "mpatha", "a map for this WWID exists"},
    {"smart: a map for the WWID exists, no need to count", smart, "", "", "",
     [](Snapshot& s) { mapped(s, false); }, "sda", false, Kind::path, mp0, "mpatha",
     "a map for this WWID exists"},

    // 7. strict, on/yes, off: strict in udev.
    {"strict leaves a single path", "", "", "", "", nullptr, "sdc", false, Kind::not_path, d1, "",
     "find_multipaths strict (built-in default): WWID " + d1 + " is not in the wwids file"},
    {"strict: an earlier 1 changes nothing", "", "", "", "1", nullptr, "sdc", false,
     Kind::not_path, d1, "",
     "find_multipaths strict (built-in default): WWID " + d1 + " is not in the wwids file"},
    {"strict leaves two paths too", "defaults {\n find_multipaths strict\n}\n", "", "", "",
     nullptr, "sda", true, Kind::not_path, mp0, "",
     "find_multipaths strict" + at_defaults + ": WWID " + mp0 + " is not in the wwids file"},
    {"yes: two paths unlisted, without asking for the others", yes, "", "", "", nullptr, "sda",
     false, Kind::not_path, mp0, "", as_strict("on", mp0)},
    {"yes: two paths unlisted, all devices read", yes, "", "", "", nullptr, "sda", true,
     Kind::not_path, mp0, "", as_strict("on", mp0)},
    {"on: a single path unlisted", "defaults {\n find_multipaths on\n}\n", "", "", "", nullptr,
     "sdc", true, Kind::not_path, d1, "", as_strict("on", d1)},
    {"off: two paths unlisted", off, "", "", "", nullptr, "sdb", true, Kind::not_path, mp0, "",
     as_strict("off", mp0)},
    {"off: a single path unlisted", off, "", "", "", nullptr, "sdc", false, Kind::not_path, d1, "",
     as_strict("off", d1)},

    // 8. smart: counted once every device is read, subject to the released check.
    {"smart needs the other devices", smart, "", "", "", nullptr, "sdc", false,
     Kind::need_siblings, d1, "",
     "find_multipaths smart" + at_defaults + ": WWID " + d1 +
         " is not in the wwids file; its paths are not counted yet"},
    {"smart with two paths needs the other devices", smart, "", "", "", nullptr, "sda", false,
     Kind::need_siblings, mp0, "",
     "find_multipaths smart" + at_defaults + ": WWID " + mp0 +
         " is not in the wwids file; its paths are not counted yet"},
    {"smart with two paths, all devices read", smart, "", "", "", nullptr, "sda", true,
     Kind::path, mp0, "", "find_multipaths smart" + at_defaults + ": 2 paths share the WWID"},
    {"smart: a sibling found from the other side", smart, "", "", "", nullptr, "sdb", true,
     Kind::path, mp0, "", "find_multipaths smart" + at_defaults + ": 2 paths share the WWID"},
    {"smart: no sibling", smart, "", "", "", nullptr, "sdc", true, Kind::not_path, d1, "",
     "find_multipaths smart" + at_defaults + ": single path and WWID " + d1 +
         " is not in the wwids file (no wait timer in udev-check: a single path is released at once)"},
    {"smart: the only sibling is in use", smart, "", "", "",
     [](Snapshot& s) { dev(s, "sdb1").mountpoints = {"/"}; }, "sda", true, Kind::not_path, mp0, "",
     "not claimed: sdb1 is mounted on /"},
    {"smart: a sibling in use does not count, a free one does", smart, "", "", "",
     [](Snapshot& s) {
         third_path(s);
         dev(s, "sdb1").mountpoints = {"/"};
     },
     "sdd", true, Kind::path, mp0, "",
     "find_multipaths smart" + at_defaults + ": 2 paths share the WWID"},
    {"smart: three free paths", smart, "", "", "", third_path, "sdd", true, Kind::path, mp0, "",
     "find_multipaths smart" + at_defaults + ": 3 paths share the WWID"},
    {"smart: a blacklisted sibling does not count",
     smart + "blacklist {\n devnode ^sdb$\n}\n", "", "", "", nullptr, "sda", true, Kind::not_path,
     mp0, "",
     "find_multipaths smart" + at_defaults + ": single path and WWID " + mp0 +
         " is not in the wwids file (no wait timer in udev-check: a single path is released at once)"},
    {"smart: released earlier, without asking for the others", smart, "", "", "0", nullptr, "sda",
     false, Kind::not_path, mp0, "", released},
    {"smart: released earlier stays released with two paths", smart, "", "", "0", nullptr, "sda",
     true, Kind::not_path, mp0, "", released},

    // The alias printed with the verdict.
    {"alias from the multipaths section",
     greedy + "multipaths {\n multipath {\n  wwid " + d1 + "\n  alias data\n }\n}\n", "", "", "",
     nullptr, "sdc", false, Kind::path, d1, "data",
     "find_multipaths greedy" + at_defaults + ": every path is used"},
    {"alias from a binding", "defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n",
     "", "mpathb " + d1 + "\n", "", nullptr, "sdc", false, Kind::path, d1, "mpathb",
     "find_multipaths greedy" + at_defaults + ": every path is used"},
    {"no alias from a binding with user_friendly_names no", greedy, "", "mpathb " + d1 + "\n", "",
     nullptr, "sdc", false, Kind::path, d1, "",
     "find_multipaths greedy" + at_defaults + ": every path is used"},
    {"no new friendly name is invented",
     "defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n", "", "", "", nullptr,
     "sdc", false, Kind::path, d1, "",
     "find_multipaths greedy" + at_defaults + ": every path is used"},
    {"a binding whose name another WWID's map holds is not the alias",
     "defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n", "",
     "mpatha " + d1 + "\n", "", [](Snapshot& s) { mapped(s, true); }, "sdc", false, Kind::path,
     d1, "",
     "find_multipaths greedy" + at_defaults + ": every path is used"},
    {"no alias when the holding map is named by its WWID", "", "", "", "",
     [](Snapshot& s) {
         s.maps.push_back({mp0, "mpath-" + mp0, {253, 0}, "0 2097152 multipath ...", 1, "", false, {}, {}});
         dev(s, "sda").holders = {"dm-0"};
     },
     "sda", false, Kind::path, mp0, "", "held by the existing map " + mp0},
};

const char* kind_name(Kind k)
{
    return k == Kind::path ? "path" : k == Kind::not_path ? "not_path" : "need_siblings";
}

// The verdict as one line, so that a failure shows every field.
std::string line(Kind k, const std::string& wwid, const std::string& alias, const std::string& why)
{
    return std::string(kind_name(k)) + " wwid=" + wwid + " alias=" + alias + " reason=" + why;
}

UdevVerdict run(const Case& c)
{
    Snapshot full = machine();
    if (c.change)
        c.change(full);
    auto cfg = test::config_from(c.conf);
    auto w = parse_wwids(c.wwids, "/etc/multipath/wwids");
    auto b = parse_bindings(c.bindings, "/etc/multipath/bindings");
    UdevInput in{cfg, w, b, c.earlier};
    auto snap = c.enumerated ? full : just(full, c.device);
    return udev_verdict(snap, c.device, in, c.enumerated);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(udev_verdict_decisions)

BOOST_DATA_TEST_CASE(decisions, bdata::make(cases), c)
{
    auto v = run(c);
    BOOST_TEST(line(v.kind, v.wwid, v.alias, v.reason) == line(c.kind, c.wwid, c.alias, c.reason));
}

// need_siblings comes back only for smart before enumeration; two paths
// unlisted, nothing in use, nothing released.
struct ModeCase {
    const char* mode;
    bool enumerated;
    Kind kind;
};

std::ostream& operator<<(std::ostream& os, const ModeCase& c)
{
    return os << c.mode << (c.enumerated ? " enumerated" : " alone");
}

const ModeCase mode_cases[] = {
    {"strict", false, Kind::not_path},     {"strict", true, Kind::not_path},
    {"off", false, Kind::not_path},        {"off", true, Kind::not_path},
    {"no", false, Kind::not_path},         {"no", true, Kind::not_path},
    {"greedy", false, Kind::path},         {"greedy", true, Kind::path},
    {"yes", false, Kind::not_path},        {"yes", true, Kind::not_path},
    {"on", false, Kind::not_path},         {"on", true, Kind::not_path},
    {"smart", false, Kind::need_siblings}, {"smart", true, Kind::path},
};

BOOST_DATA_TEST_CASE(need_siblings_only_for_smart_before_counting, bdata::make(mode_cases), c)
{
    Case k{"", std::string("defaults {\n find_multipaths ") + c.mode + "\n}\n", "", "", "", nullptr,
           "sda", c.enumerated, c.kind, "", "", ""};
    BOOST_TEST(std::string(kind_name(run(k).kind)) == kind_name(c.kind));
}

// The deliberate deviation from multipath-tools: in use is never claimed,
// whatever the mode, even with the WWID listed and a map present.
const char* all_modes[] = {"strict", "off", "no", "greedy", "yes", "on", "smart"};

BOOST_DATA_TEST_CASE(in_use_under_every_mode,
                     bdata::make(all_modes) * bdata::make({false, true}) * bdata::make({"", "1"}),
                     mode, enumerated, earlier)
{
    Case k{"", std::string("defaults {\n find_multipaths ") + mode + "\n}\n", listed_mp0, "",
           earlier,
           [](Snapshot& s) {
               mapped(s, false);
               dev(s, "sda1").mountpoints = {"/boot"};
           },
           "sda", enumerated, Kind::not_path, "", "", ""};
    auto v = run(k);
    BOOST_TEST(line(v.kind, v.wwid, v.alias, v.reason) ==
               line(Kind::not_path, mp0, "mpatha", "not claimed: sda1 is mounted on /boot"));
}

// Released earlier: path only from the steps without the check.
struct ReleasedCase {
    const char* name;
    std::string conf, wwids;
    bool map_exists, held;
    Kind kind;
};

std::ostream& operator<<(std::ostream& os, const ReleasedCase& c) { return os << c.name; }

const ReleasedCase released_cases[] = {
    {"held by the map", "", "", true, true, Kind::path},
    {"greedy", greedy, "", false, false, Kind::not_path},
    {"greedy, listed", greedy, listed_mp0, false, false, Kind::not_path},
    {"strict, listed", "", listed_mp0, false, false, Kind::path},
    {"yes, listed", yes, listed_mp0, false, false, Kind::path},
    {"smart, listed", smart, listed_mp0, false, false, Kind::path},
    {"strict, map exists", "", "", true, false, Kind::not_path},
    {"yes, map exists", yes, "", true, false, Kind::not_path},
    {"smart, map exists", smart, "", true, false, Kind::not_path},
    {"smart, two paths", smart, "", false, false, Kind::not_path},
};

BOOST_DATA_TEST_CASE(released_earlier, bdata::make(released_cases) * bdata::make({false, true}),
                     c, enumerated)
{
    bool map_exists = c.map_exists, held = c.held;
    Case k{"", c.conf, c.wwids, "", "0",
           [=](Snapshot& s) {
               if (map_exists)
                   mapped(s, held);
           },
           "sda", enumerated, c.kind, "", "", ""};
    BOOST_TEST(std::string(kind_name(run(k).kind)) == kind_name(c.kind));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(udev_verdict_output)

BOOST_AUTO_TEST_CASE(a_path_with_wwid_and_alias)
{
    auto out = udev_properties({Kind::path, "0QEMU_QEMU_HARDDISK_mpath0", "mpatha", "why"});
    BOOST_TEST(out.text ==
               "DM_MULTIPATH_DEVICE_PATH=1\n"
               "MPATH_BOOT_PATH=1\n"
               "MPATH_BOOT_WWID=0QEMU_QEMU_HARDDISK_mpath0\n"
               "MPATH_BOOT_ALIAS=mpatha\n");
    BOOST_TEST(out.warnings.empty());
}

BOOST_AUTO_TEST_CASE(not_a_path_without_alias)
{
    auto out = udev_properties({Kind::not_path, "3600a0b800011111", "", "why"});
    BOOST_TEST(out.text ==
               "DM_MULTIPATH_DEVICE_PATH=0\n"
               "MPATH_BOOT_PATH=0\n"
               "MPATH_BOOT_WWID=3600a0b800011111\n");
    BOOST_TEST(out.warnings.empty());
}

BOOST_AUTO_TEST_CASE(nothing_known)
{
    auto out = udev_properties({Kind::not_path, "", "", "blacklisted"});
    BOOST_TEST(out.text == "DM_MULTIPATH_DEVICE_PATH=0\nMPATH_BOOT_PATH=0\n");
}

BOOST_AUTO_TEST_CASE(need_siblings_prints_nothing)
{
    auto out = udev_properties({Kind::need_siblings, "w", "", "find_multipaths on: ..."});
    BOOST_TEST(out.text == "");
    BOOST_TEST(out.warnings == std::vector<std::string>{
                                   "no verdict printed: the other devices must be read first "
                                   "(find_multipaths on: ...)"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_value_of_letters_digits_and_punctuation_of_names_is_printed)
{
    auto out = udev_properties({Kind::path, "eui.0025:38b7/1b_1c-0A4", "", ""});
    BOOST_TEST(out.text == "DM_MULTIPATH_DEVICE_PATH=1\nMPATH_BOOT_PATH=1\n"
                           "MPATH_BOOT_WWID=eui.0025:38b7/1b_1c-0A4\n");
    BOOST_TEST(out.warnings.empty());
}

struct Unsafe {
    const char* name;
    std::string value;
    std::string warning;  // after "MPATH_BOOT_ALIAS not printed: value "
};

std::ostream& operator<<(std::ostream& os, const Unsafe& u) { return os << u.name; }

const Unsafe unsafe[] = {
    {"newline", "a\nDM_MULTIPATH_DEVICE_PATH=0",
     "\"a\\x0aDM_MULTIPATH_DEVICE_PATH=0\" contains control character 0x0a"},
    {"equals sign", "a=b", "\"a=b\" contains the character \"=\""},
    {"double quote", "a\"b", "\"a\\\"b\" contains the character \"\\\"\""},
    {"single quote", "a'b", "\"a'b\" contains the character \"'\""},
    {"backtick", "a`id`", "\"a`id`\" contains the character \"`\""},
    {"dollar", "$(reboot)", "\"$(reboot)\" contains the character \"$\""},
    {"backslash", "a\\b", "\"a\\\\b\" contains the character \"\\\\\""},
    {"semicolon", "a;b", "\"a;b\" contains the character \";\""},
    {"control character 0x01", "a\x01" "b", "\"a\\x01b\" contains control character 0x01"},
    {"DEL 0x7f", "a\x7f" "b", "\"a\\x7fb\" contains control character 0x7f"},
    {"tab", "a\tb", "\"a\\x09b\" contains control character 0x09"},
    {"high byte", "caf\xc3\xa9", "\"caf\xc3\xa9\" contains non-ASCII byte 0xc3"},
    {"leading space", " mpatha", "\" mpatha\" begins with a space"},
    {"trailing space", "mpatha ", "\"mpatha \" ends with a space"},
    // Only [A-Za-z0-9_.:/-]: what else a value holds may mean something to
    // udev's rules or to a script that reads the database (found by
    // fuzz/udev_check.cc: a WWID "eui.002538(b71b1c0a4" was printed).
    {"space inside", "SATA disk 1", "\"SATA disk 1\" contains the character \" \""},
    {"parenthesis", "eui.002538(b71b1c0a4", "\"eui.002538(b71b1c0a4\" contains the character \"(\""},
    {"hash", "abc#def", "\"abc#def\" contains the character \"#\""},
    {"glob", "mpath*", "\"mpath*\" contains the character \"*\""},
    {"pipe", "a|b", "\"a|b\" contains the character \"|\""},
    {"plus", "a+b", "\"a+b\" contains the character \"+\""},
};

BOOST_DATA_TEST_CASE(an_unsafe_value_is_left_out, bdata::make(unsafe), u)
{
    auto out = udev_properties({Kind::path, "0QEMU_QEMU_HARDDISK_mpath0", u.value, ""});
    BOOST_TEST(out.text ==
               "DM_MULTIPATH_DEVICE_PATH=1\n"
               "MPATH_BOOT_PATH=1\n"
               "MPATH_BOOT_WWID=0QEMU_QEMU_HARDDISK_mpath0\n");
    BOOST_TEST(out.warnings == std::vector<std::string>{"MPATH_BOOT_ALIAS not printed: value " +
                                                        u.warning},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(each_unsafe_value_warns_once_and_the_verdict_stays)
{
    auto out = udev_properties({Kind::not_path, "w=1", "a$b", ""});
    BOOST_TEST(out.text == "DM_MULTIPATH_DEVICE_PATH=0\nMPATH_BOOT_PATH=0\n");
    BOOST_TEST(out.warnings ==
                   (std::vector<std::string>{
                       "MPATH_BOOT_WWID not printed: value \"w=1\" contains the character \"=\"",
                       "MPATH_BOOT_ALIAS not printed: value \"a$b\" contains the character \"$\""}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

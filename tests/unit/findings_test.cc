// SPDX-License-Identifier: GPL-2.0-or-later
// diagnose's findings: each code on a hand-made machine, the cases that
// must not raise it, and overlapping causes in their order.
#include <boost/test/unit_test.hpp>

#include "diagnose_fixtures.hh"

using namespace mpb;
using namespace mpb::test;

namespace {

using Codes = std::vector<std::string>;

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// machine() with its volume mp0 assembled as `name` over sda and sdb, and
// root mounted from its first partition map on `mountpoint`.
Case assembled(const std::string& name, const std::string& mountpoint)
{
    Case c;
    auto map = multipath_map(name, mp0, 0, {"8:0", "8:16"});
    auto part = partition_map(map, mp0, 1, 1);
    part.mountpoints = {mountpoint};
    dev(c.snap, "sda").holders = {"dm-0"};
    dev(c.snap, "sdb").holders = {"dm-0"};
    c.snap.maps = {map, part};
    return c;
}

const std::string listed = "/" + mp0 + "/\n";
// Friendly names, as installers set them: without them bindings name nothing.
const std::string friendly = "defaults {\n\tuser_friendly_names yes\n}\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(findings)

BOOST_AUTO_TEST_CASE(a_healthy_boot_has_no_finding)
{
    Case c = assembled("mpatha", "/sysroot");
    c.snap.cmdline = "root=UUID=1234";
    c.here = root_files("this initramfs", {friendly, listed, "mpatha " + mp0 + "\n", ""});
    c.other = root_files("the real root (/sysroot)", {friendly, listed, "mpatha " + mp0 + "\n", ""});
    auto d = c.run();
    BOOST_TEST(codes_of(d) == Codes{}, boost::test_tools::per_element());
    BOOST_TEST(d.root.why == "on mpatha-part1, partition 1 of the multipath map of WWID " + mp0);
}

BOOST_AUTO_TEST_CASE(wwid_not_listed_under_strict_names_the_wwid_the_paths_and_the_root)
{
    Case c;
    c.snap.cmdline = "root=/dev/mapper/mpatha-part1";
    auto d = c.run();
    BOOST_TEST(codes_of(d) == (Codes{"wwid-not-listed", "unclaimed-multipath"}), boost::test_tools::per_element());
    const Finding& f = finding(d, FindingCode::wwid_not_listed);
    BOOST_TEST(f.subjects == (std::vector<std::string>{mp0, "sda", "sdb"}), boost::test_tools::per_element());
    BOOST_TEST(f.message == "sda and sdb have WWID " + mp0 + ", which is not in /etc/multipath/wwids "
                            "(find_multipaths strict (built-in default): WWID " + mp0 +
                                " is not in the wwids file), so no map was built, and "
                                "/dev/mapper/mpatha-part1 never appeared; yet sda and sdb show the same WWID");
    BOOST_TEST(f.remedy == "add it with `mpath-boot wwids add " + mp0 +
                               "` (or list it in the kickstart) and rebuild the initramfs with `dracut -f`");
}

BOOST_AUTO_TEST_CASE(a_single_path_disk_nobody_asks_for_is_no_finding)
{
    Case c;  // vda, and sdc (d1) alone: no map, not listed, one path
    c.snap.devices = {c.snap.devices.front(), c.snap.devices.back()};
    BOOST_TEST(codes_of(c.run()) == Codes{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(blacklisted_names_the_rule_and_comes_before_unclaimed)
{
    Case c;
    c.here = root_files("this initramfs", {"blacklist {\n\tdevnode \"^sd[ab]\"\n}\n", listed, "", ""});
    auto d = c.run();
    BOOST_TEST(codes_of(d) == (Codes{"blacklisted", "unclaimed-multipath"}), boost::test_tools::per_element());
    const Finding& f = finding(d, FindingCode::blacklisted);
    BOOST_TEST(f.subjects == (std::vector<std::string>{mp0, "sda", "sdb"}), boost::test_tools::per_element());
    BOOST_TEST(mentions(f.message, "sda and sdb (WWID " + mp0 + ") are blacklisted by devnode \"^sd[ab]\""));
    BOOST_TEST(mentions(f.message, "/etc/multipath.conf:2"));
    BOOST_TEST(mentions(f.message, "although WWID " + mp0 + " is listed in /etc/multipath/wwids"));
    BOOST_TEST(mentions(f.remedy, "blacklist_exceptions"));
}

BOOST_AUTO_TEST_CASE(a_blacklisted_disk_nothing_asks_for_is_no_finding)
{
    Case c;
    c.here = root_files("this initramfs", {"blacklist {\n\tdevnode \"^sdc\"\n}\n", listed, "", ""});
    c.snap = assembled("mpatha", "/sysroot").snap;
    BOOST_TEST(codes_of(c.run()) == Codes{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(alias_conflict_in_bindings_names_both_wwids_and_lines)
{
    Case c = assembled("mpathb", "/sysroot");
    c.here = root_files("this initramfs", {"", listed, "mpatha W_OTHER\nmpatha " + mp0 + "\n", ""});
    auto d = c.run();
    BOOST_TEST(codes_of(d) == Codes{"alias-conflict"}, boost::test_tools::per_element());
    const Finding& f = finding(d, FindingCode::alias_conflict);
    BOOST_TEST(f.subjects == (std::vector<std::string>{"mpatha", "W_OTHER", mp0}), boost::test_tools::per_element());
    BOOST_TEST(mentions(f.message, "the alias mpatha is given to W_OTHER (/etc/multipath/bindings:1) and " + mp0 +
                                       " (/etc/multipath/bindings:2)"));
}

BOOST_AUTO_TEST_CASE(alias_conflict_between_multipaths_and_bindings)
{
    Case c = assembled("mpatha", "/sysroot");
    c.here = root_files("this initramfs",
                        {"multipaths {\n\tmultipath {\n\t\twwid W_OTHER\n\t\talias mpatha\n\t}\n}\n", listed,
                         "mpatha " + mp0 + "\n", ""});
    auto d = c.run();
    const Finding& f = finding(d, FindingCode::alias_conflict);
    BOOST_TEST(f.subjects == (std::vector<std::string>{"mpatha", mp0, "W_OTHER"}), boost::test_tools::per_element());
    BOOST_TEST(mentions(f.message, "/etc/multipath.conf:4"));
}

BOOST_AUTO_TEST_CASE(a_wwid_under_two_aliases_is_a_conflict)
{
    Case c = assembled("mpatha", "/sysroot");
    c.here = root_files("this initramfs", {"", listed, "mpatha " + mp0 + "\nmpathz " + mp0 + "\n", ""});
    auto d = c.run();
    const Finding& f = finding(d, FindingCode::alias_conflict);
    BOOST_TEST(f.subjects == (std::vector<std::string>{mp0, "mpatha", "mpathz"}), boost::test_tools::per_element());
    BOOST_TEST(mentions(f.message, "mpatha (line 1) is the binding that counts, the other lines are ignored"));
}

// The VM's case: a hand edit gave the alias of a gone volume to the root
// volume, whose line is ignored; assemble then bound the root to mpathb.
// The binding that counts is the later one, and the message says so.
BOOST_AUTO_TEST_CASE(the_binding_that_counts_is_named_not_the_first_line)
{
    Case c = assembled("mpathb", "/sysroot");
    c.here = root_files("this initramfs",
                        {"", listed, "mpatha W_GONE\nmpatha " + mp0 + "\nmpathb " + mp0 + "\n", ""});
    auto d = c.run();
    BOOST_TEST(codes_of(d) == (Codes{"alias-conflict", "alias-conflict"}), boost::test_tools::per_element());
    BOOST_TEST(mentions(d.findings[0].message, "; WWID W_GONE has it (line 1), so the others are named otherwise"));
    BOOST_TEST(mentions(d.findings[1].message, "mpathb (line 3) is the binding that counts"));
}

BOOST_AUTO_TEST_CASE(name_mismatch_when_renaming_is_off)
{
    Case c = assembled("mpatha", "/sysroot");
    c.snap.cmdline = "root=UUID=1234";
    c.here = root_files("this initramfs", {friendly, listed, "mpatha " + mp0 + "\n", "[boot]\nrename_at_handover = no\n"});
    c.other = root_files("the real root (/sysroot)", {friendly, listed, "rootdisk " + mp0 + "\n", ""});
    auto d = c.run();
    BOOST_TEST(codes_of(d) == (Codes{"initramfs-stale", "name-mismatch"}), boost::test_tools::per_element());
    const Finding& f = finding(d, FindingCode::name_mismatch);
    BOOST_TEST(f.subjects == (std::vector<std::string>{mp0, "mpatha", "rootdisk"}), boost::test_tools::per_element());
    BOOST_TEST(mentions(f.message, "rename_at_handover is no"));
}

BOOST_AUTO_TEST_CASE(names_that_differ_are_no_mismatch_while_the_handover_renames)
{
    Case c = assembled("mpatha", "/sysroot");
    c.snap.cmdline = "root=UUID=1234";
    c.here = root_files("this initramfs", {friendly, listed, "mpatha " + mp0 + "\n", ""});
    c.other = root_files("the real root (/sysroot)", {friendly, listed, "rootdisk " + mp0 + "\n", ""});
    BOOST_TEST(codes_of(c.run()) == Codes{"initramfs-stale"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(name_mismatch_when_root_waits_for_the_real_roots_name)
{
    Case c = assembled("mpatha", "/sysroot");
    c.snap.maps[1].mountpoints.clear();  // root never came
    c.snap.cmdline = "root=/dev/mapper/rootdisk-part1";
    c.here = root_files("this initramfs", {friendly, listed, "mpatha " + mp0 + "\n", ""});
    c.other = root_files("the real root (/sysroot)", {friendly, listed, "rootdisk " + mp0 + "\n", ""});
    auto d = c.run();
    const Finding& f = finding(d, FindingCode::name_mismatch);
    BOOST_TEST(mentions(f.message, "/dev/mapper/rootdisk-part1 waits for the real root's name"));
}

BOOST_AUTO_TEST_CASE(in_the_real_root_a_map_not_named_as_its_files_say_is_a_mismatch)
{
    Case c = assembled("mpatha", "/");
    c.in_initramfs = false;
    c.here = root_files("this real root", {friendly, listed, "rootdisk " + mp0 + "\n", ""});
    auto d = c.run();
    const Finding& f = finding(d, FindingCode::name_mismatch);
    BOOST_TEST(f.subjects == (std::vector<std::string>{mp0, "mpatha", "rootdisk"}), boost::test_tools::per_element());
    BOOST_TEST(mentions(f.message, "the handover did not rename it"));
}

BOOST_AUTO_TEST_CASE(initramfs_stale_comes_before_the_wwid_it_leaves_unlisted)
{
    Case c;
    c.snap.cmdline = "root=/dev/mapper/mpatha-part1";
    c.other = root_files("the real root (/sysroot)", {"", listed, "", ""});
    auto d = c.run();
    BOOST_TEST(codes_of(d) == (Codes{"initramfs-stale", "wwid-not-listed", "unclaimed-multipath"}),
               boost::test_tools::per_element());
    const Finding& f = finding(d, FindingCode::initramfs_stale);
    BOOST_TEST(f.subjects == (std::vector<std::string>{"/etc/multipath/wwids", mp0}), boost::test_tools::per_element());
    BOOST_TEST(mentions(f.message, "the real root (/sysroot) lists WWID " + mp0 + ", this initramfs does not"));
    BOOST_TEST(mentions(f.remedy, "dracut -f"));
    BOOST_TEST(mentions(finding(d, FindingCode::wwid_not_listed).message,
                        "the real root (/sysroot) lists WWID " + mp0 + " in its wwids file"));
}

BOOST_AUTO_TEST_CASE(config_errors_of_both_files_name_file_and_line)
{
    Case c;
    c.snap = assembled("mpatha", "/sysroot").snap;
    c.here = root_files("this initramfs", {"defaults {\n", listed, "", "[boot]\npath_wait = soon\n"});
    auto d = c.run();
    BOOST_TEST_REQUIRE(!d.findings.empty());
    const Finding& f = d.findings.front();
    BOOST_TEST(to_string(f.code) == "config-error");
    BOOST_TEST(f.subjects.size() == 2u);
    BOOST_TEST(f.subjects.at(0).starts_with("/etc/multipath.conf:"));
    BOOST_TEST(f.subjects.at(1) == "/etc/mpath-boot.conf:2");
    BOOST_TEST(mentions(f.message, "this initramfs used the built-in multipath defaults instead"));
}

BOOST_AUTO_TEST_CASE(module_missing_when_the_next_initramfs_cannot_assemble_root)
{
    Case c = assembled("mpatha", "/");
    c.in_initramfs = false;
    c.here = root_files("this real root", {friendly, listed, "mpatha " + mp0 + "\n", ""});
    c.other = root_files("the initramfs /boot/initrd.img-6.1", {friendly, listed, "mpatha " + mp0 + "\n", ""});
    c.other->dracut_modules = "systemd\nrootfs-block\nbase\n";
    auto d = c.run();
    BOOST_TEST(codes_of(d) == Codes{"module-missing"}, boost::test_tools::per_element());
    BOOST_TEST(finding(d, FindingCode::module_missing).subjects ==
                   std::vector<std::string>{"the initramfs /boot/initrd.img-6.1"},
               boost::test_tools::per_element());
    c.other->dracut_modules = "systemd\nmpath-boot\n";
    BOOST_TEST(codes_of(c.run()) == Codes{}, boost::test_tools::per_element());
}

// Under strict with the WWID unlisted no map was coming anyway: the mount
// is not why, so the finding is wwid-not-listed, not path-in-use.
BOOST_AUTO_TEST_CASE(a_use_is_no_cause_where_find_multipaths_leaves_the_volume_anyway)
{
    Case c;
    dev(c.snap, "sda1").mountpoints = {"/sysroot"};
    auto d = c.run();
    BOOST_TEST(codes_of(d) == (Codes{"wwid-not-listed", "root-on-path", "unclaimed-multipath"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(root_on_a_raw_path_comes_before_the_path_it_holds)
{
    Case c;
    dev(c.snap, "sda1").mountpoints = {"/sysroot"};
    c.here = root_files("this initramfs", {"", listed, "", ""});
    auto d = c.run();
    BOOST_TEST(codes_of(d) == (Codes{"root-on-path", "path-in-use", "unclaimed-multipath"}),
               boost::test_tools::per_element());
    BOOST_TEST(finding(d, FindingCode::root_on_path).subjects == (std::vector<std::string>{"sda1", mp0}),
               boost::test_tools::per_element());
    const Finding& used = finding(d, FindingCode::path_in_use);
    BOOST_TEST(used.subjects == (std::vector<std::string>{mp0, "sda"}), boost::test_tools::per_element());
    BOOST_TEST(mentions(used.message, "sda1 is mounted on /sysroot"));
}

BOOST_AUTO_TEST_CASE(map_no_path_when_every_path_failed)
{
    Case c = assembled("mpatha", "/sysroot");
    c.here = root_files("this initramfs", {friendly, listed, "mpatha " + mp0 + "\n", ""});
    c.snap.maps[0] = multipath_map("mpatha", mp0, 0, {"8:0", "8:16"}, true);
    auto d = c.run();
    BOOST_TEST(codes_of(d) == Codes{"map-no-path"}, boost::test_tools::per_element());
    BOOST_TEST(finding(d, FindingCode::map_no_path).message ==
               "map mpatha (WWID " + mp0 + ") has 2 paths and every one has failed: I/O to it queues or fails");
}

BOOST_AUTO_TEST_CASE(wait_gave_up_names_each_wwid_it_gave_up_on)
{
    Case c = assembled("mpatha", "/sysroot");
    c.here = root_files("this initramfs", {"", listed + "/W_GONE/\n", "mpatha " + mp0 + "\n", ""});
    c.wait_record = "gave up after 30 s waiting for WWID W_GONE (listed in /etc/multipath/wwids): no path arrived\n";
    auto d = c.run();
    BOOST_TEST(codes_of(d) == Codes{"wait-gave-up"}, boost::test_tools::per_element());
    const Finding& f = finding(d, FindingCode::wait_gave_up);
    BOOST_TEST(f.subjects == std::vector<std::string>{"W_GONE"}, boost::test_tools::per_element());
    BOOST_TEST(f.message == "the initramfs gave up after 30 s waiting for WWID W_GONE (listed in "
                            "/etc/multipath/wwids): no path arrived");
    BOOST_TEST(mentions(f.remedy, "mpath-boot wwids remove W_GONE"));
}

BOOST_AUTO_TEST_CASE(unclaimed_multipath_alone_when_the_wwid_is_listed_but_no_map_was_built)
{
    Case c;
    c.here = root_files("this initramfs", {"", listed, "", ""});
    auto d = c.run();
    BOOST_TEST(codes_of(d) == Codes{"unclaimed-multipath"}, boost::test_tools::per_element());
    BOOST_TEST(finding(d, FindingCode::unclaimed_multipath).subjects ==
                   (std::vector<std::string>{mp0, "sda", "sdb"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

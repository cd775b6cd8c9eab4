// SPDX-License-Identifier: GPL-2.0-or-later
// The installed system's files a kickstart makes, and --check's findings.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/bindings.hh"
#include "core/dm_name.hh"
#include "core/settings.hh"
#include "kickstart/plan.hh"
#include "unit_fixtures.hh"

using namespace mpb;
using namespace mpb::test;
using namespace mpb::ks;

namespace {

Place at(int line) { return {"ks.cfg", line}; }

// Root on volume mp0 (named sanroot), d1 a data disk left to the system.
Kickstart sanroot_kickstart()
{
    Kickstart ks;
    ks.aliases.push_back({mp0, "sanroot", at(2)});
    ks.find_multipaths = At<std::string>{"yes", at(3)};
    ks.friendly_names = At<bool>{true, at(4)};
    ks.disks.push_back({"disk/by-id/scsi-0QEMU_QEMU_HARDDISK_mp0", "ignoredisk --only-use", at(5)});
    return ks;
}

RunningFiles installer(const std::string& bindings = "")
{
    RunningFiles r;
    r.config.push_back({"/etc/multipath.conf", "# the installer's own\ndefaults {\n\tpolling_interval 10\n}\n"});
    r.bindings = bindings;
    r.bindings_file = "/etc/multipath/bindings";
    r.wwids_file = "/etc/multipath/wwids";
    return r;
}

InstalledTexts target()
{
    InstalledTexts t;
    t.dir = "/mnt/sysroot";
    t.fstab = "/dev/mapper/sanroot-part1 / ext4 defaults 0 1\n";
    return t;
}

const PlannedFile& file(const Plan& p, const char* path)
{
    for (const auto& f : p.files)
        if (std::string_view(f.path) == path)
            return f;
    BOOST_FAIL("no planned " << path);
    throw;
}

std::string texts(const Diagnostics& ds)
{
    std::string out;
    for (const auto& d : ds)
        out += d.text + "\n";
    return out;
}

InstalledTexts with_files(InstalledTexts t, const Plan& p)
{
    t.conf = file(p, conf_path).text;
    t.wwids = file(p, wwids_path).text;
    t.bindings = file(p, bindings_path).text;
    t.dracut = file(p, dracut_path).text;
    return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ks_plan)

BOOST_AUTO_TEST_CASE(sanroot_install)
{
    auto plan = plan_sysroot(sanroot_kickstart(), machine(), installer("mpatha " + mp0 + "\n"), target());
    BOOST_TEST_REQUIRE(texts(plan.diagnostics) == "");
    BOOST_TEST(file(plan, wwids_path).text == wwids_header + "/" + mp0 + "/\n");
    BOOST_TEST(file(plan, wwids_path).mode == 0600u);
    BOOST_TEST(file(plan, bindings_path).text == bindings_header + "sanroot " + mp0 + "\n");
    BOOST_TEST(file(plan, bindings_path).added == std::vector<std::string>{"binding sanroot " + mp0});
    BOOST_TEST(plan.notes == std::vector<std::string>{"/etc/multipath/bindings:1: mpatha " + mp0 +
                                                      " becomes sanroot " + mp0 + " (ks.cfg:2)"},
               boost::test_tools::per_element());
    const auto& conf = file(plan, conf_path).text;
    BOOST_TEST(conf.starts_with("# the installer's own\ndefaults {\n\tpolling_interval 10\n"), conf);
    Config cfg = load_config({{"conf", conf}});
    BOOST_TEST(texts(cfg.diagnostics) == "");
    BOOST_TEST_REQUIRE(cfg.find_multipath(mp0) != nullptr);
    BOOST_TEST(cfg.find_multipath(mp0)->alias->value == "sanroot");
    auto s = resolve_settings(cfg, {}, nullptr);
    BOOST_TEST(s.user_friendly_names.value);
    BOOST_TEST(std::string(to_string(s.find_multipaths.value)) == to_string(FindMultipaths::on));
    BOOST_TEST(file(plan, dracut_path).text.find("add_dracutmodules+=\" mpath-boot \"") != std::string::npos);
    BOOST_TEST(check_sysroot(sanroot_kickstart(), machine(), installer(), with_files(target(), plan)).empty());
}

BOOST_AUTO_TEST_CASE(friendly_names_for_used_volumes_and_kept_entries)
{
    Kickstart ks;
    ks.friendly_names = At<bool>{true, at(1)};
    ks.disks.push_back({"sdc", "part --ondisk", at(2)});
    ks.disks.push_back({"vda", "ignoredisk --only-use", at(3)});
    auto plan = plan_sysroot(ks, machine(), installer("mpatha OTHERWWID\n"), target());
    BOOST_TEST_REQUIRE(texts(plan.diagnostics) == "");
    BOOST_TEST(file(plan, bindings_path).text == "mpatha OTHERWWID\nmpathb " + d1 + "\n");
    BOOST_TEST(file(plan, wwids_path).text == wwids_header + "/" + d1 + "/\n");
    BOOST_TEST_REQUIRE(plan.notes.size() == 1u);
    BOOST_TEST(plan.notes[0].starts_with("ignoredisk --only-use vda (ks.cfg:3) is left alone: vda: blacklisted"),
               plan.notes[0]);
}

BOOST_AUTO_TEST_CASE(bad_input_plans_nothing)
{
    struct Case {
        const char* name;
        Kickstart ks;
        std::string bindings;
        std::string error;
    };
    Kickstart nowhere;
    nowhere.disks.push_back({"disk/by-id/scsi-nothing", "clearpart --drives", at(7)});
    Kickstart taken;
    taken.aliases.push_back({mp0, "data", at(3)});
    Kickstart twice;
    twice.aliases = {{mp0, "sanroot", at(2)}, {d1, "sanroot", at(6)}};
    Kickstart legacy_mixed;
    legacy_mixed.legacy.push_back({"root", {{"sda", at(4)}, {"sdc", at(5)}}, at(4)});
    const std::vector<Case> cases = {
        {"no device", nowhere, "", "ks.cfg:7: error: clearpart --drives disk/by-id/scsi-nothing: names no device\n"},
        {"alias bound elsewhere", taken, "data " + d1 + "\n",
         "ks.cfg:3: error: alias data for WWID " + mp0 + " is bound to WWID " + d1 +
             " in /etc/multipath/bindings:1\n"},
        {"one alias two WWIDs", twice, "",
         "ks.cfg:6: error: alias sanroot for WWID " + d1 + " conflicts with alias sanroot for WWID " + mp0 +
             " (ks.cfg:2)\n"},
        {"legacy group of two volumes", legacy_mixed, "",
         "ks.cfg:5: error: multipath --name=root --device=sdc: WWID " + d1 + " is not the group's WWID " + mp0 +
             "\n"},
    };
    for (const auto& c : cases) {
        auto plan = plan_sysroot(c.ks, machine(), installer(c.bindings), target());
        BOOST_TEST(texts(plan.diagnostics) == c.error);
        BOOST_TEST(plan.files.empty(), c.name);
    }
}

BOOST_AUTO_TEST_CASE(fstab_names_no_map_will_have_stop_the_plan)
{
    auto t = target();
    t.fstab = "/dev/mapper/sanroot-part1 / ext4 defaults 0 1\n/dev/mapper/mpathz-part1 /srv ext4 defaults 0 2\n";
    auto plan = plan_sysroot(sanroot_kickstart(), machine(), installer(), t);
    BOOST_TEST(texts(plan.diagnostics) ==
               "the installed system would not be consistent: /mnt/sysroot/etc/fstab:2: /dev/mapper/mpathz-part1: "
               "no map of the installed system will have this name\n");
}

BOOST_AUTO_TEST_CASE(check_names_each_fault_of_a_hand_broken_sysroot)
{
    auto t = target();
    t.fstab = "/dev/mapper/sanroot-part1 / ext4 defaults 0 1\n/dev/mapper/mpathq /srv ext4 defaults 0 2\n"
              "/dev/mapper/vg0-home /home ext4 defaults 0 2\n";
    t.conf = "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths yes\n}\n"
             "multipaths {\n\tmultipath {\n\t\twwid " + mp0 + "\n\t\talias sanroot\n\t}\n}\n";
    t.wwids = wwids_header;
    t.bindings = "sanroot " + d1 + "\n";
    t.dracut = "add_dracutmodules+=\" mpath-boot \"\n";
    auto lines = check_sysroot(sanroot_kickstart(), machine(), installer(), t);
    const std::vector<std::string> expected = {
        "/mnt/sysroot/etc/multipath/bindings:1: sanroot is bound to WWID " + d1 + ", the kickstart names WWID " +
            mp0 + " (ks.cfg:2)",
        "/mnt/sysroot/etc/multipath/wwids: WWID " + mp0 +
            " is missing: the installation uses it (alias sanroot (ks.cfg:2))",
        "/mnt/sysroot/etc/fstab:2: /dev/mapper/mpathq: no map of the installed system will have this name",
    };
    BOOST_TEST(lines == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(check_root_disk_under_strict)
{
    Kickstart ks;  // names nothing: only the fstab's root tells the root disk
    auto t = target();
    t.conf = "defaults {\n\tfind_multipaths strict\n}\nmultipaths {\n\tmultipath {\n\t\twwid " + mp0 +
             "\n\t\talias sanroot\n\t}\n}\n";
    t.wwids = wwids_header;
    t.dracut = "add_dracutmodules+=\" mpath-boot \"\n";
    auto lines = check_sysroot(ks, machine(), installer(), t);
    BOOST_TEST(lines == std::vector<std::string>{"/mnt/sysroot/etc/multipath/wwids: the root disk's WWID " + mp0 +
                                                 " (/mnt/sysroot/etc/fstab:1) is missing: under find_multipaths "
                                                 "strict its paths are not claimed at boot"},
               boost::test_tools::per_element());
    t.dracut.reset();
    t.wwids = wwids_header + "/" + mp0 + "/\n";
    BOOST_TEST(check_sysroot(ks, machine(), installer(), t) ==
                   std::vector<std::string>{"/mnt/sysroot/etc/dracut.conf.d/59-mpath-boot.conf: missing: nothing "
                                            "adds the mpath-boot module, so the installed system's dracut may "
                                            "leave it out"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

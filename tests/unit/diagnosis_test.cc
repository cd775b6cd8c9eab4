// SPDX-License-Identifier: GPL-2.0-or-later
// The report around the findings, and its two shapes.
#include "core/diagnosis.hh"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "diagnose_fixtures.hh"

using namespace mpb;
using namespace mpb::test;

namespace {

bool has_line(const std::string& text, const std::string& line)
{
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

// mp0 unassembled and unlisted, root waiting for its map.
Case failed_boot()
{
    Case c;
    c.snap.cmdline = "BOOT_IMAGE=/vmlinuz root=/dev/mapper/mpatha-part1 rd.mpath_boot.wait=5 quiet";
    c.here.dracut_modules = "systemd\nmpath-boot\n";
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(diagnosis)

BOOST_AUTO_TEST_CASE(where_names_the_place_the_switches_the_modules_and_the_wait)
{
    Case c = failed_boot();
    c.wait_record = "gave up after 5 s waiting for WWID W9 (listed in /etc/multipath/wwids): no path arrived\n";
    auto d = c.run();
    BOOST_TEST(d.where == (std::vector<std::string>{
                              "running in: the initramfs (/etc/initrd-release exists)",
                              "kernel command line switches: root=/dev/mapper/mpatha-part1 rd.mpath_boot.wait=5",
                              "dracut modules of this initramfs: mpath-boot yes, multipath no",
                              "path wait: 5 s (rd.mpath_boot.wait=5 on the kernel command line)",
                              "wait: gave up after 5 s waiting for WWID W9 (listed in /etc/multipath/wwids): no "
                              "path arrived",
                              "handover: not run in this boot (no /run/mpath-boot/handover.json)"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(devices_carry_wwid_verdicts_udev_and_use)
{
    Case c = failed_boot();
    dev(c.snap, "sda").properties["DM_MULTIPATH_DEVICE_PATH"] = "0";
    dev(c.snap, "sdb").holders = {"dm-7"};
    c.here = root_files("this initramfs", {"blacklist {\n\tdevnode \"^sdc\"\n}\n", "", "", ""});
    auto d = c.run();
    BOOST_TEST_REQUIRE(d.devices.size() == c.snap.devices.size());
    const DeviceReport& sda = d.devices[1];
    BOOST_TEST(sda.wwid == mp0);
    BOOST_TEST(sda.wwid_source == "udev property ID_SERIAL");
    BOOST_TEST(sda.verdict == "path");
    BOOST_TEST(sda.find_multipaths == "left out: find_multipaths strict: WWID " + mp0 + " is not in the wwids file");
    BOOST_TEST(sda.udev.at("DM_MULTIPATH_DEVICE_PATH") == "0");
    BOOST_TEST(d.devices[2].verdict == "partition of sda");
    BOOST_TEST(d.devices[3].holders == std::vector<std::string>{"dm-7"}, boost::test_tools::per_element());
    const DeviceReport& sdc = d.devices[5];
    BOOST_TEST(sdc.wwid == d1);
    BOOST_TEST(sdc.verdict == "not a path: blacklisted by devnode \"^sdc\" (blacklist section, /etc/multipath.conf:2)");
    BOOST_TEST(sdc.find_multipaths == "");
}

BOOST_AUTO_TEST_CASE(maps_show_paths_partitions_and_users)
{
    Case c;
    auto map = multipath_map("mpatha", mp0, 0, {"8:0", "8:16"});
    map.status = "0 2097152 multipath 2 0 0 0 1 1 A 0 2 0 8:0 A 0 8:16 F 1";
    auto part = partition_map(map, mp0, 1, 1);
    map.holders = {"dm-1"};
    c.snap.maps = {map, part};
    auto d = c.run();
    BOOST_TEST_REQUIRE(d.maps.size() == 1u);
    const MapReport& m = d.maps[0];
    BOOST_TEST(m.name == "mpatha");
    BOOST_TEST(m.paths.size() == 2u);
    BOOST_TEST(m.paths[0].dev == "sda");
    BOOST_TEST(m.paths[0].state == "active");
    BOOST_TEST(m.paths[1].dev == "sdb");
    BOOST_TEST(m.paths[1].state == "failed");
    BOOST_TEST(m.partitions == std::vector<std::string>{"mpatha-part1"}, boost::test_tools::per_element());
    BOOST_TEST(m.holders == std::vector<std::string>{"dm-1"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(configuration_lists_settings_problems_and_wwids_no_device_has)
{
    Case c;
    c.here = root_files("this initramfs", {"defaults {\n\tnonsense 1\n}\n", "/" + mp0 + "/\n/W_GONE/\n", "", ""});
    auto d = c.run();
    BOOST_TEST(has_line(format_diagnosis(d), "  find_multipaths strict (built-in default)"));
    bool warned = false, gone = false;
    for (const auto& l : d.config) {
        warned = warned || l.starts_with("/etc/multipath.conf:2");
        gone = gone || l == "WWID W_GONE is listed in /etc/multipath/wwids but no device shows it";
    }
    BOOST_TEST(warned);
    BOOST_TEST(gone);
}

BOOST_AUTO_TEST_CASE(root_says_what_names_it_and_what_it_is_on)
{
    auto d = failed_boot().run();
    BOOST_TEST(d.root.spec.spec == "/dev/mapper/mpatha-part1");
    BOOST_TEST(d.root.resolves_to.empty());
    BOOST_TEST(d.root.why == "nothing is mounted on /sysroot; /dev/mapper/mpatha-part1 resolves to nothing now");
    Case real;
    real.in_initramfs = false;
    real.here.fstab = "/dev/sdb1 / ext4 defaults 0 1\n";
    dev(real.snap, "sdb1").mountpoints = {"/"};
    auto r = real.run();
    BOOST_TEST(r.root.spec.source == "/etc/fstab:1");
    BOOST_TEST(r.root.why == "on sdb1, a raw path of WWID " + mp0 + ", not on its map");
}

BOOST_AUTO_TEST_CASE(text_ends_with_numbered_findings_and_remedies)
{
    auto text = format_diagnosis(failed_boot().run());
    for (const char* section : {"Where", "Devices", "Maps", "Configuration", "Root", "Findings"})
        BOOST_TEST(has_line(text, section), section);
    BOOST_TEST(has_line(text, "Initramfs and real root: compared with nothing: /sysroot is not mounted"));
    BOOST_TEST(has_line(text, "  1. wwid-not-listed: " + mp0 + ", sda, sdb"));
    BOOST_TEST(has_line(text, "  2. unclaimed-multipath: " + mp0 + ", sda, sdb"));
    BOOST_TEST(text.find("     remedy: add it with `mpath-boot wwids add " + mp0 + "`") != std::string::npos);
    BOOST_TEST(text.find("Findings\n  1. ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_without_findings_says_so)
{
    Case c;
    c.snap.devices = {c.snap.devices.front()};
    auto text = format_diagnosis(c.run());
    BOOST_TEST(text.ends_with("Findings\n  none: nothing found wrong\n"));
}

BOOST_AUTO_TEST_CASE(json_has_the_same_content)
{
    auto d = failed_boot().run();
    auto j = nlohmann::json::parse(format_diagnosis_json(d));
    BOOST_TEST(j["where"].size() == d.where.size());
    BOOST_TEST(j["devices"].size() == d.devices.size());
    BOOST_TEST(j["devices"][1]["wwid"] == mp0);
    BOOST_TEST(j["root"]["spec"] == "/dev/mapper/mpatha-part1");
    BOOST_TEST_REQUIRE(j["findings"].size() == 2u);
    const auto& f = j["findings"][0];
    BOOST_TEST(f["code"] == "wwid-not-listed");
    BOOST_TEST(f["subjects"] == (nlohmann::json{mp0, "sda", "sdb"}));
    BOOST_TEST(f["message"] == d.findings[0].message);
    BOOST_TEST(f["remedy"] == d.findings[0].remedy);
    BOOST_TEST(f.size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()

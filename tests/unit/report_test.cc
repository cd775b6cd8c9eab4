// SPDX-License-Identifier: GPL-2.0-or-later
// The dry-run text: multipath -d shapes and the reasons for devices left out.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "core/report.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;

namespace {

struct Size {
    unsigned long long sectors;
    std::string text;
};

std::ostream& operator<<(std::ostream& os, const Size& s) { return os << s.sectors; }

const Size sizes[] = {
    {1, "0.5K"},         {2, "1.0K"},           {20, "10K"},
    {2047, "1024K"},     {2048, "1.0M"},        {1048576, "512M"},
    {2097152, "1.0G"},   {19922944, "9.5G"},    {20971520, "10G"},
    {41943040, "20G"},   {2147483648ULL, "1.0T"}, {0, "0.0K"},
    // 9.96G rounds up to two digits; the largest size does not overflow.
    {20887634, "10G"},   {18446744073709551615ULL, "8192E"},
};

Plan plan_for(const std::string& conf, Snapshot& s, Config& cfg)
{
    cfg = test::config_from(conf);
    WwidsTable w;
    BindingsTable b;
    PlanInput in{cfg, w, b, s.maps, false, true};
    return plan_from_snapshot(s, in);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_DATA_TEST_CASE(human_sizes, bdata::make(sizes), s)
{
    BOOST_TEST(human_size(s.sectors) == s.text);
}

BOOST_AUTO_TEST_CASE(a_failover_map_in_multipath_d_shape)
{
    Snapshot s;
    s.devices.push_back(test::scsi_disk("sda", 0, "mp0", "0:0:0:0"));
    s.devices.push_back(test::scsi_disk("sdb", 16, "mp0", "0:0:1:0"));
    s.devices[1].sysfs["state"] = "offline";
    Config cfg;
    auto plan = plan_for("defaults {\n find_multipaths yes\n user_friendly_names yes\n"
                         " no_path_retry queue\n}\n", s, cfg);
    BOOST_TEST(format_plan(plan, "/etc/multipath") ==
               "create: mpatha (0QEMU_QEMU_HARDDISK_mp0) dm-? QEMU,QEMU HARDDISK\n"
               "size=1.0G features='1 queue_if_no_path' hwhandler='0' wp=undef\n"
               "|-+- policy='service-time 0' prio=1 status=undef\n"
               "| `- 0:0:0:0 sda 8:0 undef undef running\n"
               "`-+- policy='service-time 0' prio=0 status=undef\n"
               "  `- 0:0:1:0 sdb 8:16 undef undef offline\n"
               "would add to /etc/multipath/bindings: mpatha 0QEMU_QEMU_HARDDISK_mp0\n"
               "would add to /etc/multipath/wwids: 0QEMU_QEMU_HARDDISK_mp0\n");
}

BOOST_AUTO_TEST_CASE(a_multibus_map_and_a_device_left_out)
{
    Snapshot s;
    s.devices.push_back(test::scsi_disk("sda", 0, "mp0", "2:0:0:1"));
    s.devices.push_back(test::scsi_disk("sdb", 16, "mp0", "3:0:0:1"));
    BlockDevice vda;
    vda.name = "vda";
    s.devices.push_back(vda);
    Config cfg;
    auto plan = plan_for("defaults {\n find_multipaths yes\n path_grouping_policy multibus\n}\n",
                         s, cfg);
    BOOST_TEST(format_plan(plan, "/x") ==
               "create: 0QEMU_QEMU_HARDDISK_mp0 (0QEMU_QEMU_HARDDISK_mp0) dm-? QEMU,QEMU HARDDISK\n"
               "size=1.0G features='0' hwhandler='0' wp=undef\n"
               "`-+- policy='service-time 0' prio=1 status=undef\n"
               "  |- 2:0:0:1 sda 8:0 undef undef running\n"
               "  `- 3:0:0:1 sdb 8:16 undef undef running\n"
               "would add to /x/wwids: 0QEMU_QEMU_HARDDISK_mp0\n"
               "left out:\n"
               "  vda: blacklisted by devnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\" (built-in blacklist)\n");
}

BOOST_AUTO_TEST_CASE(nothing_to_build)
{
    Snapshot s;
    s.devices.push_back(test::scsi_disk("sda", 0, "mp0", "0:0:0:0"));
    Config cfg;
    auto plan = plan_for("", s, cfg);
    BOOST_TEST(format_plan(plan, "/etc/multipath") ==
               "no maps to build\n"
               "left out:\n"
               "  sda: find_multipaths strict: WWID 0QEMU_QEMU_HARDDISK_mp0 is not in the wwids file\n");
}

BOOST_AUTO_TEST_CASE(an_existing_map_is_named_by_its_dm_device)
{
    Snapshot s;
    s.devices.push_back(test::scsi_disk("sda", 0, "mp0", "0:0:0:0"));
    s.devices.push_back(test::scsi_disk("sdb", 16, "mp0", "0:0:1:0"));
    s.maps.push_back({"boot", "mpath-0QEMU_QEMU_HARDDISK_mp0", {253, 4},
                      "0 2097152 multipath 0 0 1 1 service-time 0 1 1 8:0 1", 0, "", false, {}, {}});
    Config cfg;
    auto text = format_plan(plan_for("", s, cfg), "/e");
    BOOST_TEST(text.rfind("reload: boot (0QEMU_QEMU_HARDDISK_mp0) dm-4 QEMU,QEMU HARDDISK\n", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(report_explain)

BOOST_AUTO_TEST_CASE(each_decision_with_its_origin)
{
    Snapshot s;
    s.devices.push_back(test::scsi_disk("sda", 0, "mp0", "0:0:0:0"));
    s.devices.push_back(test::scsi_disk("sdb", 16, "mp0", "0:0:1:0"));
    Config cfg;
    auto plan = plan_for("defaults {\n find_multipaths yes\n user_friendly_names yes\n}\n"
                         "overrides {\n no_path_retry 12\n}\n", s, cfg);
    auto text = format_plan(plan, "/etc/multipath", true);
    auto why = text.substr(text.find("  why mpatha:\n"));
    BOOST_TEST(why.substr(0, why.find("would add")) ==
               "  why mpatha:\n"
               "    built: find_multipaths on: 2 paths share the WWID\n"
               "    name: new friendly name (user_friendly_names yes: defaults section, "
               "/etc/multipath.conf:3)\n"
               "    no_path_retry: 12 (overrides section, /etc/multipath.conf:6)\n"
               "    features: 0 (built-in default)\n"
               "    hardware_handler: 0 (built-in default)\n"
               "    path_grouping_policy: failover (built-in default)\n"
               "    path_selector: service-time 0 (built-in default)\n"
               "    rr_min_io_rq: 1 (built-in default)\n"
               "    sda: WWID from udev property ID_SERIAL\n"
               "    sdb: WWID from udev property ID_SERIAL\n"
               "    sda: prio 1, const prioritizer (built-in default)\n"
               "    sdb: prio 1, const prioritizer (built-in default)\n"
               "    table: 0 2097152 multipath 1 queue_if_no_path 0 2 1 service-time 0 1 1 8:0 1 "
               "service-time 0 1 1 8:16 1\n");
    BOOST_TEST(text.find("features='1 queue_if_no_path'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(without_explain_there_is_no_why)
{
    Snapshot s;
    s.devices.push_back(test::scsi_disk("sda", 0, "mp0", "0:0:0:0"));
    s.devices.push_back(test::scsi_disk("sdb", 16, "mp0", "0:0:1:0"));
    Config cfg;
    auto plan = plan_for("defaults {\n find_multipaths yes\n}\n", s, cfg);
    BOOST_TEST(format_plan(plan, "/e").find("why") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

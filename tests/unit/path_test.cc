// SPDX-License-Identifier: GPL-2.0-or-later
// One device judged as a path: each filter in order, the WWID, what uses it.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

#include "core/path.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;
using namespace mpb;

namespace {

struct Case {
    const char* name;
    std::string conf;
    std::function<void(BlockDevice&)> change;
    std::string wwid;    // expected WWID, or "" when not a path
    std::string reason;  // expected reason when not a path
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const std::string sda_wwid = "0QEMU_QEMU_HARDDISK_s1";

const Case cases[] = {
    {"a plain SCSI path", "", nullptr, sda_wwid, ""},
    {"a partition is not a path", "",
     [](BlockDevice& d) { d.partition = true; d.parent = "sdz"; }, "", "partition of sdz"},
    {"virtio disks are outside the built-in devnode filter", "",
     [](BlockDevice& d) { d.name = "vda"; }, "",
     "blacklisted by devnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\" (built-in blacklist)"},
    {"user devnode blacklist", "blacklist {\n devnode \"^sda$\"\n}\n", nullptr, "",
     "blacklisted by devnode \"^sda$\" (blacklist section, /etc/multipath.conf:2)"},
    {"devnode exception beats the blacklist",
     "blacklist {\n devnode \"^sd\"\n}\nblacklist_exceptions {\n devnode \"^sda\"\n}\n", nullptr,
     sda_wwid, ""},
    {"vendor/product blacklist (sysfs values are trimmed)",
     "blacklist {\n device {\n  vendor \"^QEMU$\"\n  product \"HARDDISK$\"\n }\n}\n", nullptr, "",
     "blacklisted by device vendor \"^QEMU$\" product \"HARDDISK$\" (blacklist section, "
     "/etc/multipath.conf:2)"},
    {"udev property missing", "",
     [](BlockDevice& d) { d.properties.erase("SCSI_IDENT_LUN_T10"); }, "",
     "blacklisted, udev property missing: no property matches \"(SCSI_IDENT_|ID_WWN)\" "
     "(built-in blacklist_exceptions)"},
    {"ID_WWN also satisfies the property filter", "",
     [](BlockDevice& d) {
         d.properties.erase("SCSI_IDENT_LUN_T10");
         d.properties["ID_WWN"] = "0x5000c500a1b2c3d4";
     },
     sda_wwid, ""},
    {"property blacklist", "blacklist {\n property \"^ID_SCSI_SERIAL$\"\n}\n", nullptr, "",
     "blacklisted by udev property ID_SCSI_SERIAL matching property \"^ID_SCSI_SERIAL$\" "
     "(blacklist section, /etc/multipath.conf:2)"},
    {"protocol blacklist", "blacklist {\n protocol \"scsi:unspec\"\n}\n", nullptr, "",
     "blacklisted by protocol \"scsi:unspec\" (blacklist section, /etc/multipath.conf:2)"},
    {"no protocol attribute reads as undef", "blacklist {\n protocol \"^undef$\"\n}\n",
     [](BlockDevice& d) { d.sysfs.erase("protocol"); }, "",
     "blacklisted by protocol \"^undef$\" (blacklist section, /etc/multipath.conf:2)"},
    {"uid_attribute from the defaults section",
     "defaults {\n uid_attribute ID_SCSI_SERIAL\n}\n", nullptr, "s1", ""},
    {"uid_attrs by device name prefix", "defaults {\n uid_attrs \"sd:ID_SCSI_SERIAL\"\n}\n",
     nullptr, "s1", ""},
    {"no WWID from any source", "",
     [](BlockDevice& d) {
         d.properties.erase("ID_SERIAL");
         d.properties.erase("SCSI_IDENT_LUN_T10");
     },
     "", "no WWID (no udev property ID_SERIAL; no sysfs vpd_pg83)"},
    {"a WWID with a space is refused", "",
     [](BlockDevice& d) { d.properties["ID_SERIAL"] = "a b"; }, "",
     "no WWID (udev property ID_SERIAL: invalid WWID \"a b\": contains whitespace or a control "
     "character)"},
    {"NVMe namespaces take ID_WWN from the built-in device table", "",
     [](BlockDevice& d) {
         d.name = "nvme0n1";
         d.sysfs = {{"model", "QEMU NVMe Ctrl"}};
         d.properties = {{"ID_WWN", "eui.0123"}, {"ID_SERIAL", "other"}};
     },
     "eui.0123", ""},
    // multipath-tools 0.9.4 (pathinfo, nvme_sysfs_pathinfo): a namespace
    // disk is a path only when it hangs from an NVMe controller.
    {"an NVMe namespace under a controller (native multipath off) is a path", "",
     [](BlockDevice& d) {
         d.name = "nvme1n1";
         d.sysfs = {{"model", "QEMU NVMe Ctrl"}, {"nvme_parent", "nvme"}, {"protocol", "nvme:pcie"}};
         d.properties = {{"ID_WWN", "uuid.5a1d"}};
     },
     "uuid.5a1d", ""},
    {"the native NVMe multipath head is left to the kernel", "",
     [](BlockDevice& d) {
         d.name = "nvme0n1";
         d.sysfs = {{"model", "QEMU NVMe Ctrl"}, {"nvme_parent", "nvme-subsystem"}};
         d.properties = {{"ID_WWN", "uuid.5a1d"}};
     },
     "", "native NVMe multipath head (it hangs from nvme-subsystem, not from a controller): left to "
         "the kernel"},
    {"the head is left alone even where the devnode filter lets all through",
     "blacklist_exceptions {\n devnode \"^nvme\"\n}\n",
     [](BlockDevice& d) {
         d.name = "nvme0n1";
         d.sysfs = {{"nvme_parent", "nvme-subsystem"}};
         d.properties = {{"ID_WWN", "uuid.5a1d"}};
     },
     "", "native NVMe multipath head (it hangs from nvme-subsystem, not from a controller): left to "
         "the kernel"},
    {"a hidden disk (a native NVMe multipath path) is not a path", "",
     [](BlockDevice& d) {
         d.name = "nvme0c1n1";
         d.sysfs = {{"hidden", "1"}, {"nvme_parent", "nvme"}};
         d.properties = {{"ID_WWN", "uuid.5a1d"}};
     },
     "", "hidden by the kernel (a path of native NVMe multipath)"},
    {"a snapshot without nvme_parent decides as before", "",
     [](BlockDevice& d) {
         d.name = "nvme0n1";
         d.sysfs = {{"model", "QEMU NVMe Ctrl"}};
         d.properties = {{"ID_WWN", "uuid.5a1d"}};
     },
     "uuid.5a1d", ""},
    // multipath-tools 0.9.4's DASD entries blacklist "S/390" products of IBM.
    {"DASD: blacklisted by the product_blacklist of its built-in entry", "",
     [](BlockDevice& d) {
         d.name = "dasda";
         d.sysfs = {{"vendor", "IBM"}, {"model", "S/390 DASD ECKD"}};
         d.properties = {{"ID_UID", "IBM.75000000092461.e900.8a"}, {"ID_SERIAL", "x"},
                         {"ID_WWN", "w"}};
     },
     "", "blacklisted by device vendor \"IBM\" product \"S/390\" (product_blacklist of "
         "built-in device entry IBM/S/390 DASD ECKD)"},
    {"DASD with a device exception takes ID_UID from the built-in device table",
     "blacklist_exceptions {\n\tdevice {\n\t\tvendor IBM\n\t\tproduct S/390\n\t}\n}\n",
     [](BlockDevice& d) {
         d.name = "dasda";
         d.sysfs = {{"vendor", "IBM"}, {"model", "S/390 DASD ECKD"}};
         d.properties = {{"ID_UID", "IBM.75000000092461.e900.8a"}, {"ID_SERIAL", "x"},
                         {"ID_WWN", "w"}};
     },
     "IBM.75000000092461.e900.8a", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(path)

BOOST_DATA_TEST_CASE(verdicts, bdata::make(cases), c)
{
    auto cfg = test::config_from(c.conf);
    BOOST_TEST_REQUIRE(!has_error(cfg.diagnostics));
    Snapshot snap;
    BlockDevice d = test::scsi_disk("sda", 0, "s1", "1:0:0:0");
    if (c.change)
        c.change(d);
    auto v = evaluate_path(d, snap, cfg);
    if (c.wwid.empty()) {
        BOOST_TEST(!v.path.has_value());
        BOOST_TEST(v.reason == c.reason);
    } else {
        BOOST_TEST_REQUIRE(v.path.has_value(), v.reason);
        BOOST_TEST(v.path->wwid == c.wwid);
    }
}

BOOST_AUTO_TEST_CASE(record_fields)
{
    auto cfg = builtin_config();
    Snapshot snap;
    auto v = evaluate_path(test::scsi_disk("sdq", 256, "s9", "3:0:1:7"), snap, cfg);
    BOOST_TEST_REQUIRE(v.path.has_value());
    const auto& p = *v.path;
    BOOST_TEST(p.name == "sdq");
    BOOST_TEST(p.devt.str() == "8:256");
    BOOST_TEST(p.vendor == "QEMU");
    BOOST_TEST(p.product == "QEMU HARDDISK");
    BOOST_TEST(p.hctl == "3:0:1:7");
    BOOST_TEST(p.serial == "s9");
    BOOST_TEST(p.state == "running");
    BOOST_TEST(p.wwid_source == "udev property ID_SERIAL");
    BOOST_TEST(p.in_use.empty());
}

BOOST_AUTO_TEST_CASE(what_uses_a_path)
{
    auto cfg = builtin_config();
    Snapshot snap;
    snap.devices.push_back(test::scsi_disk("sda", 0, "s1", "1:0:0:0"));
    snap.devices.push_back(test::partition_of(snap.devices[0], 2));
    snap.maps.push_back({"mpatha", "mpath-0QEMU_QEMU_HARDDISK_s1", {253, 3}, "", 1, "", false, {}, {}});
    auto judge = [&] { return evaluate_path(snap.devices[0], snap, cfg).path.value(); };

    BOOST_TEST(judge().in_use == "");
    snap.devices[0].holders = {"dm-3"};  // its own multipath map: not a user
    BOOST_TEST(judge().in_use == "");
    snap.devices[1].holders = {"dm-9"};
    BOOST_TEST(judge().in_use == "sda2 is held by dm-9");
    snap.devices[1].holders.clear();
    snap.devices[1].mountpoints = {"/boot"};
    BOOST_TEST(judge().in_use == "sda2 is mounted on /boot");
}

BOOST_AUTO_TEST_SUITE_END()

// The first and last columns of a path line, as multipath-tools 0.9.4
// forms them: SCSI's hctl, an NVMe namespace disk's controller, cntlid,
// namespace index and nsid; only offline (SCSI) and dead (NVMe) show offline.
BOOST_AUTO_TEST_SUITE(path_columns)

BOOST_AUTO_TEST_CASE(address_of_each_kind)
{
    mpb::BlockDevice scsi;
    scsi.name = "sda";
    scsi.sysfs = {{"hctl", "2:0:1:0"}};
    BOOST_TEST(mpb::path_address(scsi) == "2:0:1:0");
    mpb::BlockDevice nvme;
    nvme.name = "nvme1n2";
    nvme.sysfs = {{"cntlid", "7"}, {"nsid", "3"}};
    BOOST_TEST(mpb::path_address(nvme) == "1:7:2:3");
    nvme.sysfs.clear();
    BOOST_TEST(mpb::path_address(nvme) == "1:0:2:0");
    nvme.name = "nvme0c1n1";  // a hidden per-controller disk: no such address
    BOOST_TEST(mpb::path_address(nvme) == "");
    mpb::BlockDevice other;
    other.name = "vda";
    BOOST_TEST(mpb::path_address(other) == "");
}

BOOST_AUTO_TEST_CASE(online_column_shows_running_or_offline)
{
    BOOST_TEST(mpb::online_column("sda", "running") == "running");
    BOOST_TEST(mpb::online_column("sda", "blocked") == "running");
    BOOST_TEST(mpb::online_column("sda", "offline") == "offline");
    BOOST_TEST(mpb::online_column("sda", "") == "running");
    BOOST_TEST(mpb::online_column("nvme0n1", "live") == "running");
    BOOST_TEST(mpb::online_column("nvme0n1", "dead") == "offline");
    BOOST_TEST(mpb::online_column("nvme0n1", "offline") == "running");
}

BOOST_AUTO_TEST_SUITE_END()

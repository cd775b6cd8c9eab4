// SPDX-License-Identifier: GPL-2.0-or-later
// Reading block devices from a sysfs tree: a fake tree in a temporary
// directory with the same layout and symlinks as the kernel's.
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sys/sysfs.hh"
#include "test_util.hh"

namespace fs = std::filesystem;

namespace {

void put(const std::string& path, const std::string& content)
{
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

void link(const std::string& target, const std::string& at)
{
    fs::create_directories(fs::path(at).parent_path());
    BOOST_REQUIRE(::symlink(target.c_str(), at.c_str()) == 0);
}

// A QEMU scsi-hd at 0:0:1:0 with one partition and a dm holder, as on the VM.
struct FakeSys {
    mpb::test::TempDir dir;
    std::string sys = dir.at("sys");
    std::string scsi = sys + "/devices/pci0000:00/0000:00:03.0/virtio1/host0/target0:0:1/0:0:1:0";

    FakeSys()
    {
        std::string disk = scsi + "/block/sda";
        put(disk + "/dev", "8:0\n");
        put(disk + "/size", "2097152\n");
        fs::create_directories(disk + "/holders");
        link("../../../../../virtual/block/dm-0", disk + "/holders/dm-0");
        put(disk + "/sda1/dev", "8:1\n");
        put(disk + "/sda1/size", "2093056\n");
        put(disk + "/sda1/start", "2048\n");
        put(disk + "/sda1/partition", "1\n");
        fs::create_directories(disk + "/sda1/holders");
        put(scsi + "/vendor", "QEMU    \n");
        put(scsi + "/model", "QEMU HARDDISK   \n");
        put(scsi + "/rev", "2.5+\n");
        put(scsi + "/state", "running\n");
        put(scsi + "/dh_state", "detached\n");
        put(scsi + "/vpd_pg80", std::string("\x00\x80\x00\x02" "ab", 6));
        link("../../../0:0:1:0", disk + "/device");
        link("../../devices/pci0000:00/0000:00:03.0/virtio1/host0/target0:0:1/0:0:1:0/block/sda",
             sys + "/class/block/sda");
        link("../../devices/pci0000:00/0000:00:03.0/virtio1/host0/target0:0:1/0:0:1:0/block/sda/sda1",
             sys + "/class/block/sda1");
        std::string dm = sys + "/devices/virtual/block/dm-0";
        put(dm + "/dev", "253:0\n");
        put(dm + "/dm/name", "mpatha\n");
        put(dm + "/dm/uuid", "mpath-0QEMU_QEMU_HARDDISK_mpath0\n");
        link("../../devices/virtual/block/dm-0", sys + "/class/block/dm-0");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sysfs)

BOOST_AUTO_TEST_CASE(a_scsi_disk_with_its_inquiry_data)
{
    FakeSys f;
    auto d = mpb::read_sysfs_device("sda", f.sys);
    BOOST_TEST_REQUIRE(d.has_value(), d.error());
    BOOST_TEST(d->devt.str() == "8:0");
    BOOST_TEST(d->size == 2097152u);
    BOOST_TEST(!d->partition);
    BOOST_TEST((d->holders == std::vector<std::string>{"dm-0"}));
    BOOST_TEST((d->sysfs == std::map<std::string, std::string>{
                    {"vendor", "QEMU"}, {"model", "QEMU HARDDISK"}, {"rev", "2.5+"},
                    {"state", "running"}, {"dh_state", "detached"}, {"vpd_pg80", "008000026162"},
                    {"hctl", "0:0:1:0"}, {"protocol", "scsi:unspec"}}));
}

// The kernel's write protection: "ro" is recorded when it is 1, and only then.
BOOST_AUTO_TEST_CASE(a_write_protected_disk_says_so)
{
    FakeSys f;
    std::string disk = f.scsi + "/block/sda";
    put(disk + "/ro", "0\n");
    auto rw = mpb::read_sysfs_device("sda", f.sys);
    BOOST_TEST_REQUIRE(rw.has_value(), rw.error());
    BOOST_TEST(rw->sysfs.count("ro") == 0u);
    put(disk + "/ro", "1\n");
    auto ro = mpb::read_sysfs_device("sda", f.sys);
    BOOST_TEST_REQUIRE(ro.has_value(), ro.error());
    BOOST_TEST(ro->sysfs.at("ro") == "1");
}

BOOST_AUTO_TEST_CASE(a_partition_names_its_disk_and_start)
{
    FakeSys f;
    auto p = mpb::read_sysfs_device("sda1", f.sys);
    BOOST_TEST_REQUIRE(p.has_value(), p.error());
    BOOST_TEST(p->partition);
    BOOST_TEST(p->parent == "sda");
    BOOST_TEST(p->start == 2048u);
    BOOST_TEST(p->size == 2093056u);
    BOOST_TEST(p->sysfs.empty());
}

BOOST_AUTO_TEST_CASE(a_missing_device_is_an_error_naming_it)
{
    FakeSys f;
    auto d = mpb::read_sysfs_device("sdz", f.sys);
    BOOST_TEST_REQUIRE(!d.has_value());
    BOOST_TEST(d.error() == "sdz: no such block device (" + f.sys + "/class/block/sdz/dev unreadable)");
}

BOOST_AUTO_TEST_CASE(partitions_and_dm_maps_are_listed)
{
    FakeSys f;
    BOOST_TEST((mpb::partitions_of("sda", f.sys) == std::vector<std::string>{"sda1"}));
    BOOST_TEST(mpb::partitions_of("sda1", f.sys).empty());
    auto m = mpb::read_sysfs_dm("dm-0", f.sys);
    BOOST_TEST_REQUIRE(m.has_value(), m.error());
    BOOST_TEST(m->name == "mpatha");
    BOOST_TEST(m->uuid == "mpath-0QEMU_QEMU_HARDDISK_mpath0");
    BOOST_TEST(m->devt.str() == "253:0");
    auto not_dm = mpb::read_sysfs_dm("sda", f.sys);
    BOOST_TEST_REQUIRE(!not_dm.has_value());
    BOOST_TEST(not_dm.error() == "sda: not a device-mapper device (" + f.sys + "/class/block/sda/dm)");
}

BOOST_AUTO_TEST_CASE(priority_attributes_are_read_apart)
{
    FakeSys f;
    put(f.scsi + "/access_state", "active/non-optimized\n");
    put(f.scsi + "/preferred_path", "1\n");
    put(f.scsi + "/inquiry", std::string("\x00\x00\x06\x12\x3b\x10", 6));
    auto d = mpb::read_sysfs_device("sda", f.sys);
    BOOST_TEST_REQUIRE(d.has_value(), d.error());
    BOOST_TEST(!d->attr("inquiry"));  // the udev callout does not read them
    mpb::read_priority_attrs(d.value(), f.sys);
    BOOST_TEST(*d->attr("access_state") == "active/non-optimized");
    BOOST_TEST(*d->attr("preferred_path") == "1");
    BOOST_TEST(*d->attr("inquiry") == "00000612" "3b10");
    BOOST_TEST(!d->attr("tgt_node_name"));  // virtio-scsi: no transport name
}

// The target name group_by_node_name uses and the adapter round-robin's
// order alternates between, for iSCSI and FC paths.
BOOST_AUTO_TEST_CASE(target_node_names_and_adapters)
{
    mpb::test::TempDir dir;
    const std::string sys = dir.at("sys");
    struct Row {
        std::string device, name_file, name, adapter;
    };
    const std::string pci = "/devices/pci0000:00/0000:00:1c.0";
    const Row rows[] = {
        {"/devices/platform/host4/session1/target4:0:0/4:0:0:0",
         "/class/iscsi_session/session1/targetname", "iqn.2003-01.org.linux-iscsi.t1", "192.0.2.10"},
        {pci + "/0000:02:00.0/host3/rport-3:0-2/target3:0:0/3:0:0:1",
         "/class/fc_remote_ports/rport-3:0-2/node_name", "0x5006016090203181", "0000:00:1c.0"},
    };
    put(sys + "/class/iscsi_host/host4/ipaddress", "192.0.2.10\n");
    link(sys + pci + "/0000:02:00.0/host3", sys + "/class/scsi_host/host3");
    link(sys + "/bus/pci/drivers/pcieport", sys + pci + "/driver");
    int minor = 0;
    for (const auto& r : rows) {
        std::string name = "sd" + std::string(1, static_cast<char>('a' + minor));
        put(sys + r.device + "/block/" + name + "/dev", "8:" + std::to_string(16 * minor) + "\n");
        link(sys + r.device, sys + r.device + "/block/" + name + "/device");
        link(sys + r.device + "/block/" + name, sys + "/class/block/" + name);
        put(sys + r.name_file, r.name + "\n");
        auto d = mpb::read_sysfs_device(name, sys);
        BOOST_TEST_REQUIRE(d.has_value(), d.error());
        mpb::read_priority_attrs(d.value(), sys);
        BOOST_TEST_REQUIRE(d->attr("tgt_node_name"));
        BOOST_TEST(*d->attr("tgt_node_name") == r.name);
        BOOST_TEST_REQUIRE(d->attr("host_adapter"));
        BOOST_TEST(*d->attr("host_adapter") == r.adapter);
        ++minor;
    }
}

// One namespace of a two-controller subsystem as kernel 6.1 shows it with
// native NVMe multipath on: the head nvme0n1 under the subsystem, a hidden
// path nvme0c0n1 under controller nvme0; and nvme1n1 under controller
// nvme1, as with nvme_core.multipath=N.
struct FakeNvme {
    mpb::test::TempDir dir;
    std::string sys = dir.at("sys");
    std::string subsys = sys + "/devices/virtual/nvme-subsystem/nvme-subsys0";
    std::string ctrl0 = sys + "/devices/pci0000:00/0000:00:04.0/nvme/nvme0";
    std::string ctrl1 = sys + "/devices/pci0000:00/0000:00:05.0/nvme/nvme1";

    void disk(const std::string& parent, const std::string& name, const std::string& devt,
              const std::string& hidden)
    {
        put(parent + "/" + name + "/dev", devt + "\n");
        put(parent + "/" + name + "/hidden", hidden + "\n");
        link("../.." + parent.substr(sys.size()) + "/" + name, sys + "/class/block/" + name);
    }

    FakeNvme()
    {
        fs::create_directories(sys + "/class/nvme-subsystem");
        fs::create_directories(sys + "/class/nvme");
        link("../../../../class/nvme-subsystem", subsys + "/subsystem");
        link("../../../../../class/nvme", ctrl0 + "/subsystem");
        link("../../../../../class/nvme", ctrl1 + "/subsystem");
        put(ctrl0 + "/transport", "pcie\n");
        put(ctrl1 + "/transport", "pcie\n");
        put(subsys + "/model", "QEMU NVMe Ctrl\n");
        disk(subsys, "nvme0n1", "259:0", "0");
        link("../../nvme-subsys0", subsys + "/nvme0n1/device");
        disk(ctrl0, "nvme0c0n1", "259:1", "1");
        disk(ctrl1, "nvme1n1", "259:2", "0");
        link("../../nvme1", ctrl1 + "/nvme1n1/device");
    }
};

BOOST_AUTO_TEST_CASE(what_tells_native_nvme_multipath)
{
    FakeNvme f;
    auto head = mpb::read_sysfs_device("nvme0n1", f.sys);
    BOOST_TEST_REQUIRE(head.has_value(), head.error());
    BOOST_TEST(head->sysfs.at("nvme_parent") == "nvme-subsystem");
    BOOST_TEST(head->sysfs.count("hidden") == 0u);
    BOOST_TEST(head->sysfs.at("model") == "QEMU NVMe Ctrl");
    auto hidden = mpb::read_sysfs_device("nvme0c0n1", f.sys);
    BOOST_TEST_REQUIRE(hidden.has_value(), hidden.error());
    BOOST_TEST(hidden->sysfs.at("hidden") == "1");
    BOOST_TEST(hidden->sysfs.at("nvme_parent") == "nvme");
    auto path = mpb::read_sysfs_device("nvme1n1", f.sys);
    BOOST_TEST_REQUIRE(path.has_value(), path.error());
    BOOST_TEST(path->sysfs.at("nvme_parent") == "nvme");
    BOOST_TEST(path->sysfs.at("protocol") == "nvme:pcie");
    BOOST_TEST(path->sysfs.count("hidden") == 0u);
}

BOOST_AUTO_TEST_CASE(protocol_from_the_device_path)
{
    const std::string fc = "/sys/devices/pci0000:00/0000:00:05.0/host3/rport-3:0-2/target3:0:0/3:0:0:1";
    BOOST_TEST(mpb::protocol_from_path(fc, "") == "scsi:fcp");
    BOOST_TEST(mpb::protocol_from_path("/sys/devices/platform/host4/session1/target4:0:0/4:0:0:0", "") ==
               "scsi:iscsi");
    BOOST_TEST(mpb::protocol_from_path("/sys/devices/pci/host2/port-2:0/end_device-2:0/target2:0:0/2:0:0:0",
                                       "") == "scsi:sas");
    BOOST_TEST(mpb::protocol_from_path("/sys/devices/pci/virtio1/host0/target0:0:1/0:0:1:0", "") ==
               "scsi:unspec");
    BOOST_TEST(mpb::protocol_from_path("/sys/devices/virtual/nvme-fabrics/ctl/nvme0", "tcp") == "nvme:tcp");
    BOOST_TEST(mpb::protocol_from_path("/sys/devices/pci0000:00/0000:00:04.0/virtio2", "") == "");
}

BOOST_AUTO_TEST_SUITE_END()

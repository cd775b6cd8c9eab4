// SPDX-License-Identifier: GPL-2.0-or-later
// Building blocks for tests that need devices, snapshots and configs.
#pragma once

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

#include "core/config.hh"
#include "core/snapshot.hh"

namespace mpb::test {

// A SCSI disk as udev and sysfs show a QEMU scsi-hd with serial `serial`.
inline BlockDevice scsi_disk(const std::string& name, unsigned minor, const std::string& serial,
                             const std::string& hctl)
{
    BlockDevice d;
    d.name = name;
    d.devt = {8, minor};
    d.size = 2097152;
    d.properties = {{"ID_SERIAL", "0QEMU_QEMU_HARDDISK_" + serial},
                    {"ID_SCSI_SERIAL", serial},
                    {"SCSI_IDENT_LUN_T10", "QEMU_QEMU_HARDDISK_" + serial},
                    {"DEVTYPE", "disk"}};
    // QEMU's INQUIRY data: no TPGS, so no ALUA.
    d.sysfs = {{"vendor", "QEMU    "}, {"model", "QEMU HARDDISK   "}, {"hctl", hctl},
               {"state", "running"}, {"protocol", "scsi:unspec"},
               {"inquiry", "000005121f000012"}};
    return d;
}

inline BlockDevice partition_of(const BlockDevice& disk, int n)
{
    BlockDevice p;
    p.name = disk.name + std::to_string(n);
    p.devt = {disk.devt.major, disk.devt.minor + static_cast<unsigned>(n)};
    p.partition = true;
    p.parent = disk.name;
    p.size = disk.size / 2;
    return p;
}

// multipath-tools' headers of the bindings and wwids files, written out
// here rather than shared with the code, so a drift shows.
inline const std::string bindings_header =
    "# Multipath bindings, Version : 1.0\n"
    "# NOTE: this file is automatically maintained by the multipath program.\n"
    "# You should not need to edit this file in normal circumstances.\n"
    "#\n"
    "# Format:\n"
    "# alias wwid\n"
    "#\n";
inline const std::string wwids_header =
    "# Multipath wwids, Version : 1.0\n"
    "# NOTE: This file is automatically maintained by multipath and multipathd.\n"
    "# You should not need to edit this file in normal circumstances.\n"
    "#\n"
    "# Valid WWIDs:\n";

// WWIDs of machine()'s volumes.
inline const std::string mp0 = "0QEMU_QEMU_HARDDISK_mp0";
inline const std::string d1 = "0QEMU_QEMU_HARDDISK_d1";

// A virtio root disk, volume mp0 through sda and sdb (each with partition
// 1), and volume d1 through sdc alone.
inline Snapshot machine()
{
    Snapshot s;
    BlockDevice vda;
    vda.name = "vda";
    vda.devt = {254, 0};
    vda.size = 4194304;
    s.devices.push_back(vda);
    s.devices.push_back(scsi_disk("sda", 0, "mp0", "0:0:0:0"));
    s.devices.push_back(partition_of(s.devices.back(), 1));
    s.devices.push_back(scsi_disk("sdb", 16, "mp0", "0:0:1:0"));
    s.devices.push_back(partition_of(s.devices.back(), 1));
    s.devices.push_back(scsi_disk("sdc", 32, "d1", "0:0:2:0"));
    return s;
}

// The device of `s` named `name`; a test naming a device it lacks is wrong.
inline BlockDevice& dev(Snapshot& s, const std::string& name)
{
    for (auto& d : s.devices)
        if (d.name == name)
            return d;
    throw std::runtime_error("no device " + name);
}

// Loads `text` as /etc/multipath.conf; a test configuration must load
// without any diagnostic, or the test stops there.
inline Config config_from(const std::string& text)
{
    auto c = load_config({{"/etc/multipath.conf", text}});
    std::string problems;
    for (const auto& d : c.diagnostics)
        problems += d.text + "\n";
    BOOST_TEST_REQUIRE(problems.empty(), "config did not load cleanly:\n" << problems);
    BOOST_TEST_REQUIRE(!c.fell_back);
    return c;
}

}  // namespace mpb::test

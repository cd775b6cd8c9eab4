// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/sysfs.hh"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include <cctype>

#include "core/hex.hh"
#include "core/text.hh"

namespace mpb {

namespace {

// Small attribute files only: sysfs values fit in a page.
bool read_attr(const std::string& path, std::string& out)
{
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    if (n < 0)
        return false;
    out.assign(buf, static_cast<std::size_t>(n));
    return true;
}

// Text attributes without the newline and the padding SCSI inquiry data has.
bool read_text_attr(const std::string& path, std::string& out)
{
    if (!read_attr(path, out))
        return false;
    out = std::string(trim(out));
    return true;
}

std::string resolved(const std::string& path)
{
    char buf[PATH_MAX];
    if (!realpath(path.c_str(), buf))
        return {};
    return buf;
}

std::string basename_of(const std::string& path)
{
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool parse_devt(const std::string& text, DevT& out)
{
    auto colon = text.find(':');
    long long maj = 0, min = 0;
    if (colon == std::string::npos || !parse_int(trim(text.substr(0, colon)), maj) ||
        !parse_int(trim(text.substr(colon + 1)), min) || maj < 0 || min < 0)
        return false;
    out = {static_cast<unsigned>(maj), static_cast<unsigned>(min)};
    return true;
}

std::vector<std::string> directory_names(const std::string& dir)
{
    std::vector<std::string> names;
    DIR* d = opendir(dir.c_str());
    if (!d)
        return names;
    while (const dirent* e = readdir(d))
        if (e->d_name[0] != '.')
            names.emplace_back(e->d_name);
    closedir(d);
    return names;
}

unsigned long long read_number(const std::string& path)
{
    std::string text;
    long long n = 0;
    if (read_text_attr(path, text) && parse_int(text, n) && n >= 0)
        return static_cast<unsigned long long>(n);
    return 0;
}

// The attributes of the device behind a disk (SCSI, NVMe, DASD).
void read_device_attrs(const std::string& dir, BlockDevice& d)
{
    const std::string dev = dir + "/device";
    std::string value;
    for (const char* key : {"vendor", "model", "rev", "state", "dh_state"})
        if (read_text_attr(dev + "/" + key, value))
            d.sysfs[key] = value;
    for (const char* key : {"vpd_pg80", "vpd_pg83"})
        if (read_attr(dev + "/" + key, value) && !value.empty())
            d.sysfs[key] = hex_text(value);
    std::string path = resolved(dev);
    if (is_hctl(basename_of(path)))
        d.sysfs["hctl"] = basename_of(path);
    std::string transport;
    read_text_attr(dev + "/transport", transport);
    auto protocol = protocol_from_path(path, transport);
    if (!protocol.empty())
        d.sysfs["protocol"] = protocol;
}

// The path component of `path` that starts with `prefix`, "" when none.
std::string component(const std::string& path, const std::string& prefix)
{
    auto at = path.find("/" + prefix);
    if (at == std::string::npos)
        return {};
    auto end = path.find('/', at + 1);
    return path.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
}

// The target's name as multipath-tools' group_by_node_name sees it: SAS
// address, FC node name, iSCSI target name, "ata-N.00"; "" when unknown.
std::string target_node_name(const std::string& dev, const std::string& sys)
{
    std::string path = resolved(dev), value;
    if (!component(path, "end_device-").empty() && read_text_attr(dev + "/sas_address", value))
        return value;
    if (auto rport = component(path, "rport-"); !rport.empty() &&
        read_text_attr(sys + "/class/fc_remote_ports/" + rport + "/node_name", value))
        return value;
    if (auto session = component(path, "session"); !session.empty() &&
        read_text_attr(sys + "/class/iscsi_session/" + session + "/targetname", value))
        return value;
    if (auto ata = component(path, "ata"); ata.size() > 3 && std::isdigit(static_cast<unsigned char>(ata[3])))
        return "ata-" + ata.substr(3) + ".00";
    return {};
}

// The name of a link's target, "" when `path` is no link.
std::string link_name(const std::string& path)
{
    char buf[PATH_MAX];
    ssize_t n = readlink(path.c_str(), buf, sizeof buf - 1);
    return n > 0 ? basename_of(std::string(buf, static_cast<std::size_t>(n))) : std::string();
}

// What multipath-tools tells host adapters apart by, for round-robin's
// order: the iSCSI host's address, else the PCIe port (or ccw device)
// above the SCSI host; "" when unknown.
std::string host_adapter(const std::string& hctl, const std::string& protocol, const std::string& sys)
{
    const std::string host = "host" + hctl.substr(0, hctl.find(':'));
    std::string value;
    if (protocol == "scsi:iscsi")
        return read_text_attr(sys + "/class/iscsi_host/" + host + "/ipaddress", value) ? value : "";
    if (protocol != "scsi:fcp" && protocol != "scsi:sas")
        return {};
    std::string dir = resolved(sys + "/class/scsi_host/" + host);
    for (auto slash = dir.rfind('/'); !dir.empty() && slash != std::string::npos; slash = dir.rfind('/')) {
        dir = dir.substr(0, slash);
        if (link_name(dir + "/driver") == "pcieport" || link_name(dir + "/subsystem") == "ccw")
            return basename_of(dir);
    }
    return {};
}

// What says whether the kernel's native NVMe multipath owns a namespace
// disk: "hidden" (its per-controller paths, nvmeXcYnZ, are hidden disks)
// and "nvme_parent", the sysfs subsystem of the device the disk hangs
// from: "nvme" for a controller, "nvme-subsystem" for the native
// multipath head.
void read_nvme_attrs(const std::string& dir, BlockDevice& d)
{
    if (!d.name.starts_with("nvme"))
        return;
    std::string value;
    if (read_text_attr(dir + "/hidden", value) && value == "1")
        d.sysfs["hidden"] = value;
    std::string path = resolved(dir);
    auto slash = path.rfind('/');
    if (slash == std::string::npos || slash == 0)
        return;
    std::string subsystem = basename_of(resolved(path.substr(0, slash) + "/subsystem"));
    if (!subsystem.empty())
        d.sysfs["nvme_parent"] = subsystem;
    // The path column of multipath -d: controller id and namespace id.
    if (read_text_attr(path.substr(0, slash) + "/cntlid", value))
        d.sysfs["cntlid"] = value;
    if (read_text_attr(dir + "/nsid", value))
        d.sysfs["nsid"] = value;
}

}  // namespace

void read_priority_attrs(BlockDevice& d, const std::string& sys)
{
    if (!d.attr("hctl"))
        return;
    const std::string dev = sys + "/class/block/" + d.name + "/device";
    std::string value;
    for (const char* key : {"access_state", "preferred_path"})
        if (read_text_attr(dev + "/" + key, value))
            d.sysfs[key] = value;
    if (read_attr(dev + "/inquiry", value) && !value.empty())
        d.sysfs["inquiry"] = hex_text(value);
    if (auto node = target_node_name(dev, sys); !node.empty())
        d.sysfs["tgt_node_name"] = node;
    const auto* protocol = d.attr("protocol");
    if (auto adapter = host_adapter(*d.attr("hctl"), protocol ? *protocol : "", sys); !adapter.empty())
        d.sysfs["host_adapter"] = adapter;
}

std::string kernel_name_of(const std::string& devnum, const std::string& sys)
{
    if (devnum.find('/') != std::string::npos)
        return {};
    std::string path = resolved(sys + "/dev/block/" + devnum);
    return path.empty() ? std::string() : basename_of(path);
}

std::vector<std::string> block_device_names(const std::string& sys)
{
    return directory_names(sys + "/class/block");
}

std::vector<std::string> partitions_of(const std::string& name, const std::string& sys)
{
    std::vector<std::string> parts;
    const std::string dir = sys + "/class/block/" + name;
    for (const auto& entry : directory_names(dir))
        if (entry.starts_with(name) && access((dir + "/" + entry + "/partition").c_str(), F_OK) == 0)
            parts.push_back(entry);
    return parts;
}

Result<DmMap> read_sysfs_dm(const std::string& kernel_name, const std::string& sys)
{
    const std::string dir = sys + "/class/block/" + kernel_name;
    DmMap m;
    std::string dev;
    if (!read_text_attr(dir + "/dev", dev) || !parse_devt(dev, m.devt) ||
        !read_text_attr(dir + "/dm/name", m.name))
        return Result<DmMap>::fail(kernel_name + ": not a device-mapper device (" + dir + "/dm)");
    read_text_attr(dir + "/dm/uuid", m.uuid);
    return Result<DmMap>::ok(std::move(m));
}

std::string protocol_from_path(const std::string& path, const std::string& nvme_transport)
{
    if (path.find("/nvme") != std::string::npos && !nvme_transport.empty())
        return "nvme:" + nvme_transport;
    if (path.find("/ccw/") != std::string::npos || path.find("/css") != std::string::npos)
        return "ccw";
    if (!is_hctl(basename_of(path)))
        return {};
    if (path.find("/rport-") != std::string::npos)
        return "scsi:fcp";
    if (path.find("/session") != std::string::npos)
        return "scsi:iscsi";
    if (path.find("/end_device-") != std::string::npos)
        return "scsi:sas";
    return "scsi:unspec";
}

std::vector<std::string> holders_of(const std::string& name, const std::string& sys)
{
    return directory_names(sys + "/class/block/" + name + "/holders");
}

Result<BlockDevice> read_sysfs_device(const std::string& name, const std::string& sys)
{
    const std::string dir = sys + "/class/block/" + name;
    BlockDevice d;
    d.name = name;
    std::string dev;
    if (!read_text_attr(dir + "/dev", dev) || !parse_devt(dev, d.devt))
        return Result<BlockDevice>::fail(name + ": no such block device (" + dir + "/dev unreadable)");
    d.size = read_number(dir + "/size");
    d.holders = directory_names(dir + "/holders");
    if (access((dir + "/partition").c_str(), F_OK) == 0) {
        d.partition = true;
        std::string path = resolved(dir);
        d.parent = basename_of(path.substr(0, path.rfind('/')));
        d.start = read_number(dir + "/start");
    } else {
        read_device_attrs(dir, d);
        read_nvme_attrs(dir, d);
        // Kept only when set, so snapshots of writable disks stay as they were.
        if (std::string ro; read_text_attr(dir + "/ro", ro) && ro == "1")
            d.sysfs["ro"] = ro;
    }
    return Result<BlockDevice>::ok(std::move(d));
}

}  // namespace mpb

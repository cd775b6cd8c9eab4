// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/sg_io.hh"

#include <fcntl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "core/prioritizers.hh"
#include "sys/unique_fd.hh"

namespace mpb {

namespace {

constexpr unsigned char op_inquiry = 0x12;
constexpr unsigned char op_maintenance_in = 0xa3;
constexpr unsigned char sa_rtpg = 0x0a;

// One data-in command; the reply cut to what the device sent.
Result<std::string> data_in(const std::string& devnode, unsigned char* cdb, unsigned char cdb_len,
                            std::size_t size, std::chrono::milliseconds timeout)
{
    using R = Result<std::string>;
    UniqueFd fd(open(devnode.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid())
        return R::fail("cannot open " + devnode + ": " + std::strerror(errno));
    std::string reply(size, '\0');
    std::array<unsigned char, 32> sense{};
    sg_io_hdr_t h{};
    h.interface_id = 'S';
    h.dxfer_direction = SG_DXFER_FROM_DEV;
    h.cmd_len = cdb_len;
    h.cmdp = cdb;
    h.dxfer_len = static_cast<unsigned>(size);
    h.dxferp = reply.data();
    h.mx_sb_len = sense.size();
    h.sbp = sense.data();
    h.timeout = static_cast<unsigned>(timeout.count());
    if (ioctl(fd.get(), SG_IO, &h) < 0)
        return R::fail(std::string("SG_IO failed: ") + std::strerror(errno));
    if (h.host_status == 0x03)  // DID_TIME_OUT
        return R::fail("timed out after " + std::to_string(timeout.count()) + " ms");
    if ((h.info & SG_INFO_OK_MASK) != SG_INFO_OK)
        return R::fail("command failed (status " + std::to_string(h.status) + ", host " +
                       std::to_string(h.host_status) + ")");
    auto resid = static_cast<std::size_t>(h.resid > 0 ? h.resid : 0);
    reply.resize(resid < size ? size - resid : 0);
    return R::ok(std::move(reply));
}

}  // namespace

Result<std::string> test_unit_ready(const std::string& devnode, std::chrono::milliseconds timeout)
{
    using R = Result<std::string>;
    UniqueFd fd(open(devnode.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid())
        return R::fail("cannot open " + devnode + ": " + std::strerror(errno));
    std::string outcome;
    for (int attempt = 0; attempt < 4; ++attempt) {
        unsigned char cdb[6] = {};
        std::array<unsigned char, 32> sense{};
        sg_io_hdr_t h{};
        h.interface_id = 'S';
        h.dxfer_direction = SG_DXFER_NONE;
        h.cmd_len = sizeof cdb;
        h.cmdp = cdb;
        h.mx_sb_len = sense.size();
        h.sbp = sense.data();
        h.timeout = static_cast<unsigned>(timeout.count());
        if (ioctl(fd.get(), SG_IO, &h) < 0)
            return R::fail(std::string("SG_IO failed: ") + std::strerror(errno));
        outcome = {static_cast<char>(h.status), static_cast<char>(h.host_status & 0xff),
                   static_cast<char>(h.driver_status & 0xff)};
        outcome.append(reinterpret_cast<const char*>(sense.data()), h.sb_len_wr);
        if (!hp_sw_retries(outcome))
            break;
    }
    return R::ok(std::move(outcome));
}

Result<std::string> report_target_port_groups(const std::string& devnode,
                                              std::chrono::milliseconds timeout)
{
    constexpr std::size_t size = 4096;  // multipath-tools' first read; enough for any real array
    unsigned char cdb[12] = {op_maintenance_in, sa_rtpg, 0, 0, 0, 0,
                             0, 0, size >> 8, size & 0xff, 0, 0};
    return data_in(devnode, cdb, sizeof cdb, size, timeout);
}

Result<std::string> inquiry_vpd(const std::string& devnode, unsigned char page,
                                std::chrono::milliseconds timeout)
{
    constexpr std::size_t size = 128;
    unsigned char cdb[6] = {op_inquiry, 1, page, 0, size, 0};
    return data_in(devnode, cdb, sizeof cdb, size, timeout);
}

}  // namespace mpb

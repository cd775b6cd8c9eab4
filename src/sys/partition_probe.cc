// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/partition_probe.hh"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sys/blkid_lib.hh"

namespace mpb {

Result<std::vector<PartitionSpan>> probe_partitions(const std::string& devnode)
{
    using R = Result<std::vector<PartitionSpan>>;
    const auto& lib = blkid_lib();
    if (!lib)
        return R::fail(devnode + ": " + lib.error());
    const BlkidLib& b = lib.value();
    // O_EXCL is not used: a mounted partition map holds the device open.
    int fd = open(devnode.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return R::fail(devnode + ": cannot open: " + std::strerror(errno));
    blkid_probe pr = b.blkid_new_probe();
    std::vector<PartitionSpan> spans;
    std::string error;
    if (!pr || b.blkid_probe_set_device(pr, fd, 0, 0) != 0) {
        error = devnode + ": cannot probe";
    } else {
        b.blkid_probe_enable_superblocks(pr, 0);
        b.blkid_probe_enable_partitions(pr, 1);
        b.blkid_probe_set_partitions_flags(pr, BLKID_PARTS_ENTRY_DETAILS);
        int rc = b.blkid_do_safeprobe(pr);
        blkid_partlist list = rc == 0 ? b.blkid_probe_get_partitions(pr) : nullptr;
        if (rc < 0)
            error = devnode + ": cannot read the partition table (ambivalent or unreadable)";
        for (int i = 0; list && i < b.blkid_partlist_numof_partitions(list); ++i) {
            blkid_partition p = b.blkid_partlist_get_partition(list, i);
            if (!p || b.blkid_partition_is_extended(p))
                continue;
            spans.push_back({static_cast<unsigned>(b.blkid_partition_get_partno(p)),
                             static_cast<unsigned long long>(b.blkid_partition_get_start(p)),
                             static_cast<unsigned long long>(b.blkid_partition_get_size(p))});
        }
    }
    if (pr)
        b.blkid_free_probe(pr);
    close(fd);
    if (!error.empty())
        return R::fail(error);
    return R::ok(std::move(spans));
}

}  // namespace mpb

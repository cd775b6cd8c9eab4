// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/uevent.hh"

#include <fcntl.h>
#include <unistd.h>

#include <thread>

#include "sys/udev_lib.hh"

namespace mpb {

std::vector<std::string> trigger_change(const std::vector<std::string>& names)
{
    std::vector<std::string> failed;
    for (const auto& n : names) {
        int fd = open(("/sys/class/block/" + n + "/uevent").c_str(), O_WRONLY | O_CLOEXEC);
        bool ok = fd >= 0 && write(fd, "change", 6) == 6;
        if (fd >= 0)
            close(fd);
        if (!ok)
            failed.push_back(n);
    }
    return failed;
}

bool wait_for_udev(std::chrono::milliseconds limit)
{
    if (!udev_lib())
        return false;
    const UdevLib& lib = udev_lib().value();
    udev* u = lib.udev_new();
    udev_queue* q = u ? lib.udev_queue_new(u) : nullptr;
    bool empty = true;
    if (q) {
        // The kernel has sent the events; udevd takes a moment to queue them.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        auto deadline = std::chrono::steady_clock::now() + limit;
        while (!(empty = lib.udev_queue_get_queue_is_empty(q)) && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        lib.udev_queue_unref(q);
    }
    if (u)
        lib.udev_unref(u);
    return empty;
}

}  // namespace mpb

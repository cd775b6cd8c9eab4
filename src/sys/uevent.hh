// SPDX-License-Identifier: GPL-2.0-or-later
// Asking udev to run its rules again for devices, and waiting for it.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace mpb {

// Writes "change" to each device's uevent file (/sys/class/block/NAME/uevent);
// returns the names that could not be triggered.
std::vector<std::string> trigger_change(const std::vector<std::string>& names);

// Waits until udev's event queue is empty, at most `limit`; false on timeout.
// True at once when udev is not running.
bool wait_for_udev(std::chrono::milliseconds limit);

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
// libudev, loaded when a command first needs it (dynlib.hh): enumeration
// and udev's event queue. The callout itself reads its environment.
#pragma once

#include <libudev.h>

#include "core/result.hh"
#include "sys/dynlib.hh"

namespace mpb {

#define MPB_UDEV_FUNCTIONS(X)                                                                       \
    X(udev_new) X(udev_unref) X(udev_enumerate_new) X(udev_enumerate_unref)                        \
    X(udev_enumerate_add_match_subsystem) X(udev_enumerate_scan_devices)                           \
    X(udev_enumerate_get_list_entry) X(udev_list_entry_get_next) X(udev_list_entry_get_name)       \
    X(udev_list_entry_get_value) X(udev_device_new_from_syspath) X(udev_device_unref)              \
    X(udev_device_get_sysname) X(udev_device_get_properties_list_entry) X(udev_queue_new)          \
    X(udev_queue_unref) X(udev_queue_get_queue_is_empty)

struct UdevLib {
    MPB_UDEV_FUNCTIONS(MPB_DYNLIB_POINTER)
};

// Loaded once per process; the error says why it could not be.
const Result<UdevLib>& udev_lib();

}  // namespace mpb

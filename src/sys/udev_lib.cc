// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/udev_lib.hh"

namespace mpb {

namespace {

constexpr const char* udev_soname = "libudev.so.1";

Result<UdevLib> load_udev_lib()
{
    return load_library<UdevLib>(udev_soname, [](void* handle, UdevLib& table, std::string& missing) {
        MPB_UDEV_FUNCTIONS(MPB_DYNLIB_LOAD)
    });
}

}  // namespace

const Result<UdevLib>& udev_lib()
{
    static const Result<UdevLib> lib = load_udev_lib();
    return lib;
}

}  // namespace mpb

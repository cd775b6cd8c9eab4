// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot self-test: what the dracut module runs before it puts the
// binary into an initramfs beside the system's libudev, libdevmapper and
// libblkid, which it loads with dlopen(): a missing or unloadable one (for
// a static build, a libc6 upgrade without a rebuilt mpath-boot) must stop
// dracut, not the next boot.
#include <gnu/libc-version.h>

#include <cstdio>

#include "cmd/commands.hh"
#include "sys/blkid_lib.hh"
#include "sys/dm.hh"
#include "sys/udev_lib.hh"

namespace mpb {

namespace {

// libudev loaded and one context made and freed.
Result<std::string> udev_works()
{
    const auto& lib = udev_lib();
    if (!lib)
        return Result<std::string>::fail(lib.error());
    udev* u = lib->udev_new();
    if (!u)
        return Result<std::string>::fail("libudev.so.1: udev_new failed");
    lib->udev_unref(u);
    return Result<std::string>::ok("udev_new works");
}

// libblkid loaded and one probe made and freed.
Result<std::string> blkid_works()
{
    const auto& lib = blkid_lib();
    if (!lib)
        return Result<std::string>::fail(lib.error());
    blkid_probe probe = lib->blkid_new_probe();
    if (!probe)
        return Result<std::string>::fail("libblkid.so.1: blkid_new_probe failed");
    lib->blkid_free_probe(probe);
    return Result<std::string>::ok("blkid_new_probe works");
}

}  // namespace

int run_self_test(const Invocation& inv)
{
    auto udev = udev_works();
    if (!udev)
        return inv.fail("self-test: " + udev.error());
    auto dm = dm_library_version();
    if (!dm)
        return inv.fail("self-test: " + dm.error());
    auto blkid = blkid_works();
    if (!blkid)
        return inv.fail("self-test: " + blkid.error());
    std::printf("glibc %s: the release mpath-boot was built with\n", gnu_get_libc_version());
    std::printf("libudev.so.1: loaded, %s\n", udev->c_str());
    std::printf("libdevmapper.so.1.02.1: loaded, version %s\n", dm->c_str());
    std::printf("libblkid.so.1: loaded, %s\n", blkid->c_str());
    return 0;
}

}  // namespace mpb

// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/blkid_lib.hh"

namespace mpb {

namespace {

constexpr const char* blkid_soname = "libblkid.so.1";

Result<BlkidLib> load_blkid_lib()
{
    return load_library<BlkidLib>(blkid_soname, [](void* handle, BlkidLib& table, std::string& missing) {
        MPB_BLKID_FUNCTIONS(MPB_DYNLIB_LOAD)
    });
}

}  // namespace

const Result<BlkidLib>& blkid_lib()
{
    static const Result<BlkidLib> lib = load_blkid_lib();
    return lib;
}

}  // namespace mpb

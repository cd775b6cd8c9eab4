// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/dynlib.hh"

#include <dlfcn.h>
#include <gnu/libc-version.h>

#include "core/glibc_release.hh"
#include "sys/safe_write.hh"

namespace mpb {

namespace {

// A static glibc loads shared libraries only together with the shared glibc
// of its own release: after a libc6 upgrade without a rebuilt mpath-boot,
// dlopen() would fail or crash. An unreadable libc.so.6 is not held against
// it (the dracut module's self-test is the real proof).
Result<Unit> same_glibc()
{
    auto bytes = read_file(MPB_LIBC_SO);
    auto why = bytes ? glibc_mismatch(gnu_get_libc_version(), bytes.value(), MPB_LIBC_SO) : std::string();
    return why.empty() ? Result<Unit>::ok({}) : Result<Unit>::fail(why);
}

}  // namespace

Result<void*> open_library(const char* soname)
{
    static const Result<Unit> glibc = same_glibc();
    if (!glibc)
        return Result<void*>::fail(std::string("cannot load ") + soname + ": " + glibc.error());
    void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return Result<void*>::fail(std::string("cannot load ") + soname + ": " + dlerror());
    return Result<void*>::ok(handle);
}

void* lookup_symbol(void* handle, const char* name) { return dlsym(handle, name); }

}  // namespace mpb

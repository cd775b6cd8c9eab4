// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/dynlib.hh"

#include <dlfcn.h>

namespace mpb {

Result<void*> open_library(const char* soname)
{
    void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return Result<void*>::fail(std::string("cannot load ") + soname + ": " + dlerror());
    return Result<void*>::ok(handle);
}

void* lookup_symbol(void* handle, const char* name) { return dlsym(handle, name); }

}  // namespace mpb

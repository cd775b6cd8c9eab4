// Libraries loaded with dlopen() when a command first needs them, so the
// udev callout, which rarely does, never pays for loading and relocating
// them (libdevmapper with libselinux and libpcre2: ~1.2 MiB of memory;
// libudev: ~200,000 instructions of symbol binding).
#pragma once

#include <string>

#include "core/result.hh"

namespace mpb {

// The handle of `soname`, opened once per process and kept until exit.
Result<void*> open_library(const char* soname);

// Fills each function pointer of `table` (a struct declared with
// MPB_DYNLIB_POINTER) from `handle`; the error names the missing symbols.
#define MPB_DYNLIB_POINTER(name) decltype(&::name) name = nullptr;
#define MPB_DYNLIB_LOAD(name)                                                      \
    table.name = reinterpret_cast<decltype(&::name)>(lookup_symbol(handle, #name)); \
    if (!table.name)                                                               \
        missing += std::string(missing.empty() ? "" : ", ") + #name;

void* lookup_symbol(void* handle, const char* name);

}  // namespace mpb

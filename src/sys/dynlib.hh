// SPDX-License-Identifier: GPL-2.0-or-later
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

void* lookup_symbol(void* handle, const char* name);

// A table of function pointers declares each with MPB_DYNLIB_POINTER; the
// `fill` given to load_library sets each with MPB_DYNLIB_LOAD.
#define MPB_DYNLIB_POINTER(name) decltype(&::name) name = nullptr;
#define MPB_DYNLIB_LOAD(name)                                                      \
    table.name = reinterpret_cast<decltype(&::name)>(lookup_symbol(handle, #name)); \
    if (!table.name)                                                               \
        missing += std::string(missing.empty() ? "" : ", ") + #name;

// Opens `soname` and fills a Table with fill(handle, table, missing); the
// error names the library and every symbol it lacks.
template <class Table, class Fill>
Result<Table> load_library(const char* soname, Fill fill)
{
    auto opened = open_library(soname);
    if (!opened)
        return Result<Table>::fail(opened.error());
    Table table;
    std::string missing;
    fill(opened.value(), table, missing);
    if (!missing.empty())
        return Result<Table>::fail(std::string(soname) + " lacks " + missing);
    return Result<Table>::ok(table);
}

}  // namespace mpb

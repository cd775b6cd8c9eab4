#include "sys/udev_lib.hh"

namespace mpb {

namespace {

constexpr const char* udev_soname = "libudev.so.1";

Result<UdevLib> load_udev_lib()
{
    auto opened = open_library(udev_soname);
    if (!opened)
        return Result<UdevLib>::fail(opened.error());
    void* handle = opened.value();
    UdevLib table;
    std::string missing;
    MPB_UDEV_FUNCTIONS(MPB_DYNLIB_LOAD)
    if (!missing.empty())
        return Result<UdevLib>::fail(std::string(udev_soname) + " lacks " + missing);
    return Result<UdevLib>::ok(table);
}

}  // namespace

const Result<UdevLib>& udev_lib()
{
    static const Result<UdevLib> lib = load_udev_lib();
    return lib;
}

}  // namespace mpb

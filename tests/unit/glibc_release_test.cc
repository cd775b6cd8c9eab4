// SPDX-License-Identifier: GPL-2.0-or-later
// The glibc release read from libc.so.6's banner.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/glibc_release.hh"

using mpb::glibc_release;
using namespace std::string_literals;

namespace {

// A banner among the library's other strings, NUL-separated as in .rodata.
std::string library_with(const std::string& banner)
{
    return "\x7f" "ELF\0\0junk\0GNU C Library is not here\0"s + banner + "\0Compiled by GNU CC version 12.2.0.\n\0"s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(glibc_release_from_banner)

BOOST_AUTO_TEST_CASE(debian_banner)
{
    auto r = glibc_release(library_with("GNU C Library (Debian GLIBC 2.36-9+deb12u14) stable release version 2.36."));
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(*r == "2.36");
}

BOOST_AUTO_TEST_CASE(development_banner)
{
    auto r = glibc_release(library_with("GNU C Library (GNU libc) development release version 2.40.9000."));
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(*r == "2.40.9000");
}

BOOST_AUTO_TEST_CASE(no_banner)
{
    BOOST_TEST(!glibc_release("").has_value());
    BOOST_TEST(!glibc_release(library_with("GNU C Library without a version")).has_value());
    BOOST_TEST(!glibc_release("GNU C Library release version \0 2.36"s).has_value());
}

// A static mpath-boot after a libc6 upgrade to another release: refused
// with both releases, the library's path and the remedy.
BOOST_AUTO_TEST_CASE(another_release_is_a_mismatch)
{
    const std::string path = "/usr/lib/x86_64-linux-gnu/libc.so.6";
    auto newer = library_with("GNU C Library (Debian GLIBC 2.37-1) stable release version 2.37.");
    BOOST_TEST(mpb::glibc_mismatch("2.36", newer, path) ==
               "the system's glibc is 2.37 (/usr/lib/x86_64-linux-gnu/libc.so.6) and mpath-boot was built "
               "with 2.36; a static binary loads libraries only with its own glibc: rebuild or reinstall "
               "mpath-boot, then the initramfs");
    BOOST_TEST(mpb::glibc_mismatch("2.37", newer, path).empty());
    BOOST_TEST(mpb::glibc_mismatch("2.36", "no banner", path).empty());
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// Helpers shared by the unit tests.
#pragma once

#include <boost/test/unit_test.hpp>

#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mpb::test {

// Bytes from a list of integers, for hand-written VPD pages.
inline std::vector<std::uint8_t> bytes(std::initializer_list<int> v)
{
    std::vector<std::uint8_t> out;
    for (int x : v)
        out.push_back(static_cast<std::uint8_t>(x));
    return out;
}

// A fresh directory under /tmp, removed (without following symlinks) at scope exit.
struct TempDir {
    std::string path;
    TempDir()
    {
        char tmpl[] = "/tmp/mpb-unit-XXXXXX";
        const char* p = ::mkdtemp(tmpl);
        BOOST_REQUIRE(p != nullptr);
        path = p;
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string at(const std::string& name) const { return path + "/" + name; }
};

}  // namespace mpb::test

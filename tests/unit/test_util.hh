// SPDX-License-Identifier: GPL-2.0-or-later
// Helpers shared by the unit tests.
#pragma once

#include <boost/test/unit_test.hpp>

#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
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

// The same as a string, for hand-written SCSI replies as sysfs and SG_IO give them.
inline std::string raw(std::initializer_list<int> v)
{
    std::string s;
    for (int x : v)
        s.push_back(static_cast<char>(x));
    return s;
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

// Files of the tests' own making, read and written plainly.
inline void put(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    BOOST_REQUIRE(out.good());
}

inline std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    return all.str();
}

inline std::vector<std::string> entries(const std::string& dir)
{
    std::vector<std::string> names;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Temp files are the only dot files these tests' directories ever hold.
inline std::vector<std::string> leftovers(const std::string& dir)
{
    auto names = entries(dir);
    std::erase_if(names, [](const std::string& n) { return n.empty() || n[0] != '.'; });
    return names;
}

inline struct stat lstat_of(const std::string& path)
{
    struct stat st {};
    BOOST_REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st;
}

inline unsigned perm_bits(const std::string& path) { return lstat_of(path).st_mode & 07777; }

inline mode_t current_umask()
{
    mode_t m = ::umask(0);
    ::umask(m);
    return m;
}

}  // namespace mpb::test

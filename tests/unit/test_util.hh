// Helpers shared by the unit tests.
#pragma once

#include <cstdint>
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

}  // namespace mpb::test

// SPDX-License-Identifier: GPL-2.0-or-later
// What the fuzz targets share: the input as text, split into several files
// at separator lines, and a check that aborts (a finding) when it fails.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mpb::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// The parts of `text` between lines that are exactly `separator` ("@@@@"):
// several files in one input. Always at least one part.
inline std::vector<std::string_view> split_parts(std::string_view text, std::string_view separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0, pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        if (text.substr(pos, end - pos) == separator) {
            parts.push_back(text.substr(start, pos - start));
            start = end + 1;
        }
        pos = end + 1;
    }
    parts.push_back(start <= text.size() ? text.substr(start) : std::string_view());
    return parts;
}

// A broken invariant: libFuzzer records the input as a crash.
inline void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

}  // namespace mpb::fuzz

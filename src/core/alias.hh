// Validity of a map name (dm name, /dev/mapper entry, bindings field).
#pragma once

#include <string>
#include <string_view>

namespace mpb {

// dm names are at most 127 bytes (DM_NAME_LEN 128 with the NUL).
inline constexpr std::size_t max_alias_length = 127;

// Empty when valid, otherwise the reason: empty, too long, "." or "..",
// contains '/', whitespace or a control character.
std::string alias_problem(std::string_view alias);

}  // namespace mpb

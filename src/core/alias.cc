#include "core/alias.hh"

namespace mpb {

std::string alias_problem(std::string_view alias)
{
    if (alias.empty())
        return "empty name";
    if (alias.size() > max_alias_length)
        return "longer than " + std::to_string(max_alias_length) + " bytes";
    if (alias == "." || alias == "..")
        return "\"" + std::string(alias) + "\" is not a valid name";
    for (unsigned char c : alias) {
        if (c == '/')
            return "contains '/'";
        if (c <= ' ' || c == 0x7f)
            return "contains whitespace or a control character";
    }
    return {};
}

}  // namespace mpb

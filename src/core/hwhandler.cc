// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/hwhandler.hh"

namespace mpb {

namespace {

constexpr const char* alua_handler = "1 alua";

// TPGS not known on some path (it was down) does not count against the
// others, but at least one path must have answered.
bool all_paths_alua(const std::vector<Tpgs>& tpgs)
{
    bool one = false;
    for (auto t : tpgs) {
        if (t == Tpgs::none)
            return false;
        one = one || t != Tpgs::undef;
    }
    return one;
}

}  // namespace

HwHandlerChoice select_hwhandler(const Set<std::string>& configured,
                                 const std::vector<PathRecord>& paths,
                                 const std::vector<Tpgs>& tpgs)
{
    HwHandlerChoice out{configured.value, configured.origin.describe()};
    bool from_default = configured.origin.kind == Origin::builtin;
    for (const auto& p : paths) {
        const auto& dh = p.facts.dh_state;
        if (!dh.empty() && dh != "detached") {
            out = {"1 " + dh, "retained: the kernel attached " + dh + " to " + p.name +
                                  " (retain_attached_hw_handler, implied on kernels >= 4.3)"};
            from_default = false;
            break;
        }
    }
    bool alua = all_paths_alua(tpgs);
    if (alua && from_default && out.value == "0")
        return {alua_handler, "autodetected: every path does ALUA (TPGS)"};
    if (!alua && out.value == alua_handler)
        return {"0", "not 1 alua (" + out.reason + "): not every path does ALUA (TPGS)"};
    return out;
}

}  // namespace mpb

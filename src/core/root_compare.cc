// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/root_compare.hh"

#include <set>

namespace mpb {

namespace {

const std::string wwids_file = "/etc/multipath/wwids";
const std::string bindings_file = "/etc/multipath/bindings";
const std::string settings_file = "/etc/mpath-boot.conf";

void compare_wwids(const RootFiles& rd, const RootFiles& root, std::vector<Difference>& out)
{
    for (const auto& w : root.wwids.wwids)
        if (!rd.wwids.contains(w))
            out.push_back({wwids_file, w, root.label + " lists WWID " + w + ", " + rd.label + " does not",
                           rd.label + " claims no path of it under find_multipaths strict and does not wait for it, "
                           "so no map is built for it before root is mounted"});
    for (const auto& w : rd.wwids.wwids)
        if (!root.wwids.contains(w))
            out.push_back({wwids_file, w, rd.label + " lists WWID " + w + ", " + root.label + " does not",
                           rd.label + " waits for it and builds its map; " + root.label +
                               " would not claim it on its own"});
}

void compare_bindings(const RootFiles& rd, const RootFiles& root, std::vector<Difference>& out)
{
    const bool renamed = rd.settings.rename_at_handover;
    for (const auto& b : root.bindings.entries) {
        const Binding* mine = rd.bindings.find_by_wwid(b.wwid);
        if (mine && mine->alias == b.alias)
            continue;
        std::string what = mine ? rd.label + " binds WWID " + b.wwid + " to " + mine->alias + ", " + root.label +
                                      " to " + b.alias
                                : root.label + " binds WWID " + b.wwid + " to " + b.alias + ", " + rd.label +
                                      " has no binding for it";
        out.push_back({bindings_file, b.wwid, what,
                       renamed ? "the handover renames the map to " + b.alias + " before switch-root, once root is mounted"
                               : "the map keeps the initramfs's name (rename_at_handover no); the real root looks "
                                 "for " + b.alias});
    }
    for (const auto& b : rd.bindings.entries)
        if (!root.bindings.find_by_wwid(b.wwid))
            out.push_back({bindings_file, b.wwid,
                           rd.label + " binds WWID " + b.wwid + " to " + b.alias + ", " + root.label + " does not",
                           "the real root names the map by its own rules"});
}

void compare_texts(const RootFiles& rd, const RootFiles& root, std::vector<Difference>& out)
{
    std::set<std::string> names;
    for (const auto& [name, text] : rd.texts)
        names.insert(name);
    for (const auto& [name, text] : root.texts)
        names.insert(name);
    for (const auto& name : names) {
        if (name == wwids_file || name == bindings_file)
            continue;
        auto a = rd.texts.find(name);
        auto b = root.texts.find(name);
        std::string what = a == rd.texts.end()   ? "only " + root.label + " has it"
                           : b == root.texts.end() ? "only " + rd.label + " has it"
                           : a->second != b->second ? "the two differ"
                                                    : "";
        if (what.empty())
            continue;
        out.push_back({name, "", what,
                       name == settings_file
                           ? rd.label + " waits and renames by its own settings"
                           : rd.label + " builds maps with its own settings; multipathd in the real root may "
                                        "reload or rename them with the real root's"});
    }
}

}  // namespace

std::vector<Difference> compare_roots(const RootFiles& initramfs, const RootFiles& real_root)
{
    std::vector<Difference> out;
    compare_texts(initramfs, real_root, out);
    compare_bindings(initramfs, real_root, out);
    compare_wwids(initramfs, real_root, out);
    return out;
}

}  // namespace mpb

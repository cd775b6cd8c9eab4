// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot diagnose: why a multipath boot failed, with the remedy. Reads
// the machine and the files of this root and of the other one (the real
// root at /sysroot from the initramfs; the next initramfs from the real
// root), all through views that record what was read, so that a capture
// replays to the same findings anywhere.
#include <cstdio>
#include <memory>

#include "cmd/commands.hh"
#include "cmd/common.hh"
#include "core/diagnosis.hh"
#include "sys/file_views.hh"
#include "sys/initramfs_image.hh"
#include "sys/memory_files.hh"
#include "sys/sysroot_files.hh"

namespace mpb {

namespace {

constexpr const char* sysroot = "/sysroot";
constexpr const char* run_dir = "/run/mpath-boot";
constexpr auto unpack_timeout = std::chrono::seconds(60);

// The paths one root keeps its multipath files at.
struct RootPaths {
    std::string config = "/etc/multipath.conf";
    std::string config_dir = "/etc/multipath/conf.d";
    std::string state_dir = "/etc/multipath";
    std::string settings = "/etc/mpath-boot.conf";
};

std::optional<std::string> text_of(const FileSource& files, const std::string& path)
{
    auto r = files.read(path);
    return r ? r.value() : std::nullopt;
}

// The texts compared between roots, by the standard names.
std::map<std::string, std::string> texts_of(const FileSource& files, const RootPaths& p)
{
    std::map<std::string, std::string> out;
    auto keep = [&](const std::string& name, const std::string& path) {
        if (auto t = text_of(files, path))
            out[name] = *t;
    };
    keep("/etc/multipath.conf", p.config);
    if (auto names = files.names(p.config_dir))
        for (const auto& n : names.value())
            if (n.ends_with(".conf"))
                keep("/etc/multipath/conf.d/" + n, p.config_dir + "/" + n);
    keep("/etc/multipath/bindings", p.state_dir + "/bindings");
    keep("/etc/multipath/wwids", p.state_dir + "/wwids");
    keep("/etc/mpath-boot.conf", p.settings);
    return out;
}

RootFiles read_root(const FileSource& files, const RootPaths& p, const std::string& label)
{
    RootFiles r;
    r.label = label;
    r.state_dir = p.state_dir;
    r.config = read_config(files, p.config, p.config_dir);
    auto state = read_state(files, p.state_dir);
    r.bindings = std::move(state.bindings);
    r.wwids = std::move(state.wwids);
    r.bindings_readable = state.bindings_readable;
    r.state_problems = std::move(state.problems);
    r.settings = read_boot_settings(files, p.settings);
    r.texts = texts_of(files, p);
    r.dracut_modules = text_of(files, "/usr/lib/dracut/modules.txt");
    r.fstab = text_of(files, "/etc/fstab");
    return r;
}

// The other root: its files and how messages call it; or why there is none.
struct Other {
    std::unique_ptr<FileSource> view;
    std::unique_ptr<SysrootFiles> root;  // what a live view reads
    std::optional<TempDir> unpacked;     // an initramfs's files, while read
    std::string prefix;                  // what its files are recorded under
    std::string label;
    std::string missing;                 // why there is none
};

const std::vector<std::string> initramfs_files{"etc/multipath.conf", "etc/multipath/*", "etc/mpath-boot.conf",
                                               "usr/lib/dracut/modules.txt"};

// Live: /sysroot from the initramfs once root is mounted there, else
// `image` or the initramfs /boot holds for the running kernel.
Other live_other(bool in_initramfs, const std::string& image_arg, const Snapshot& snap,
                 std::map<std::string, std::string>& record)
{
    Other o;
    std::string dir = sysroot;
    if (in_initramfs) {
        if (!mounted_at(snap, sysroot).found()) {
            o.missing = "/sysroot is not mounted (root was not found)";
            return o;
        }
        o.prefix = sysroot;
        o.label = "the real root (/sysroot)";
    } else {
        auto image = image_arg.empty() ? next_initramfs() : Result<std::string>::ok(image_arg);
        auto tmp = image ? TempDir::make("mpath-boot-diagnose") : Result<TempDir>::fail(image.error());
        auto unpacked = tmp ? unpack_initramfs(*image, tmp->path(), initramfs_files, unpack_timeout)
                            : Result<Unit>::fail(tmp.error());
        if (!unpacked) {
            o.missing = "the next initramfs could not be read: " + unpacked.error();
            return o;
        }
        dir = tmp->path();
        o.unpacked.emplace(std::move(tmp.value()));
        o.prefix = *image + "!";
        o.label = "the initramfs " + *image;
    }
    auto root = SysrootFiles::open(dir);
    if (!root) {
        o.missing = root.error();
        return o;
    }
    o.root = std::make_unique<SysrootFiles>(std::move(root.value()));
    o.view = std::make_unique<RecordingSource>(*o.root, o.prefix, record);
    return o;
}

// Replay: the other root as the capture recorded it.
Other replayed_other(const Snapshot& rec, const FileSource& files)
{
    Other o;
    o.prefix = rec.compared_with;
    if (o.prefix.empty()) {
        o.missing = rec.not_compared.empty() ? "none was recorded" : rec.not_compared;
        return o;
    }
    o.label = o.prefix == sysroot ? "the real root (/sysroot)"
                                  : "the initramfs " + o.prefix.substr(0, o.prefix.size() - 1);
    o.view = std::make_unique<PrefixedSource>(files, o.prefix);
    return o;
}

struct Gathered {
    Snapshot snap;
    RootFiles here;
    std::optional<RootFiles> other;
    std::string no_other;
    bool in_initramfs = false;
    std::string wait_record;
    std::optional<std::string> handover_record;
};

// `image`: the initramfs the real root compares with, "" for the next one.
Gathered gather(const FileSource& files, const RootPaths& paths, Snapshot snap, bool live,
                const std::string& image, std::map<std::string, std::string>& record)
{
    Gathered g;
    g.in_initramfs = text_of(files, "/etc/initrd-release").has_value();
    g.here = read_root(files, paths, g.in_initramfs ? "this initramfs" : "this real root");
    g.wait_record = text_of(files, std::string(run_dir) + "/wait-gave-up").value_or("");
    g.handover_record = text_of(files, std::string(run_dir) + "/handover.json");
    Other o = live ? live_other(g.in_initramfs, image, snap, record) : replayed_other(snap, files);
    if (o.view) {
        RootPaths standard;
        g.other = read_root(*o.view, standard, o.label);
        snap.compared_with = o.prefix;
    } else {
        g.no_other = o.missing;
        snap.not_compared = o.missing;
    }
    g.snap = std::move(snap);
    return g;
}

// Every device and map; when device-mapper cannot be asked (no driver, no
// permission), the maps sysfs shows, without tables: a report without
// them beats none.
Result<Snapshot> machine_now(Machine& m, const Logger& log)
{
    auto maps = m.dm().list();
    if (!maps) {
        std::string why = maps.error();
        if (why.ends_with("."))
            why.pop_back();
        log.warning("diagnose: " + why + "; maps are shown from sysfs, without tables");
    }
    return m.snapshot_with(maps ? std::move(maps.value()) : m.map_names());
}

}  // namespace

int run_diagnose(const Invocation& inv)
{
    auto machine = inv.machine();
    if (!machine)
        return inv.fail(machine.error());
    const Snapshot* recorded = machine.value()->recorded();
    RootPaths paths{inv.options.config, inv.options.config_dir, inv.options.state_dir, inv.options.settings};
    std::map<std::string, std::string> record;
    MemoryFiles replayed;
    if (recorded)
        for (const auto& [path, text] : recorded->files)
            replayed.put(path, text);
    RecordingSource live_files(inv.files(), "", record);
    const FileSource& files = recorded ? static_cast<const FileSource&>(replayed) : live_files;

    // Priority facts are not needed: the report shows what the maps have.
    auto snap = machine_now(*machine.value(), inv.log);
    if (!snap)
        return inv.fail("diagnose: " + snap.error());
    machine.value()->add_map_usage(snap->maps);
    if (recorded) {
        snap->compared_with = recorded->compared_with;
        snap->not_compared = recorded->not_compared;
    }
    Gathered g = gather(files, paths, std::move(snap.value()), !recorded, inv.value("--initramfs"), record);

    DiagnoseInput in{g.snap, g.here, g.other ? &*g.other : nullptr, g.no_other, g.in_initramfs,
                     g.wait_record, g.handover_record};
    auto d = diagnose(in);
    auto text = inv.flag("--json") ? format_diagnosis_json(d) : format_diagnosis(d);
    std::fputs(text.c_str(), stdout);
    if (auto out = inv.value("--capture"); !out.empty()) {
        g.snap.files = recorded ? recorded->files : record;
        if (auto w = inv.files().write_atomically(out, format_snapshot(g.snap), WriteOptions{}); !w)
            return inv.fail("diagnose: --capture: " + w.error());
    }
    return d.findings.empty() ? 0 : 1;
}

}  // namespace mpb

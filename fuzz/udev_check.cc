// SPDX-License-Identifier: GPL-2.0-or-later
// A hostile device through udev-check's whole decision: the snapshot, the
// configuration and the state files come from the input, the verdict is
// made as `mpath-boot udev-check` makes it (the device alone first, every
// device when find_multipaths smart asks for them) and printed as it
// prints it; every line printed must be KEY=VALUE with a value of
// [A-Za-z0-9_.:/-] only, or the input is a finding.
//
// The input is lines; a line starting with '@' begins a part:
//   @conf                      multipath.conf follows (another @conf: conf.d)
//   @wwids, @bindings          the state files follow
//   @dev NAME MAJ:MIN [PARENT] a disk (a partition of PARENT), then lines
//                              "p KEY=VALUE" (udev property), "s KEY=VALUE"
//                              (sysfs attribute), "h HOLDER", "m MOUNTPOINT",
//                              "swap", "size N"
//   @map NAME MAJ:MIN UUID     a dm map, then "h HOLDER", "m MOUNTPOINT",
//                              "open N", "t TABLE"
//   @earlier VALUE             the device's MPATH_BOOT_PATH from udev's db
// The snapshot is checked as --replay checks it (format_snapshot, then
// parse_snapshot): one that replay would refuse is not decided on.
#include "core/udev_verdict.hh"
#include "fuzz/fuzz_input.hh"

using namespace mpb;

namespace {

struct Input {
    std::vector<ConfigText> conf;
    std::string wwids, bindings, earlier;
    Snapshot snap;
};

std::vector<std::string> words(std::string_view line)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < line.size()) {
        std::size_t end = line.find(' ', pos);
        if (end == std::string_view::npos)
            end = line.size();
        if (end > pos)
            out.emplace_back(line.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

DevT devt(const std::string& s)
{
    DevT d;
    auto colon = s.find(':');
    try {
        d.major = static_cast<unsigned>(std::stoul(s.substr(0, colon)));
        if (colon != std::string::npos)
            d.minor = static_cast<unsigned>(std::stoul(s.substr(colon + 1)));
    } catch (const std::exception&) {
    }
    return d;
}

unsigned long long number(std::string_view s)
{
    unsigned long long n = 0;
    for (char c : s)
        if (c >= '0' && c <= '9' && n < (1ULL << 50))
            n = n * 10 + static_cast<unsigned>(c - '0');
    return n;
}

std::pair<std::string, std::string> key_value(std::string_view s)
{
    auto eq = s.find('=');
    if (eq == std::string_view::npos)
        return {std::string(s), ""};
    return {std::string(s.substr(0, eq)), std::string(s.substr(eq + 1))};
}

// A line of a @dev part.
void device_line(BlockDevice& d, std::string_view line)
{
    std::string_view rest = line.size() > 2 ? line.substr(2) : std::string_view();
    if (line.starts_with("p "))
        d.properties.insert(key_value(rest));
    else if (line.starts_with("s "))
        d.sysfs.insert(key_value(rest));
    else if (line.starts_with("h "))
        d.holders.emplace_back(rest);
    else if (line.starts_with("m "))
        d.mountpoints.emplace_back(rest);
    else if (line == "swap")
        d.swap = true;
    else if (line.starts_with("size "))
        d.size = number(line.substr(5));
}

// A line of a @map part.
void map_line(DmMap& m, std::string_view line)
{
    std::string_view rest = line.size() > 2 ? line.substr(2) : std::string_view();
    if (line.starts_with("h "))
        m.holders.emplace_back(rest);
    else if (line.starts_with("m "))
        m.mountpoints.emplace_back(rest);
    else if (line.starts_with("t "))
        m.table = rest;
    else if (line.starts_with("open "))
        m.open_count = static_cast<int>(number(line.substr(5)) & 0xffff);
}

Input read_input(std::string_view text)
{
    Input in;
    enum { none, conf, wwids, bindings, dev, map } part = none;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.starts_with("@")) {
            auto w = words(line);
            part = none;
            if (w[0] == "@conf") {
                part = conf;
                in.conf.push_back({in.conf.empty() ? "/etc/multipath.conf"
                                                   : "/etc/multipath/conf.d/" +
                                                         std::to_string(in.conf.size()) + ".conf",
                                   ""});
            } else if (w[0] == "@wwids") {
                part = wwids;
            } else if (w[0] == "@bindings") {
                part = bindings;
            } else if (w[0] == "@earlier") {
                in.earlier = w.size() > 1 ? w[1] : "";
            } else if (w[0] == "@dev" && w.size() >= 3) {
                part = dev;
                BlockDevice d;
                d.name = w[1];
                d.devt = devt(w[2]);
                d.partition = w.size() > 3;
                d.parent = d.partition ? w[3] : "";
                d.size = 2097152;
                in.snap.devices.push_back(std::move(d));
            } else if (w[0] == "@map" && w.size() >= 4) {
                part = map;
                in.snap.maps.push_back({w[1], w[3], devt(w[2]), "", 0, "", false, {}, {}});
            }
            continue;
        }
        std::string with_newline = std::string(line) + "\n";
        switch (part) {
        case conf: in.conf.back().text += with_newline; break;
        case wwids: in.wwids += with_newline; break;
        case bindings: in.bindings += with_newline; break;
        case dev: device_line(in.snap.devices.back(), line); break;
        case map: map_line(in.snap.maps.back(), line); break;
        case none: break;
        }
    }
    return in;
}

bool printable_value(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == ':' || c == '/' || c == '-';
}

// ^[A-Z_]+=[A-Za-z0-9_.:/-]*$ for every line, and nothing after the last.
void check_properties(const std::string& text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        fuzz::check(end != std::string::npos);
        std::size_t i = pos;
        while (i < end && ((text[i] >= 'A' && text[i] <= 'Z') || text[i] == '_'))
            ++i;
        fuzz::check(i > pos && i < end && text[i] == '=');
        for (++i; i < end; ++i)
            fuzz::check(printable_value(text[i]));
        pos = end + 1;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in = read_input(fuzz::as_text(data, size));
    if (in.snap.devices.empty())
        return 0;
    auto snap = parse_snapshot(format_snapshot(in.snap), "fuzz.json");
    if (!snap)
        return 0;
    Config config = load_config(in.conf);
    auto wwids = parse_wwids(in.wwids, "/etc/multipath/wwids");
    auto bindings = parse_bindings(in.bindings, "/etc/multipath/bindings");
    UdevInput input{config, wwids, bindings, in.earlier};
    for (const auto& dev : snap.value().devices) {
        // udev-check on a live machine: the device alone, then every device.
        UdevVerdict v = udev_verdict(snap.value(), dev.name, input, false);
        if (v.kind == UdevVerdict::Kind::need_siblings)
            v = udev_verdict(snap.value(), dev.name, input, true);
        fuzz::check(v.kind != UdevVerdict::Kind::need_siblings);
        auto out = udev_properties(v);
        check_properties(out.text);
        fuzz::check(out.text.starts_with("DM_MULTIPATH_DEVICE_PATH="));
    }
    return 0;
}

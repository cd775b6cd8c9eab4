// SPDX-License-Identifier: GPL-2.0-or-later
// Snapshots as JSON: strict reading, so that a mistyped hand-written file
// fails with its place named instead of replaying something else, and
// canonical writing, so that a captured file replays exactly.
#include "core/snapshot.hh"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <optional>
#include <set>

#include "core/dm_name.hh"
#include "core/hex.hh"
#include "core/text.hh"

// Core code does no I/O; leaving out nlohmann's stream overloads also keeps
// <istream>/<ostream> out of the boot binary.
#define JSON_NO_IO
#include <nlohmann/json.hpp>

namespace mpb {

// ----- lookups declared in the header -----------------------------------------

const std::string* BlockDevice::property(std::string_view key) const
{
    auto it = properties.find(std::string(key));
    return it == properties.end() ? nullptr : &it->second;
}

const std::string* BlockDevice::attr(std::string_view key) const
{
    auto it = sysfs.find(std::string(key));
    return it == sysfs.end() ? nullptr : &it->second;
}

const BlockDevice* Snapshot::find_device(std::string_view name) const
{
    for (const auto& d : devices)
        if (d.name == name)
            return &d;
    return nullptr;
}

const DmMap* find_map_by_uuid(const std::vector<DmMap>& maps, std::string_view uuid)
{
    // Maps without a UUID (plain dmsetup create) are not "the map with UUID
    // ''"; an empty key would otherwise match the first of them.
    if (uuid.empty())
        return nullptr;
    for (const auto& m : maps)
        if (m.uuid == uuid)
            return &m;
    return nullptr;
}

const DmMap* Snapshot::find_map_by_uuid(std::string_view uuid) const
{
    return mpb::find_map_by_uuid(maps, uuid);
}

const DmMap* Snapshot::find_map_by_kernel_name(std::string_view name) const
{
    // All dm devices share one major: the minor alone names the device.
    auto minor = minor_of_dm_kernel_name(name);
    if (!minor)
        return nullptr;
    for (const auto& m : maps)
        if (m.devt.minor == *minor)
            return &m;
    return nullptr;
}

namespace {

// ordered_json keeps document order, so "unknown key" names the first one a
// reader sees and output follows the documented key order. One basic_json
// type for reading and writing keeps the code in the binary small.
using Json = nlohmann::ordered_json;

constexpr std::string_view format_name = "mpath-boot-snapshot";
// Version 2 adds what diagnose records (files, compared_with, not_compared,
// map holders and mountpoints); a snapshot without them is written as
// version 1, so readers that know only version 1 still read it.
constexpr unsigned long long format_version = 2;

// ----- places and messages -------------------------------------------------------

// JSON text of a string, so control characters in a bad name show escaped
// and a message stays one line.
std::string in_quotes(std::string_view s)
{
    std::string text =
        Json(s.substr(0, max_quoted)).dump(-1, ' ', false, Json::error_handler_t::replace);
    // nlohmann leaves DEL as it is; it is a control character too.
    for (std::size_t at = text.find('\x7f'); at != std::string::npos; at = text.find('\x7f', at))
        text.replace(at, 1, "\\u007f");
    if (s.size() > max_quoted)
        text += "... (" + std::to_string(s.size()) + " bytes)";
    return text;
}

// Keys that would make a location ambiguous or break the line are quoted.
bool plain_key(std::string_view key)
{
    return !key.empty() && key.size() <= max_quoted && std::none_of(key.begin(), key.end(), [](unsigned char c) {
        return c <= ' ' || c == 0x7f || c == '.' || c == '[' || c == ']' || c == '"' ||
               c == '\\';
    });
}

// Locations look like "devices[1].devnum" or `devices[0].properties["A B"]`;
// the top level is "".
std::string member(const std::string& where, std::string_view key)
{
    if (!plain_key(key))
        return where + "[" + in_quotes(key) + "]";
    std::string s = where;
    if (!s.empty())
        s += '.';
    s += key;
    return s;
}

std::string element(const std::string& where, std::size_t index)
{
    return where + "[" + std::to_string(index) + "]";
}

std::string problem_at(const std::string& where, const std::string& what)
{
    return where.empty() ? what : where + ": " + what;
}

// A value as the message shows it: scalars as their JSON text (shortened),
// containers by kind, since dumping a whole subtree would not fit a line.
std::string shown(const Json& v)
{
    if (v.is_object())
        return "an object";
    if (v.is_array())
        return "an array";
    constexpr std::size_t longest = 60;
    std::string text = v.is_string() ? in_quotes(v.get_ref<const std::string&>())
                                     : v.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() > longest) {
        std::size_t cut = longest - 3;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80)
            --cut;  // not inside a UTF-8 sequence
        text.resize(cut);
        text += "...";
    }
    return text;
}

std::string expected(const std::string& where, std::string_view what, const Json& got)
{
    return problem_at(where, "expected " + std::string(what) + ", got " + shown(got));
}

template <class T, class U>
Result<T> failed(const Result<U>& r)
{
    return Result<T>::fail(r.error());
}

// ----- plain values ------------------------------------------------------------

template <class T>
using Reader = Result<T> (*)(const Json&, const std::string&);

const Json* find_member(const Json& obj, std::string_view key)
{
    auto it = obj.find(std::string(key));
    return it == obj.end() ? nullptr : &*it;
}

template <class T>
Result<T> required(const Json& obj, std::string_view key, const std::string& where,
                   Reader<T> read)
{
    const Json* v = find_member(obj, key);
    if (!v)
        return Result<T>::fail(problem_at(where, "missing key " + in_quotes(key)));
    return read(*v, member(where, key));
}

// Absent members read as T{}: the defaults of the structs in the header.
template <class T>
Result<T> optional(const Json& obj, std::string_view key, const std::string& where,
                   Reader<T> read)
{
    const Json* v = find_member(obj, key);
    if (!v)
        return Result<T>::ok(T{});
    return read(*v, member(where, key));
}

std::string unknown_key_problem(const Json& obj, std::initializer_list<std::string_view> known,
                                const std::string& where)
{
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (std::find(known.begin(), known.end(), it.key()) == known.end())
            return problem_at(where, "unknown key " + in_quotes(it.key()));
    return {};
}

Result<std::string> read_string(const Json& v, const std::string& where)
{
    if (!v.is_string())
        return Result<std::string>::fail(expected(where, "a string", v));
    return Result<std::string>::ok(v.get_ref<const std::string&>());
}

Result<unsigned long long> read_unsigned(const Json& v, const std::string& where)
{
    // Negative numbers, fractions and integers beyond 64 bits (which the
    // parser turns into floating point) all land here.
    if (!v.is_number_unsigned())
        return Result<unsigned long long>::fail(expected(where, "an unsigned integer", v));
    return Result<unsigned long long>::ok(v.get<unsigned long long>());
}

Result<bool> read_bool(const Json& v, const std::string& where)
{
    if (!v.is_boolean())
        return Result<bool>::fail(expected(where, "true or false", v));
    return Result<bool>::ok(v.get<bool>());
}

Result<int> read_open_count(const Json& v, const std::string& where)
{
    if (!v.is_number_unsigned() || v.get<unsigned long long>() > INT_MAX)
        return Result<int>::fail(
            expected(where, "an integer from 0 to " + std::to_string(INT_MAX), v));
    return Result<int>::ok(static_cast<int>(v.get<unsigned long long>()));
}

Result<std::vector<std::string>> read_string_list(const Json& v, const std::string& where)
{
    using R = Result<std::vector<std::string>>;
    if (!v.is_array())
        return R::fail(expected(where, "an array of strings", v));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        auto s = read_string(v[i], element(where, i));
        if (!s)
            return failed<std::vector<std::string>>(s);
        out.push_back(*s);
    }
    return R::ok(std::move(out));
}

Result<std::map<std::string, std::string>> read_string_map(const Json& v, const std::string& where)
{
    using R = Result<std::map<std::string, std::string>>;
    if (!v.is_object())
        return R::fail(expected(where, "an object", v));
    std::map<std::string, std::string> out;
    for (auto it = v.begin(); it != v.end(); ++it) {
        auto s = read_string(*it, member(where, it.key()));
        if (!s)
            return failed<std::map<std::string, std::string>>(s);
        out.emplace(it.key(), *s);
    }
    return R::ok(std::move(out));
}

// ----- names and numbers ---------------------------------------------------------

// Decimal digits only (no sign, no spaces). Values of 2^32 and more come
// back as 2^32, so callers can tell "too big" from "not a number".
std::optional<std::uint64_t> decimal(std::string_view s)
{
    constexpr std::uint64_t cap = std::uint64_t{1} << 32;
    if (s.empty())
        return std::nullopt;
    std::uint64_t n = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = std::min<std::uint64_t>(n * 10 + static_cast<std::uint64_t>(c - '0'), cap);
    }
    return n;
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    for (;;) {
        std::size_t at = s.find(sep);
        parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos)
            return parts;
        s.remove_prefix(at + 1);
    }
}

// "MAJ:MIN" as its two numbers (each capped as decimal() does); nullopt
// for text of another shape.
std::optional<std::pair<std::uint64_t, std::uint64_t>> devnum_numbers(std::string_view text)
{
    auto parts = split(text, ':');
    if (parts.size() != 2)
        return std::nullopt;
    auto major = decimal(parts[0]);
    auto minor = decimal(parts[1]);
    if (!major || !minor)
        return std::nullopt;
    return std::pair{*major, *minor};
}

Result<DevT> read_devnum(const Json& v, const std::string& where)
{
    if (!v.is_string())
        return Result<DevT>::fail(expected(where, "\"MAJ:MIN\"", v));
    const std::string& text = v.get_ref<const std::string&>();
    auto n = devnum_numbers(text);
    if (!n)
        return Result<DevT>::fail(expected(where, "\"MAJ:MIN\"", v));
    if (n->first > UINT32_MAX || n->second > UINT32_MAX)
        return Result<DevT>::fail(
            problem_at(where, in_quotes(text) + ": numbers must fit in 32 bits"));
    return Result<DevT>::ok(DevT{static_cast<unsigned>(n->first), static_cast<unsigned>(n->second)});
}

// Kernel names become paths under /sys/class/block and /dev and words in
// logs, so nothing that leaves the directory or splits a word is accepted.
std::string kernel_name_problem(std::string_view name)
{
    if (name.empty())
        return "must not be empty";
    if (name == "." || name == "..")
        return in_quotes(name) + " is not a kernel name";
    for (unsigned char c : name) {
        if (c == '/')
            return in_quotes(name) + " contains '/'";
        if (c <= ' ' || c == 0x7f)
            return in_quotes(name) + " contains whitespace or a control character";
    }
    return {};
}

Result<std::string> read_kernel_name(const Json& v, const std::string& where)
{
    auto s = read_string(v, where);
    if (!s)
        return s;
    if (auto p = kernel_name_problem(*s); !p.empty())
        return Result<std::string>::fail(problem_at(where, p));
    return s;
}

Result<std::vector<std::string>> read_kernel_names(const Json& v, const std::string& where)
{
    auto list = read_string_list(v, where);
    if (!list)
        return list;
    for (std::size_t i = 0; i < list->size(); ++i)
        if (auto p = kernel_name_problem((*list)[i]); !p.empty())
            return Result<std::vector<std::string>>::fail(problem_at(element(where, i), p));
    return list;
}

// The kernel refuses only empty dm names and '/'; other maps (LVM,
// dm-crypt) may legitimately use names multipath would not choose.
Result<std::string> read_map_name(const Json& v, const std::string& where)
{
    auto s = read_string(v, where);
    if (!s)
        return s;
    if (s->empty())
        return Result<std::string>::fail(problem_at(where, "must not be empty"));
    if (s->find('/') != std::string::npos)
        return Result<std::string>::fail(problem_at(where, in_quotes(*s) + " contains '/'"));
    return s;
}

Result<bool> read_devtype(const Json& v, const std::string& where)
{
    if (v.is_string() && v.get_ref<const std::string&>() == "partition")
        return Result<bool>::ok(true);
    if (v.is_string() && v.get_ref<const std::string&>() == "disk")
        return Result<bool>::ok(false);
    return Result<bool>::fail(expected(where, "\"disk\" or \"partition\"", v));
}

// ----- sysfs attributes --------------------------------------------------------


// VPD pages are kept as hex text: pairs of hex digits, with whitespace
// allowed between pairs (what hex.hh's bytes_from_hex reads).
std::string hex_problem(std::string_view s)
{
    std::size_t digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool hex = is_hex_digit(c);
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (hex)
            ++digits;
        else if (!space || digits % 2 != 0)
            return "not pairs of hex digits (offset " + std::to_string(i) + ")";
    }
    if (digits % 2 != 0)
        return "odd number of hex digits";
    return {};
}

// The attributes that hold raw bytes as hex text.
bool is_hex_attribute(const std::string& key)
{
    for (const char* k : {"vpd_pg80", "vpd_pg83", "inquiry", "rtpg", "vpd_pgc0", "vpd_pgc9", "tur"})
        if (key == k)
            return true;
    return false;
}

Result<std::map<std::string, std::string>> read_sysfs(const Json& v, const std::string& where)
{
    using R = Result<std::map<std::string, std::string>>;
    if (!v.is_object())
        return R::fail(expected(where, "an object", v));
    // Closed on purpose, like every other key set: a misspelt "vender" would
    // otherwise read as "no vendor" and change decisions silently.
    if (auto p = unknown_key_problem(v, {"vendor", "model", "rev", "hctl", "state", "protocol",
                                         "vpd_pg83", "vpd_pg80", "dh_state", "access_state",
                                         "preferred_path", "inquiry", "rtpg", "vpd_pgc0",
                                         "vpd_pgc9", "tur", "tgt_node_name", "host_adapter",
                                         "hidden", "nvme_parent", "ro"},
                                     where);
        !p.empty())
        return R::fail(p);
    auto attrs = read_string_map(v, where);
    if (!attrs)
        return attrs;
    for (const auto& [key, value] : *attrs) {
        std::string problem;
        if (key == "hctl" && !is_hctl(value))
            problem = "expected \"H:C:T:L\", got " + in_quotes(value);
        else if (is_hex_attribute(key))
            problem = hex_problem(value);
        if (!problem.empty())
            return R::fail(problem_at(member(where, key), problem));
    }
    return attrs;
}

// ----- devices and maps ------------------------------------------------------------

// A partition's parent and start, which a disk must not have. Whether the
// parent exists is checked once all devices are read.
Result<BlockDevice> read_placement(const Json& v, const std::string& where, BlockDevice d)
{
    using R = Result<BlockDevice>;
    if (!d.partition) {
        for (const char* key : {"parent", "start"})
            if (find_member(v, key))
                return R::fail(problem_at(member(where, key), "not allowed for a disk"));
        return R::ok(std::move(d));
    }
    if (!find_member(v, "parent"))
        return R::fail(problem_at(where, "missing key \"parent\" (required for a partition)"));
    auto parent = required(v, "parent", where, read_string);
    if (!parent)
        return failed<BlockDevice>(parent);
    d.parent = *parent;
    auto start = optional(v, "start", where, read_unsigned);
    if (!start)
        return failed<BlockDevice>(start);
    d.start = *start;
    return R::ok(std::move(d));
}

Result<BlockDevice> read_device(const Json& v, const std::string& where)
{
    using R = Result<BlockDevice>;
    if (!v.is_object())
        return R::fail(expected(where, "an object", v));
    if (auto p = unknown_key_problem(v, {"name", "devnum", "devtype", "size", "parent",
                                         "start", "properties", "sysfs", "holders", "mountpoints", "swap"},
                                     where);
        !p.empty())
        return R::fail(p);

    BlockDevice d;
    auto name = required(v, "name", where, read_kernel_name);
    if (!name)
        return failed<BlockDevice>(name);
    d.name = *name;
    auto devt = required(v, "devnum", where, read_devnum);
    if (!devt)
        return failed<BlockDevice>(devt);
    d.devt = *devt;
    auto partition = required(v, "devtype", where, read_devtype);
    if (!partition)
        return failed<BlockDevice>(partition);
    d.partition = *partition;
    auto size = optional(v, "size", where, read_unsigned);
    if (!size)
        return failed<BlockDevice>(size);
    d.size = *size;

    if (auto placed = read_placement(v, where, std::move(d)); placed)
        d = std::move(placed.value());
    else
        return placed;

    auto properties = optional(v, "properties", where, read_string_map);
    if (!properties)
        return failed<BlockDevice>(properties);
    d.properties = std::move(properties.value());
    auto sysfs = optional(v, "sysfs", where, read_sysfs);
    if (!sysfs)
        return failed<BlockDevice>(sysfs);
    d.sysfs = std::move(sysfs.value());
    auto holders = optional(v, "holders", where, read_kernel_names);
    if (!holders)
        return failed<BlockDevice>(holders);
    d.holders = std::move(holders.value());
    auto mountpoints = optional(v, "mountpoints", where, read_string_list);
    if (!mountpoints)
        return failed<BlockDevice>(mountpoints);
    d.mountpoints = std::move(mountpoints.value());
    auto swap = optional(v, "swap", where, read_bool);
    if (!swap)
        return failed<BlockDevice>(swap);
    d.swap = *swap;
    return R::ok(std::move(d));
}

// Remembers the first element with a given key; the problem text when the
// key was seen before, empty otherwise.
std::string repeat_problem(std::map<std::string, std::size_t>& seen, const std::string& key,
                           std::size_t index, const std::string& list, const std::string& field,
                           std::string_view what)
{
    auto [it, fresh] = seen.emplace(key, index);
    if (fresh)
        return {};
    return problem_at(member(element(list, index), field),
                      "duplicate " + std::string(what) + " " + in_quotes(key) + " (also " +
                          element(list, it->second) + ")");
}

Result<std::vector<BlockDevice>> read_devices(const Json& v, const std::string& where)
{
    using R = Result<std::vector<BlockDevice>>;
    if (!v.is_array())
        return R::fail(expected(where, "an array", v));
    std::vector<BlockDevice> devices;
    std::map<std::string, std::size_t> names, devnums;
    for (std::size_t i = 0; i < v.size(); ++i) {
        auto d = read_device(v[i], element(where, i));
        if (!d)
            return failed<std::vector<BlockDevice>>(d);
        if (auto p = repeat_problem(names, d->name, i, where, "name", "name"); !p.empty())
            return R::fail(p);
        if (auto p = repeat_problem(devnums, d->devt.str(), i, where, "devnum", "devnum");
            !p.empty())
            return R::fail(p);
        devices.push_back(std::move(d.value()));
    }
    // Parents may come after their partitions, so this needs the whole list.
    for (std::size_t i = 0; i < devices.size(); ++i) {
        const BlockDevice& d = devices[i];
        if (!d.partition)
            continue;
        auto parent = names.find(d.parent);
        if (parent == names.end() || devices[parent->second].partition)
            return R::fail(problem_at(member(element(where, i), "parent"),
                                      in_quotes(d.parent) + " is not a disk in this snapshot"));
    }
    return R::ok(std::move(devices));
}

Result<DmMap> read_map(const Json& v, const std::string& where)
{
    using R = Result<DmMap>;
    if (!v.is_object())
        return R::fail(expected(where, "an object", v));
    if (auto p = unknown_key_problem(v, {"name", "uuid", "devnum", "table", "status", "open_count",
                                         "read_only", "holders", "mountpoints"},
                                     where);
        !p.empty())
        return R::fail(p);

    DmMap m;
    auto name = required(v, "name", where, read_map_name);
    if (!name)
        return failed<DmMap>(name);
    m.name = *name;
    // Required but may be empty: not every dm device has a UUID.
    auto uuid = required(v, "uuid", where, read_string);
    if (!uuid)
        return failed<DmMap>(uuid);
    m.uuid = *uuid;
    auto devt = required(v, "devnum", where, read_devnum);
    if (!devt)
        return failed<DmMap>(devt);
    m.devt = *devt;
    auto table = optional(v, "table", where, read_string);
    if (!table)
        return failed<DmMap>(table);
    m.table = *table;
    auto status = optional(v, "status", where, read_string);
    if (!status)
        return failed<DmMap>(status);
    m.status = *status;
    auto open_count = optional(v, "open_count", where, read_open_count);
    if (!open_count)
        return failed<DmMap>(open_count);
    m.open_count = *open_count;
    auto read_only = optional(v, "read_only", where, read_bool);
    if (!read_only)
        return failed<DmMap>(read_only);
    m.read_only = *read_only;
    auto holders = optional(v, "holders", where, read_kernel_names);
    if (!holders)
        return failed<DmMap>(holders);
    m.holders = std::move(holders.value());
    auto mountpoints = optional(v, "mountpoints", where, read_string_list);
    if (!mountpoints)
        return failed<DmMap>(mountpoints);
    m.mountpoints = std::move(mountpoints.value());
    return R::ok(std::move(m));
}

Result<std::vector<DmMap>> read_maps(const Json& v, const std::string& where)
{
    using R = Result<std::vector<DmMap>>;
    if (!v.is_array())
        return R::fail(expected(where, "an array", v));
    std::vector<DmMap> maps;
    std::map<std::string, std::size_t> names, uuids, devnums;
    for (std::size_t i = 0; i < v.size(); ++i) {
        auto m = read_map(v[i], element(where, i));
        if (!m)
            return failed<std::vector<DmMap>>(m);
        // The kernel keeps names, non-empty UUIDs and devnums unique.
        std::string p = repeat_problem(names, m->name, i, where, "name", "name");
        if (p.empty() && !m->uuid.empty())
            p = repeat_problem(uuids, m->uuid, i, where, "uuid", "uuid");
        if (p.empty())
            p = repeat_problem(devnums, m->devt.str(), i, where, "devnum", "devnum");
        if (!p.empty())
            return R::fail(p);
        maps.push_back(std::move(m.value()));
    }
    return R::ok(std::move(maps));
}

// The first member only version 2 has, "" when none is used.
std::string version_2_member(const Snapshot& s)
{
    if (!s.files.empty())
        return "files";
    if (!s.compared_with.empty())
        return "compared_with";
    if (!s.not_compared.empty())
        return "not_compared";
    for (std::size_t i = 0; i < s.maps.size(); ++i) {
        if (!s.maps[i].holders.empty())
            return "maps[" + std::to_string(i) + "].holders";
        if (!s.maps[i].mountpoints.empty())
            return "maps[" + std::to_string(i) + "].mountpoints";
    }
    return "";
}

Result<Snapshot> read_snapshot(const Json& root)
{
    using R = Result<Snapshot>;
    const std::string top;
    if (!root.is_object())
        return R::fail(expected(top, "an object", root));

    // Format and version first: another kind of file, or a newer snapshot,
    // should be named as such rather than as a list of unknown keys.
    const Json* format = find_member(root, "format");
    if (!format)
        return R::fail("missing key \"format\"");
    if (!format->is_string() || format->get_ref<const std::string&>() != format_name)
        return R::fail(expected("format", in_quotes(format_name), *format));
    auto version = required(root, "version", top, read_unsigned);
    if (!version)
        return failed<Snapshot>(version);
    if (*version < 1 || *version > format_version)
        return R::fail("version: unsupported snapshot version " + std::to_string(*version) +
                       " (this mpath-boot reads versions 1 and 2)");
    if (auto p = unknown_key_problem(root, {"format", "version", "cmdline", "devices", "maps", "files",
                                            "compared_with", "not_compared"},
                                     top);
        !p.empty())
        return R::fail(p);

    Snapshot s;
    auto cmdline = optional(root, "cmdline", top, read_string);
    if (!cmdline)
        return failed<Snapshot>(cmdline);
    s.cmdline = *cmdline;
    auto devices = required(root, "devices", top, read_devices);
    if (!devices)
        return failed<Snapshot>(devices);
    s.devices = std::move(devices.value());
    auto maps = optional(root, "maps", top, read_maps);
    if (!maps)
        return failed<Snapshot>(maps);
    s.maps = std::move(maps.value());
    auto files = optional(root, "files", top, read_string_map);
    if (!files)
        return failed<Snapshot>(files);
    s.files = std::move(files.value());
    auto compared_with = optional(root, "compared_with", top, read_string);
    if (!compared_with)
        return failed<Snapshot>(compared_with);
    s.compared_with = *compared_with;
    auto not_compared = optional(root, "not_compared", top, read_string);
    if (!not_compared)
        return failed<Snapshot>(not_compared);
    s.not_compared = *not_compared;
    if (auto key = version_2_member(s); *version == 1 && !key.empty())
        return R::fail(key + ": not in snapshot version 1 (write \"version\": 2)");
    return R::ok(std::move(s));
}

// ----- the JSON parser -----------------------------------------------------------

// nlohmann keeps the last of repeated keys without a word; a snapshot with
// two "size" members is a mistake, so this follows the parse to name where
// the first repeat is.
class KeyTracker {
public:
    bool on_event(Json::parse_event_t event, const Json& parsed)
    {
        using E = Json::parse_event_t;
        switch (event) {
        case E::object_start:
            levels_.push_back(Level{true, {}, {}, 0});
            break;
        case E::array_start:
            levels_.push_back(Level{false, {}, {}, 0});
            break;
        case E::key: {
            Level& top = levels_.back();
            const std::string& key = parsed.get_ref<const std::string&>();
            if (!top.keys.insert(key).second && repeat_.empty())
                repeat_ = problem_at(where(), "duplicate key " + in_quotes(key));
            top.key = key;
            break;
        }
        case E::object_end:
        case E::array_end:
            levels_.pop_back();
            value_done();
            break;
        case E::value:
            value_done();
            break;
        }
        return true;
    }

    // Empty when no key was repeated.
    const std::string& repeat() const { return repeat_; }

    // Location of the value being read when the parser stopped.
    std::string current() const { return path(levels_.size()); }

private:
    struct Level {
        bool object;
        std::set<std::string> keys;  // seen so far, objects only
        std::string key;             // current member, objects only
        std::size_t index;           // current element, arrays only
    };

    // Location below the outermost `depth` open containers.
    std::string path(std::size_t depth) const
    {
        std::string w;
        for (std::size_t i = 0; i < depth; ++i)
            w = levels_[i].object ? member(w, levels_[i].key) : element(w, levels_[i].index);
        return w;
    }

    // Location of the innermost open container.
    std::string where() const { return levels_.empty() ? "" : path(levels_.size() - 1); }

    void value_done()
    {
        if (!levels_.empty() && !levels_.back().object)
            ++levels_.back().index;
    }

    std::vector<Level> levels_;
    std::string repeat_;
};

std::string_view without_exception_prefix(std::string_view what)
{
    // "[json.exception.parse_error.101] parse error at ..." -> "parse error at ..."
    if (what.starts_with("[json.exception.")) {
        std::size_t end = what.find("] ");
        if (end != std::string_view::npos)
            what.remove_prefix(end + 2);
    }
    return what;
}

// "line 4, column 12: syntax error while parsing ..." from nlohmann's text.
// Its "last read: '...'" quotes input bytes, escaping only control
// characters; other non-ASCII bytes are written as \xHH so the message is
// valid UTF-8 even when the input was not.
std::string parse_error_text(std::string_view what)
{
    what = without_exception_prefix(what);
    for (std::string_view lead : {"parse error at ", "parse error: "})
        if (what.starts_with(lead)) {
            what.remove_prefix(lead.size());
            break;
        }
    // The token nlohmann quotes may be the rest of a long line.
    constexpr std::string_view read = "last read: '";
    std::string cut;
    if (auto at = what.find(read); at != std::string_view::npos) {
        auto start = at + read.size();
        auto end = what.find("'; ", start);
        if (end == std::string_view::npos)
            end = what.ends_with('\'') ? what.size() - 1 : what.size();
        if (end > start + max_quoted) {
            cut = std::string(what.substr(0, start + max_quoted)) + "..." + std::string(what.substr(end));
            what = cut;
        }
    }
    std::string text;
    for (unsigned char c : what)
        text += c < 0x80 ? std::string(1, static_cast<char>(c)) : "\\x" + hex_pair(c);
    return text;
}

// Where arrays and objects first nest deeper than max_snapshot_depth, as
// "line L, column C", else "": the parser and the tracker keep one entry a
// level, and a snapshot nests 4 deep.
std::string too_deep(std::string_view text)
{
    std::size_t depth = 0, line = 1, column = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        ++column;
        if (c == '\n') {
            ++line;
            column = 0;
        } else if (in_string) {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_snapshot_depth)
                return "line " + std::to_string(line) + ", column " + std::to_string(column);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return {};
}

}  // namespace

const BlockDevice* Snapshot::find_device_by_devnum(std::string_view devnum) const
{
    // Parsed once and compared as numbers: callers look up every path of
    // every map, and formatting each device's number cost a string each.
    auto n = devnum_numbers(devnum);
    if (!n || n->first > UINT32_MAX || n->second > UINT32_MAX)
        return nullptr;
    const DevT want{static_cast<unsigned>(n->first), static_cast<unsigned>(n->second)};
    for (const auto& d : devices)
        if (d.devt == want)
            return &d;
    return nullptr;
}

bool is_hctl(std::string_view s)
{
    // The LUN may be 64 bits wide, so only "four decimal numbers" is checked.
    auto parts = split(s, ':');
    return parts.size() == 4 && std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
               return !p.empty() && std::all_of(p.begin(), p.end(), [](char c) {
                   return c >= '0' && c <= '9';
               });
           });
}

Result<Snapshot> parse_snapshot(std::string_view json_text, const std::string& source)
{
    using R = Result<Snapshot>;
    if (auto at = too_deep(json_text); !at.empty())
        return R::fail(source + ": " + at + ": arrays and objects nested deeper than " +
                       std::to_string(max_snapshot_depth) + " levels");
    KeyTracker tracker;
    Json root;
    try {
        root = Json::parse(json_text.data(), json_text.data() + json_text.size(),
                           [&tracker](int, Json::parse_event_t event, Json& parsed) {
                               return tracker.on_event(event, parsed);
                           });
    } catch (const Json::parse_error& e) {
        // A repeated key came before whatever broke the parse.
        if (!tracker.repeat().empty())
            return R::fail(source + ": " + tracker.repeat());
        return R::fail(source + ": " + parse_error_text(e.what()));
    } catch (const Json::exception& e) {
        // Numbers too large even for a double ("1e400"); nlohmann gives no
        // position for these, the tracker knows which member it was.
        return R::fail(source + ": " +
                       problem_at(tracker.current(), std::string(without_exception_prefix(e.what()))));
    }
    if (!tracker.repeat().empty())
        return R::fail(source + ": " + tracker.repeat());
    auto s = read_snapshot(root);
    if (!s)
        return R::fail(source + ": " + s.error());
    return s;
}

// ----- writing ---------------------------------------------------------------------

namespace {

// Members in the documented order; optional ones only when they say
// something, except "size", which is worth seeing even when 0.
Json device_json(const BlockDevice& d)
{
    Json o = Json::object();
    o["name"] = d.name;
    o["devnum"] = d.devt.str();
    o["devtype"] = d.partition ? "partition" : "disk";
    o["size"] = d.size;
    if (d.partition) {
        o["parent"] = d.parent;
        if (d.start != 0)
            o["start"] = d.start;
    }
    if (!d.properties.empty())
        o["properties"] = d.properties;
    if (!d.sysfs.empty())
        o["sysfs"] = d.sysfs;
    if (!d.holders.empty())
        o["holders"] = d.holders;
    if (!d.mountpoints.empty())
        o["mountpoints"] = d.mountpoints;
    if (d.swap)
        o["swap"] = true;
    return o;
}

Json map_json(const DmMap& m)
{
    Json o = Json::object();
    o["name"] = m.name;
    o["uuid"] = m.uuid;
    o["devnum"] = m.devt.str();
    if (!m.table.empty())
        o["table"] = m.table;
    if (!m.status.empty())
        o["status"] = m.status;
    if (m.open_count != 0)
        o["open_count"] = m.open_count;
    if (m.read_only)
        o["read_only"] = true;
    if (!m.holders.empty())
        o["holders"] = m.holders;
    if (!m.mountpoints.empty())
        o["mountpoints"] = m.mountpoints;
    return o;
}

}  // namespace

std::string format_snapshot(const Snapshot& s)
{
    Json root = Json::object();
    root["format"] = format_name;
    root["version"] = version_2_member(s).empty() ? 1 : format_version;
    if (!s.cmdline.empty())
        root["cmdline"] = s.cmdline;
    Json devices = Json::array();
    for (const auto& d : s.devices)
        devices.push_back(device_json(d));
    root["devices"] = std::move(devices);
    if (!s.maps.empty()) {
        Json maps = Json::array();
        for (const auto& m : s.maps)
            maps.push_back(map_json(m));
        root["maps"] = std::move(maps);
    }
    if (!s.files.empty())
        root["files"] = s.files;
    if (!s.compared_with.empty())
        root["compared_with"] = s.compared_with;
    if (!s.not_compared.empty())
        root["not_compared"] = s.not_compared;
    // JSON strings are UTF-8; a byte sequence that is not (a raw udev
    // property, say) is written as U+FFFD instead of failing the capture.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace mpb

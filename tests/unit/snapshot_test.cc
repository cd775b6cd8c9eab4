// SPDX-License-Identifier: GPL-2.0-or-later
// Snapshot JSON: every rule of docs/snapshot.md with its exact message, the
// round trip format -> parse, the lookups, and the fixture files.
#include "core/snapshot.hh"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <string>

namespace bdata = boost::unit_test::data;
using mpb::BlockDevice;
using mpb::DevT;
using mpb::DmMap;
using mpb::Snapshot;

namespace {

// One input that must be refused, and the message word for word (without
// the "snap.json: " every message starts with).
struct BadCase {
    const char* name;
    const char* json;
    const char* error;
};

std::ostream& operator<<(std::ostream& os, const BadCase& c)
{
    return os << c.name;
}

struct GoodCase {
    const char* name;
    const char* json;
};

std::ostream& operator<<(std::ostream& os, const GoodCase& c)
{
    return os << c.name;
}

// A bad file under tests/fixtures/bad and its message (source "bad/FILE").
struct BadFile {
    const char* file;
    const char* error;
};

std::ostream& operator<<(std::ostream& os, const BadFile& c)
{
    return os << c.file;
}

// Documents around the part a case is about.
#define DOC(devices) \
    "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": [" devices "]}"
#define DOC_MAPS(maps) \
    "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": [], \"maps\": [" maps "]}"
// A device with the required members, and one with a given extra member.
#define DISK(name, devnum) "{\"name\": \"" name "\", \"devnum\": \"" devnum "\", \"devtype\": \"disk\"}"
#define SDA_WITH(member) "{\"name\": \"sda\", \"devnum\": \"8:0\", \"devtype\": \"disk\", " member "}"
#define MAP(name, uuid, devnum) \
    "{\"name\": \"" name "\", \"uuid\": \"" uuid "\", \"devnum\": \"" devnum "\"}"
#define MAPA_WITH(member) \
    "{\"name\": \"mpatha\", \"uuid\": \"mpath-x\", \"devnum\": \"253:0\", " member "}"

void check_refused(const char* json, const std::string& error)
{
    mpb::Result<Snapshot> r = mpb::Result<Snapshot>::fail("not run");
    BOOST_REQUIRE_NO_THROW(r = mpb::parse_snapshot(json, "snap.json"));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == "snap.json: " + error);
}

Snapshot parsed(std::string_view json)
{
    auto r = mpb::parse_snapshot(json, "snap.json");
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    return r.value();
}

std::string read_text(const std::string& relative)
{
    std::ifstream in(std::string(TOP_SRCDIR) + "/" + relative, std::ios::binary);
    BOOST_TEST_REQUIRE(in.is_open(), "cannot open " << relative);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string from_hex(const std::string& hex)
{
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

// Field by field, so a failure names what differs.
void check_same(const Snapshot& a, const Snapshot& b)
{
    BOOST_TEST(a.cmdline == b.cmdline);
    BOOST_TEST_REQUIRE(a.devices.size() == b.devices.size());
    for (std::size_t i = 0; i < a.devices.size(); ++i) {
        BOOST_TEST_CONTEXT("devices[" << i << "]")
        {
            const BlockDevice& x = a.devices[i];
            const BlockDevice& y = b.devices[i];
            BOOST_TEST(x.name == y.name);
            BOOST_TEST(x.devt.str() == y.devt.str());
            BOOST_TEST(x.partition == y.partition);
            BOOST_TEST(x.parent == y.parent);
            BOOST_TEST(x.start == y.start);
            BOOST_TEST(x.size == y.size);
            BOOST_TEST((x.properties == y.properties));
            BOOST_TEST((x.sysfs == y.sysfs));
            BOOST_TEST(x.holders == y.holders, boost::test_tools::per_element());
            BOOST_TEST(x.mountpoints == y.mountpoints, boost::test_tools::per_element());
            BOOST_TEST(x.swap == y.swap);
        }
    }
    BOOST_TEST_REQUIRE(a.maps.size() == b.maps.size());
    for (std::size_t i = 0; i < a.maps.size(); ++i) {
        BOOST_TEST_CONTEXT("maps[" << i << "]")
        {
            BOOST_TEST(a.maps[i].name == b.maps[i].name);
            BOOST_TEST(a.maps[i].uuid == b.maps[i].uuid);
            BOOST_TEST(a.maps[i].devt.str() == b.maps[i].devt.str());
            BOOST_TEST(a.maps[i].table == b.maps[i].table);
            BOOST_TEST(a.maps[i].open_count == b.maps[i].open_count);
            BOOST_TEST(a.maps[i].status == b.maps[i].status);
            BOOST_TEST(a.maps[i].read_only == b.maps[i].read_only);
            BOOST_TEST(a.maps[i].holders == b.maps[i].holders, boost::test_tools::per_element());
            BOOST_TEST(a.maps[i].mountpoints == b.maps[i].mountpoints, boost::test_tools::per_element());
        }
    }
    BOOST_TEST((a.files == b.files));
    BOOST_TEST(a.compared_with == b.compared_with);
    BOOST_TEST(a.not_compared == b.not_compared);
}

// Uses every member, with strings that need escaping in JSON.
Snapshot everything()
{
    Snapshot s;
    s.cmdline = "BOOT_IMAGE=/vmlinuz root=/dev/mapper/mpatha-part1 ro \"quoted\"\ttab";
    s.files = {{"/etc/multipath.conf", "defaults {\n\tfind_multipaths \"strict\"\n}\n"},
               {"/sysroot/etc/multipath/wwids", "/W1/\n"}};
    s.compared_with = "/sysroot";
    s.not_compared = "(kept though compared_with is set: the round trip keeps what it is given)";
    BlockDevice sda;
    sda.name = "sda";
    sda.devt = {8, 0};
    sda.size = 2097152;
    sda.properties = {{"ID_SERIAL", "0QEMU_QEMU_HARDDISK_mpath0"},
                      {"ID_MODEL_ENC", "QEMU\\x20HARDDISK"},
                      {"ID_FS_LABEL", "donn\xc3\xa9"
                                      "es\nline2"},
                      {"EMPTY", ""}};
    sda.sysfs = {{"vendor", "QEMU"}, {"hctl", "0:0:0:0"}, {"vpd_pg80", "008000066d7061746830"},
                 {"dh_state", "alua"}};
    sda.holders = {"dm-0"};
    BlockDevice sda1;
    sda1.name = "sda1";
    sda1.devt = {8, 1};
    sda1.partition = true;
    sda1.parent = "sda";
    sda1.size = 2093056;
    sda1.start = 2048;
    sda1.mountpoints = {"/boot", "/mnt/with space"};
    BlockDevice sdb;
    sdb.name = "sdb";
    sdb.devt = {4294967295u, 4294967295u};
    sdb.size = 18446744073709551615ull;
    sdb.swap = true;
    BlockDevice nvme;
    nvme.name = "nvme0n1";
    nvme.devt = {259, 0};
    nvme.sysfs = {{"nvme_parent", "nvme-subsystem"}, {"hidden", "1"}, {"ro", "1"}};
    BlockDevice dm0;
    dm0.name = "dm-0";
    dm0.devt = {253, 0};
    s.devices = {sda, sda1, sdb, nvme, dm0};
    s.maps = {DmMap{"mpatha", "mpath-0QEMU_QEMU_HARDDISK_mpath0", {253, 0},
                    "0 2097152 multipath 0 0 1 1 service-time 0 1 1 8:0 1", 2,
                    "0 2097152 multipath 2 0 0 0 1 1 A 0 1 2 8:0 A 0 0 1", true, {}, {}},
              DmMap{"plain", "", {253, 1}, "", 0, "", false, {}, {}}};
    return s;
}

// ----- tables ---------------------------------------------------------------------

const BadCase syntax_errors[] = {
    {"not_json", "This is not a snapshot.",
     "line 1, column 1: syntax error while parsing value - invalid literal; last read: 'T'"},
    {"empty", "",
     "line 1, column 1: syntax error while parsing value - unexpected end of input; "
     "expected '[', '{', or a literal"},
    {"only_whitespace", "  \n",
     "line 2, column 1: syntax error while parsing value - unexpected end of input; "
     "expected '[', '{', or a literal"},
    {"truncated", "{\"format\": \"mpath-boot-snapshot\",\n \"version\": 1,\n \"devices\": [",
     "line 3, column 14: syntax error while parsing value - unexpected end of input; "
     "expected '[', '{', or a literal"},
    {"unclosed_object", "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": []",
     "line 1, column 62: syntax error while parsing object - unexpected end of input; "
     "expected '}'"},
    {"trailing_text", "{} x",
     "line 1, column 4: syntax error while parsing value - invalid literal; last read: '{} x'; "
     "expected end of input"},
    {"trailing_comma", "{\"a\": 1,}",
     "line 1, column 9: syntax error while parsing object key - unexpected '}'; "
     "expected string literal"},
    {"comment", "// snapshot\n{}",
     "line 1, column 1: syntax error while parsing value - invalid literal; last read: '/'"},
    {"single_quotes", "{'format': 1}",
     "line 1, column 2: syntax error while parsing object key - invalid literal; "
     "last read: '{''; expected string literal"},
    {"missing_colon", "{\"a\" 1}",
     "line 1, column 6: syntax error while parsing object separator - unexpected number "
     "literal; expected ':'"},
    {"control_character_in_string", "{\"a\": \"x\ty\"}",
     "line 1, column 9: syntax error while parsing value - invalid string: control character "
     "U+0009 (HT) must be escaped to \\u0009 or \\t; last read: '\"x<U+0009>'"},
    {"bad_escape", "{\"a\": \"\\q\"}",
     "line 1, column 9: syntax error while parsing value - invalid string: forbidden "
     "character after backslash; last read: '\"\\q'"},
    {"lone_surrogate", "{\"a\": \"\\ud800\"}",
     "line 1, column 14: syntax error while parsing value - invalid string: surrogate "
     "U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'"},
    {"invalid_utf8_shown_as_hex", "{\"a\": \"\xff\"}",
     "line 1, column 8: syntax error while parsing value - invalid string: ill-formed UTF-8 "
     "byte; last read: '\"\\xff'"},
    {"leading_zero_number", DOC("01"),
     "line 1, column 62: syntax error while parsing array - unexpected number literal; "
     "expected ']'"},
    {"number_beyond_double", DOC(SDA_WITH("\"size\": 1e400")),
     "devices[0].size: number overflow parsing '1e400'"},
    {"number_beyond_double_in_array", DOC("-1e999"),
     "devices[0]: number overflow parsing '-1e999'"},
    {"duplicate_top_level_key",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"version\": 1, \"devices\": []}",
     "duplicate key \"version\""},
    {"duplicate_device_key", DOC(DISK("sda", "8:0") ", " SDA_WITH("\"name\": \"sdb\"")),
     "devices[1]: duplicate key \"name\""},
    {"duplicate_property",
     DOC(SDA_WITH("\"properties\": {\"ID_SERIAL\": \"a\", \"ID_SERIAL\": \"b\"}")),
     "devices[0].properties: duplicate key \"ID_SERIAL\""},
    {"duplicate_map_key", DOC_MAPS(MAP("a", "", "253:0") ", " MAPA_WITH("\"uuid\": \"u\"")),
     "maps[1]: duplicate key \"uuid\""},
    {"duplicate_key_before_syntax_error", "{\"a\": 1, \"a\": 2, ", "duplicate key \"a\""},
    {"same_key_in_sibling_objects_is_fine_but_not_twice",
     DOC(DISK("sda", "8:0") ", " DISK("sdb", "8:16") ", " SDA_WITH("\"swap\": true, \"swap\": true")),
     "devices[2]: duplicate key \"swap\""},
};

const BadCase document_errors[] = {
    {"root_array", "[]", "expected an object, got an array"},
    {"root_string", "\"snapshot\"", "expected an object, got \"snapshot\""},
    {"root_null", "null", "expected an object, got null"},
    {"missing_format", "{\"version\": 1, \"devices\": []}", "missing key \"format\""},
    {"wrong_format", "{\"format\": \"mpath-boot-report\", \"version\": 1, \"devices\": []}",
     "format: expected \"mpath-boot-snapshot\", got \"mpath-boot-report\""},
    {"format_not_string", "{\"format\": 1, \"version\": 1, \"devices\": []}",
     "format: expected \"mpath-boot-snapshot\", got 1"},
    {"format_checked_first", "{\"name\": \"x\", \"version\": 1}", "missing key \"format\""},
    {"missing_version", "{\"format\": \"mpath-boot-snapshot\", \"devices\": []}",
     "missing key \"version\""},
    {"version_3", "{\"format\": \"mpath-boot-snapshot\", \"version\": 3, \"devices\": []}",
     "version: unsupported snapshot version 3 (this mpath-boot reads versions 1 and 2)"},
    {"version_0", "{\"format\": \"mpath-boot-snapshot\", \"version\": 0, \"devices\": []}",
     "version: unsupported snapshot version 0 (this mpath-boot reads versions 1 and 2)"},
    {"version_before_unknown_keys",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 3, \"zones\": [], \"devices\": []}",
     "version: unsupported snapshot version 3 (this mpath-boot reads versions 1 and 2)"},
    {"files_need_version_2",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": [], \"files\": {\"/a\": \"x\"}}",
     "files: not in snapshot version 1 (write \"version\": 2)"},
    {"map_holders_need_version_2",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": [], \"maps\": [{\"name\": \"m\", "
     "\"uuid\": \"\", \"devnum\": \"253:0\", \"holders\": [\"dm-1\"]}]}",
     "maps[0].holders: not in snapshot version 1 (write \"version\": 2)"},
    {"version_string", "{\"format\": \"mpath-boot-snapshot\", \"version\": \"1\", \"devices\": []}",
     "version: expected an unsigned integer, got \"1\""},
    {"version_fraction", "{\"format\": \"mpath-boot-snapshot\", \"version\": 1.0, \"devices\": []}",
     "version: expected an unsigned integer, got 1.0"},
    {"version_negative", "{\"format\": \"mpath-boot-snapshot\", \"version\": -1, \"devices\": []}",
     "version: expected an unsigned integer, got -1"},
    {"unknown_top_level_key", "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devics\": []}",
     "unknown key \"devics\""},
    {"unknown_key_in_document_order",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"zz\": 1, \"aa\": 1, \"devices\": []}",
     "unknown key \"zz\""},
    {"missing_devices", "{\"format\": \"mpath-boot-snapshot\", \"version\": 1}",
     "missing key \"devices\""},
    {"devices_object", "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": {}}",
     "devices: expected an array, got an object"},
    {"devices_null", "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": null}",
     "devices: expected an array, got null"},
    {"cmdline_not_string",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"cmdline\": 5, \"devices\": []}",
     "cmdline: expected a string, got 5"},
    {"maps_object",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": [], \"maps\": {}}",
     "maps: expected an array, got an object"},
};

const BadCase device_errors[] = {
    {"device_not_object", DOC("\"sda\""), "devices[0]: expected an object, got \"sda\""},
    {"unknown_key", DOC(SDA_WITH("\"propertys\": {}")), "devices[0]: unknown key \"propertys\""},
    {"unknown_key_before_missing_key",
     DOC("{\"nmae\": \"sda\", \"devnum\": \"8:0\", \"devtype\": \"disk\"}"),
     "devices[0]: unknown key \"nmae\""},
    {"unknown_key_with_control_character", DOC(SDA_WITH("\"a\\nb\": 1")),
     "devices[0]: unknown key \"a\\nb\""},
    {"missing_name", DOC("{\"devnum\": \"8:0\", \"devtype\": \"disk\"}"),
     "devices[0]: missing key \"name\""},
    {"name_not_string", DOC("{\"name\": 8, \"devnum\": \"8:0\", \"devtype\": \"disk\"}"),
     "devices[0].name: expected a string, got 8"},
    {"name_empty", DOC(DISK("", "8:0")), "devices[0].name: must not be empty"},
    {"name_slash", DOC(DISK("sd/a", "8:0")), "devices[0].name: \"sd/a\" contains '/'"},
    {"name_dot_dot", DOC(DISK("..", "8:0")), "devices[0].name: \"..\" is not a kernel name"},
    {"name_space", DOC(DISK("sd a", "8:0")),
     "devices[0].name: \"sd a\" contains whitespace or a control character"},
    {"name_tab", DOC(DISK("sda\\t", "8:0")),
     "devices[0].name: \"sda\\t\" contains whitespace or a control character"},
    {"name_control", DOC(DISK("sd\\u0007", "8:0")),
     "devices[0].name: \"sd\\u0007\" contains whitespace or a control character"},
    {"name_delete", DOC(DISK("sd\\u007f", "8:0")),
     "devices[0].name: \"sd\\u007f\" contains whitespace or a control character"},
    {"duplicate_name", DOC(DISK("sda", "8:0") ", " DISK("sdb", "8:16") ", " DISK("sda", "8:32")),
     "devices[2].name: duplicate name \"sda\" (also devices[0])"},
    {"missing_devnum", DOC("{\"name\": \"sda\", \"devtype\": \"disk\"}"),
     "devices[0]: missing key \"devnum\""},
    {"devnum_dash", DOC(DISK("sda", "8:0") ", " DISK("sdb", "8-16")),
     "devices[1].devnum: expected \"MAJ:MIN\", got \"8-16\""},
    {"devnum_number", DOC("{\"name\": \"sda\", \"devnum\": 8, \"devtype\": \"disk\"}"),
     "devices[0].devnum: expected \"MAJ:MIN\", got 8"},
    {"devnum_empty", DOC(DISK("sda", "")), "devices[0].devnum: expected \"MAJ:MIN\", got \"\""},
    {"devnum_no_minor", DOC(DISK("sda", "8:")), "devices[0].devnum: expected \"MAJ:MIN\", got \"8:\""},
    {"devnum_no_major", DOC(DISK("sda", ":0")), "devices[0].devnum: expected \"MAJ:MIN\", got \":0\""},
    {"devnum_three_parts", DOC(DISK("sda", "8:0:0")),
     "devices[0].devnum: expected \"MAJ:MIN\", got \"8:0:0\""},
    {"devnum_sign", DOC(DISK("sda", "+8:0")),
     "devices[0].devnum: expected \"MAJ:MIN\", got \"+8:0\""},
    {"devnum_negative", DOC(DISK("sda", "8:-1")),
     "devices[0].devnum: expected \"MAJ:MIN\", got \"8:-1\""},
    {"devnum_space", DOC(DISK("sda", "8: 0")),
     "devices[0].devnum: expected \"MAJ:MIN\", got \"8: 0\""},
    {"devnum_hex", DOC(DISK("sda", "0x8:0")),
     "devices[0].devnum: expected \"MAJ:MIN\", got \"0x8:0\""},
    {"devnum_major_too_big", DOC(DISK("sda", "4294967296:0")),
     "devices[0].devnum: \"4294967296:0\": numbers must fit in 32 bits"},
    {"devnum_minor_far_too_big", DOC(DISK("sda", "8:99999999999999999999999")),
     "devices[0].devnum: \"8:99999999999999999999999\": numbers must fit in 32 bits"},
    {"duplicate_devnum", DOC(DISK("sda", "8:0") ", " DISK("sdb", "8:0")),
     "devices[1].devnum: duplicate devnum \"8:0\" (also devices[0])"},
    {"duplicate_devnum_spelt_differently", DOC(DISK("sda", "8:0") ", " DISK("sdb", "008:00")),
     "devices[1].devnum: duplicate devnum \"8:0\" (also devices[0])"},
    {"missing_devtype", DOC("{\"name\": \"sda\", \"devnum\": \"8:0\"}"),
     "devices[0]: missing key \"devtype\""},
    {"devtype_unknown", DOC("{\"name\": \"sda\", \"devnum\": \"8:0\", \"devtype\": \"part\"}"),
     "devices[0].devtype: expected \"disk\" or \"partition\", got \"part\""},
    {"devtype_capitalised", DOC("{\"name\": \"sda\", \"devnum\": \"8:0\", \"devtype\": \"Disk\"}"),
     "devices[0].devtype: expected \"disk\" or \"partition\", got \"Disk\""},
    {"devtype_long_value_shortened",
     DOC("{\"name\": \"sda\", \"devnum\": \"8:0\", \"devtype\": "
         "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}"),
     "devices[0].devtype: expected \"disk\" or \"partition\", got "
     "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa..."},
    {"partition_without_parent",
     DOC(DISK("sda", "8:0") ", {\"name\": \"sda1\", \"devnum\": \"8:1\", \"devtype\": \"partition\"}"),
     "devices[1]: missing key \"parent\" (required for a partition)"},
    {"disk_with_parent", DOC(DISK("sdb", "8:16") ", " SDA_WITH("\"parent\": \"sdb\"")),
     "devices[1].parent: not allowed for a disk"},
    {"parent_not_string",
     DOC(DISK("sda", "8:0") ", {\"name\": \"sda1\", \"devnum\": \"8:1\", \"devtype\": "
                            "\"partition\", \"parent\": null}"),
     "devices[1].parent: expected a string, got null"},
    {"parent_unknown",
     DOC(DISK("sda", "8:0") ", {\"name\": \"sdz1\", \"devnum\": \"65:145\", \"devtype\": "
                            "\"partition\", \"parent\": \"sdz\"}"),
     "devices[1].parent: \"sdz\" is not a disk in this snapshot"},
    {"parent_is_partition",
     DOC(DISK("sda", "8:0") ", {\"name\": \"sda1\", \"devnum\": \"8:1\", \"devtype\": "
                            "\"partition\", \"parent\": \"sda\"}, {\"name\": \"sda2\", \"devnum\": "
                            "\"8:2\", \"devtype\": \"partition\", \"parent\": \"sda1\"}"),
     "devices[2].parent: \"sda1\" is not a disk in this snapshot"},
    {"parent_is_itself",
     DOC("{\"name\": \"sda1\", \"devnum\": \"8:1\", \"devtype\": \"partition\", \"parent\": "
         "\"sda1\"}"),
     "devices[0].parent: \"sda1\" is not a disk in this snapshot"},
    {"parent_empty",
     DOC("{\"name\": \"sda1\", \"devnum\": \"8:1\", \"devtype\": \"partition\", \"parent\": \"\"}"),
     "devices[0].parent: \"\" is not a disk in this snapshot"},
    {"size_string", DOC(SDA_WITH("\"size\": \"2097152\"")),
     "devices[0].size: expected an unsigned integer, got \"2097152\""},
    {"size_negative", DOC(SDA_WITH("\"size\": -1")),
     "devices[0].size: expected an unsigned integer, got -1"},
    {"size_fraction", DOC(SDA_WITH("\"size\": 1.5")),
     "devices[0].size: expected an unsigned integer, got 1.5"},
    {"size_exponent", DOC(SDA_WITH("\"size\": 2e6")),
     "devices[0].size: expected an unsigned integer, got 2000000.0"},
    {"size_beyond_64_bits", DOC(SDA_WITH("\"size\": 18446744073709551616")),
     "devices[0].size: expected an unsigned integer, got 1.8446744073709552e+19"},
    {"size_null", DOC(SDA_WITH("\"size\": null")),
     "devices[0].size: expected an unsigned integer, got null"},
    {"properties_array", DOC(SDA_WITH("\"properties\": []")),
     "devices[0].properties: expected an object, got an array"},
    {"property_number", DOC(SDA_WITH("\"properties\": {\"DEVNAME\": \"/dev/sda\", \"MAJOR\": 8}")),
     "devices[0].properties.MAJOR: expected a string, got 8"},
    {"property_null", DOC(SDA_WITH("\"properties\": {\"ID_SERIAL\": null}")),
     "devices[0].properties.ID_SERIAL: expected a string, got null"},
    {"property_bool", DOC(SDA_WITH("\"properties\": {\"ID_SCSI\": true}")),
     "devices[0].properties.ID_SCSI: expected a string, got true"},
    {"property_array", DOC(SDA_WITH("\"properties\": {\"DEVLINKS\": [\"/dev/a\"]}")),
     "devices[0].properties.DEVLINKS: expected a string, got an array"},
    {"property_object", DOC(SDA_WITH("\"properties\": {\"ID\": {}}")),
     "devices[0].properties.ID: expected a string, got an object"},
    {"property_odd_key_quoted", DOC(SDA_WITH("\"properties\": {\"A B.C\": 1}")),
     "devices[0].properties[\"A B.C\"]: expected a string, got 1"},
    {"sysfs_not_object", DOC(SDA_WITH("\"sysfs\": \"QEMU\"")),
     "devices[0].sysfs: expected an object, got \"QEMU\""},
    {"sysfs_unknown_key", DOC(SDA_WITH("\"sysfs\": {\"model\": \"M\", \"vender\": \"QEMU\"}")),
     "devices[0].sysfs: unknown key \"vender\""},
    {"sysfs_not_string", DOC(SDA_WITH("\"sysfs\": {\"vendor\": 1}")),
     "devices[0].sysfs.vendor: expected a string, got 1"},
    {"hctl_three_numbers", DOC(SDA_WITH("\"sysfs\": {\"hctl\": \"0:0:0\"}")),
     "devices[0].sysfs.hctl: expected \"H:C:T:L\", got \"0:0:0\""},
    {"hctl_letter", DOC(SDA_WITH("\"sysfs\": {\"hctl\": \"0:0:a:0\"}")),
     "devices[0].sysfs.hctl: expected \"H:C:T:L\", got \"0:0:a:0\""},
    {"hctl_empty_part", DOC(SDA_WITH("\"sysfs\": {\"hctl\": \"0::0:0\"}")),
     "devices[0].sysfs.hctl: expected \"H:C:T:L\", got \"0::0:0\""},
    {"vpd_odd_length", DOC(SDA_WITH("\"sysfs\": {\"vpd_pg83\": \"00830\"}")),
     "devices[0].sysfs.vpd_pg83: odd number of hex digits"},
    {"vpd_not_hex", DOC(SDA_WITH("\"sysfs\": {\"vpd_pg80\": \"0080zz\"}")),
     "devices[0].sysfs.vpd_pg80: not pairs of hex digits (offset 4)"},
    {"priority_key_misspelt", DOC(SDA_WITH("\"sysfs\": {\"acces_state\": \"standby\"}")),
     "devices[0].sysfs: unknown key \"acces_state\""},
    {"inquiry_not_hex", DOC(SDA_WITH("\"sysfs\": {\"inquiry\": \"00 0g\"}")),
     "devices[0].sysfs.inquiry: not pairs of hex digits (offset 4)"},
    {"vendor_page_odd_length", DOC(SDA_WITH("\"sysfs\": {\"vpd_pgc9\": \"00c\"}")),
     "devices[0].sysfs.vpd_pgc9: odd number of hex digits"},
    {"vpd_space_inside_pair", DOC(SDA_WITH("\"sysfs\": {\"vpd_pg80\": \"0 080\"}")),
     "devices[0].sysfs.vpd_pg80: not pairs of hex digits (offset 1)"},
    {"holders_string", DOC(SDA_WITH("\"holders\": \"dm-0\"")),
     "devices[0].holders: expected an array of strings, got \"dm-0\""},
    {"holder_number", DOC(SDA_WITH("\"holders\": [\"dm-0\", 1]")),
     "devices[0].holders[1]: expected a string, got 1"},
    {"holder_bad_name", DOC(SDA_WITH("\"holders\": [\"dm-0\", \"../dm-1\"]")),
     "devices[0].holders[1]: \"../dm-1\" contains '/'"},
    {"holder_empty", DOC(SDA_WITH("\"holders\": [\"\"]")),
     "devices[0].holders[0]: must not be empty"},
    {"mountpoints_object", DOC(SDA_WITH("\"mountpoints\": {}")),
     "devices[0].mountpoints: expected an array of strings, got an object"},
    {"mountpoint_null", DOC(SDA_WITH("\"mountpoints\": [null]")),
     "devices[0].mountpoints[0]: expected a string, got null"},
    {"swap_string", DOC(SDA_WITH("\"swap\": \"true\"")),
     "devices[0].swap: expected true or false, got \"true\""},
    {"swap_number", DOC(SDA_WITH("\"swap\": 1")), "devices[0].swap: expected true or false, got 1"},
    {"first_bad_device_wins", DOC(DISK("sda", "8:0") ", " DISK("sdb", "x") ", " DISK("", "8:32")),
     "devices[1].devnum: expected \"MAJ:MIN\", got \"x\""},
};

const BadCase map_errors[] = {
    {"map_not_object", DOC_MAPS("\"mpatha\""), "maps[0]: expected an object, got \"mpatha\""},
    {"map_unknown_key", DOC_MAPS(MAPA_WITH("\"open\": 1")), "maps[0]: unknown key \"open\""},
    {"map_missing_name", DOC_MAPS("{\"uuid\": \"\", \"devnum\": \"253:0\"}"),
     "maps[0]: missing key \"name\""},
    {"map_missing_uuid", DOC_MAPS("{\"name\": \"mpatha\", \"devnum\": \"253:0\"}"),
     "maps[0]: missing key \"uuid\""},
    {"map_missing_devnum", DOC_MAPS("{\"name\": \"mpatha\", \"uuid\": \"\"}"),
     "maps[0]: missing key \"devnum\""},
    {"map_name_empty", DOC_MAPS(MAP("", "", "253:0")), "maps[0].name: must not be empty"},
    {"map_name_slash", DOC_MAPS(MAP("vg/lv", "", "253:0")), "maps[0].name: \"vg/lv\" contains '/'"},
    {"map_name_number", DOC_MAPS("{\"name\": 1, \"uuid\": \"\", \"devnum\": \"253:0\"}"),
     "maps[0].name: expected a string, got 1"},
    {"map_uuid_number", DOC_MAPS("{\"name\": \"mpatha\", \"uuid\": 5, \"devnum\": \"253:0\"}"),
     "maps[0].uuid: expected a string, got 5"},
    {"map_devnum_bad", DOC_MAPS(MAP("mpatha", "", "253")),
     "maps[0].devnum: expected \"MAJ:MIN\", got \"253\""},
    {"map_table_number", DOC_MAPS(MAPA_WITH("\"table\": 0")),
     "maps[0].table: expected a string, got 0"},
    {"open_count_negative", DOC_MAPS(MAPA_WITH("\"open_count\": -1")),
     "maps[0].open_count: expected an integer from 0 to 2147483647, got -1"},
    {"open_count_too_big", DOC_MAPS(MAPA_WITH("\"open_count\": 2147483648")),
     "maps[0].open_count: expected an integer from 0 to 2147483647, got 2147483648"},
    {"open_count_string", DOC_MAPS(MAPA_WITH("\"open_count\": \"1\"")),
     "maps[0].open_count: expected an integer from 0 to 2147483647, got \"1\""},
    {"duplicate_map_name",
     DOC_MAPS(MAP("mpatha", "mpath-a", "253:0") ", " MAP("mpatha", "mpath-b", "253:1")),
     "maps[1].name: duplicate name \"mpatha\" (also maps[0])"},
    {"duplicate_map_uuid",
     DOC_MAPS(MAP("mpatha", "mpath-a", "253:0") ", " MAP("mpathb", "mpath-a", "253:1")),
     "maps[1].uuid: duplicate uuid \"mpath-a\" (also maps[0])"},
    {"duplicate_map_devnum",
     DOC_MAPS(MAP("mpatha", "mpath-a", "253:0") ", " MAP("mpathb", "mpath-b", "253:0")),
     "maps[1].devnum: duplicate devnum \"253:0\" (also maps[0])"},
};

const GoodCase accepted[] = {
    {"no_devices", DOC("")},
    {"empty_maps_and_cmdline",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"cmdline\": \"\", \"devices\": [], "
     "\"maps\": []}"},
    {"members_in_any_order",
     "{\"devices\": [{\"devtype\": \"disk\", \"devnum\": \"8:0\", \"name\": \"sda\"}], "
     "\"version\": 1, \"format\": \"mpath-boot-snapshot\"}"},
    {"byte_order_mark", "\xef\xbb\xbf" DOC("")},
    {"largest_devnum", DOC(DISK("sda", "4294967295:4294967295"))},
    {"leading_zeros_in_devnum", DOC(DISK("sda", "008:000"))},
    {"size_zero", DOC(SDA_WITH("\"size\": 0"))},
    {"largest_size", DOC(SDA_WITH("\"size\": 18446744073709551615"))},
    {"parent_listed_after_partition",
     DOC("{\"name\": \"sda1\", \"devnum\": \"8:1\", \"devtype\": \"partition\", \"parent\": "
         "\"sda\"}, " DISK("sda", "8:0"))},
    {"empty_members", DOC(SDA_WITH("\"properties\": {}, \"sysfs\": {}, \"holders\": [], "
                                   "\"mountpoints\": [], \"swap\": false"))},
    {"unicode_values", DOC(SDA_WITH("\"properties\": {\"ID_FS_LABEL\": \"donn\\u00e9es \xe2\x82\xac\"}, "
                                    "\"mountpoints\": [\"/mnt/my disk\"]"))},
    {"holder_not_in_snapshot", DOC(SDA_WITH("\"holders\": [\"dm-7\"]"))},
    {"vpd_with_spaces_between_pairs", DOC(SDA_WITH("\"sysfs\": {\"vpd_pg80\": \"00 80 00 00\\n\"}"))},
    {"vpd_upper_case_and_empty", DOC(SDA_WITH("\"sysfs\": {\"vpd_pg80\": \"00AB\", \"vpd_pg83\": \"\"}"))},
    {"priority_facts", DOC(SDA_WITH("\"sysfs\": {\"access_state\": \"active/optimized\", "
                                    "\"preferred_path\": \"0\", \"inquiry\": \"0000061230100002\", "
                                    "\"rtpg\": \"00000000\", \"vpd_pgc0\": \"\", \"vpd_pgc9\": \"00C9\", "
                                    "\"tgt_node_name\": \"iqn.2003-01.t1\", \"host_adapter\": \"0000:00:1c.0\"}"))},
    {"hctl_with_64_bit_lun", DOC(SDA_WITH("\"sysfs\": {\"hctl\": \"0:0:0:18446744073709551615\"}"))},
    {"free_form_sysfs_values",
     DOC(SDA_WITH("\"sysfs\": {\"state\": \"transport-offline\", \"protocol\": \"nvme:tcp\", "
                  "\"rev\": \"\"}"))},
    {"maps_without_uuid", DOC_MAPS(MAP("a", "", "253:0") ", " MAP("b", "", "253:1"))},
    {"map_names_dm_allows", DOC_MAPS(MAP("luks-data disk", "CRYPT-x", "253:0"))},
    {"map_devnum_shared_with_device",
     "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": [" DISK("dm-0", "253:0")
     "], \"maps\": [" MAP("mpatha", "mpath-x", "253:0") "]}"},
};

// Every file in tests/fixtures/bad, with the message dry-run --replay prints.
const BadFile bad_files[] = {
    {"bad-devnum.json", "devices[1].devnum: expected \"MAJ:MIN\", got \"8-16\""},
    {"duplicate-key.json", "devices[0]: duplicate key \"size\""},
    {"duplicate-map.json", "maps[1].name: duplicate name \"mpatha\" (also maps[0])"},
    {"duplicate-name.json", "devices[2].name: duplicate name \"sda\" (also devices[0])"},
    {"not-json.json",
     "line 1, column 1: syntax error while parsing value - invalid literal; last read: 'T'"},
    {"parent-is-partition.json", "devices[2].parent: \"sda1\" is not a disk in this snapshot"},
    {"parent-not-disk.json", "devices[2].parent: \"sdz\" is not a disk in this snapshot"},
    {"partition-without-parent.json", "devices[1]: missing key \"parent\" (required for a partition)"},
    {"size-wrong-type.json", "devices[0].size: expected an unsigned integer, got \"2097152\""},
    {"sysfs-typo.json", "devices[0].sysfs: unknown key \"vender\""},
    {"truncated.json",
     "line 10, column 1: syntax error while parsing object - unexpected end of input; expected '}'"},
    {"unknown-key.json", "devices[0]: unknown key \"propertys\""},
    {"wrong-format.json", "format: expected \"mpath-boot-snapshot\", got \"mpath-boot-report\""},
    {"wrong-version.json",
     "version: unsupported snapshot version 3 (this mpath-boot reads versions 1 and 2)"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(snapshot)

// ----- refused input, message word for word ---------------------------------------

BOOST_DATA_TEST_CASE(syntax_errors_name_line_and_column, bdata::make(syntax_errors), c)
{
    check_refused(c.json, c.error);
}

BOOST_DATA_TEST_CASE(document_errors_are_refused, bdata::make(document_errors), c)
{
    check_refused(c.json, c.error);
}

BOOST_DATA_TEST_CASE(device_errors_are_refused, bdata::make(device_errors), c)
{
    check_refused(c.json, c.error);
}

BOOST_DATA_TEST_CASE(map_errors_are_refused, bdata::make(map_errors), c)
{
    check_refused(c.json, c.error);
}

BOOST_DATA_TEST_CASE(bad_fixture_files_are_refused, bdata::make(bad_files), c)
{
    std::string text = read_text(std::string("tests/fixtures/bad/") + c.file);
    auto r = mpb::parse_snapshot(text, std::string("bad/") + c.file);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == std::string("bad/") + c.file + ": " + c.error);
}

BOOST_AUTO_TEST_CASE(every_bad_fixture_file_has_an_expected_message)
{
    std::set<std::string> listed;
    for (const auto& b : bad_files)
        listed.insert(b.file);
    std::size_t files = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(TOP_SRCDIR) + "/tests/fixtures/bad")) {
        ++files;
        BOOST_TEST(listed.count(entry.path().filename().string()) == 1u,
                   entry.path().filename() << " has no entry in bad_files");
    }
    BOOST_TEST(files == listed.size());
    BOOST_TEST(files >= 8u);
}

BOOST_DATA_TEST_CASE(valid_documents_are_accepted, bdata::make(accepted), c)
{
    auto r = mpb::parse_snapshot(c.json, "snap.json");
    BOOST_TEST(r.has_value(), r.error());
}

void check_every_cut_fails(const std::string& text, std::size_t step)
{
    const std::string body = text.substr(0, text.find_last_not_of("\n ") + 1);
    for (std::size_t n = 0; n < body.size(); n += step) {
        mpb::Result<Snapshot> r = mpb::Result<Snapshot>::fail("not run");
        BOOST_REQUIRE_NO_THROW(r = mpb::parse_snapshot(std::string_view(body).substr(0, n), "cut"));
        BOOST_TEST_REQUIRE(!r.has_value(), "prefix of " << n << " bytes parsed");
        BOOST_TEST_REQUIRE(r.error().starts_with("cut: line "), r.error());
        BOOST_TEST_REQUIRE(r.error().find('\n') == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(every_cut_of_a_valid_file_fails_on_one_line)
{
    // Truncated captures (full disk, killed copy) must give a message, never
    // a crash, an exception or a half-read snapshot. Every cut of a small
    // document using every member, and a sample of cuts of the fixture.
    check_every_cut_fails(mpb::format_snapshot(everything()), 1);
    check_every_cut_fails(read_text("tests/fixtures/two-path/snapshot.json"), 97);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_without_crashing)
{
    std::string deep = "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": [" +
                       std::string(100000, '[') + std::string(100000, ']') + "]}";
    check_refused(deep.c_str(), "line 1, column 91: arrays and objects nested deeper than 32 levels");
}

// A message says what is wrong in a line: long keys and tokens are cut.
BOOST_AUTO_TEST_CASE(messages_quote_little_of_a_long_value)
{
    const std::string key(5000, 'k');
    const std::string doc = "{\"format\": \"mpath-boot-snapshot\", \"version\": 1, \"devices\": "
                            "[{\"name\": \"sda\", \"devnum\": \"8:0\", \"devtype\": \"disk\", \"" +
                            key + "\": 1}]}";
    check_refused(doc.c_str(), "devices[0]: unknown key \"" + std::string(80, 'k') + "\"... (5000 bytes)");
    const std::string open_string = "{\"format\": \"" + std::string(100000, 'f');
    auto r = mpb::parse_snapshot(open_string, "snap.json");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error().size() < 300u, r.error());
    BOOST_TEST(r.error().find("last read: '\"" + std::string(79, 'f') + "...'") != std::string::npos, r.error());
}

// ----- what is read ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(empty_devices_array)
{
    Snapshot s = parsed(DOC(""));
    BOOST_TEST(s.devices.empty());
    BOOST_TEST(s.maps.empty());
    BOOST_TEST(s.cmdline.empty());
}

BOOST_AUTO_TEST_CASE(absent_members_take_their_defaults)
{
    Snapshot s = parsed(DOC(DISK("sda", "8:0")) );
    BOOST_TEST_REQUIRE(s.devices.size() == 1u);
    const BlockDevice& d = s.devices[0];
    BOOST_TEST(d.name == "sda");
    BOOST_TEST(d.devt.str() == "8:0");
    BOOST_TEST(!d.partition);
    BOOST_TEST(d.parent.empty());
    BOOST_TEST(d.size == 0u);
    BOOST_TEST(d.properties.empty());
    BOOST_TEST(d.sysfs.empty());
    BOOST_TEST(d.holders.empty());
    BOOST_TEST(d.mountpoints.empty());
    BOOST_TEST(!d.swap);

    Snapshot m = parsed(DOC_MAPS(MAP("mpatha", "", "253:4")));
    BOOST_TEST_REQUIRE(m.maps.size() == 1u);
    BOOST_TEST(m.maps[0].table.empty());
    BOOST_TEST(m.maps[0].open_count == 0);
    BOOST_TEST(m.maps[0].devt.str() == "253:4");
}

BOOST_AUTO_TEST_CASE(all_members_are_read)
{
    Snapshot s = parsed(R"({
      "format": "mpath-boot-snapshot", "version": 1,
      "cmdline": "root=/dev/mapper/mpatha-part1 ro",
      "devices": [
        {"name": "sda", "devnum": "8:0", "devtype": "disk", "size": 2097152,
         "properties": {"ID_SERIAL": "0QEMU_QEMU_HARDDISK_mpath0"},
         "sysfs": {"vendor": "QEMU", "hctl": "1:0:2:3"},
         "holders": ["dm-0"], "mountpoints": ["/a", "/b"], "swap": true},
        {"name": "sda1", "devnum": "8:1", "devtype": "partition", "size": 2093056, "parent": "sda",
         "start": 2048}
      ],
      "maps": [{"name": "mpatha", "uuid": "mpath-0QEMU_QEMU_HARDDISK_mpath0", "devnum": "253:0",
                "table": "0 2097152 multipath 0 0 1 1 service-time 0 1 1 8:0 1", "open_count": 1,
                "status": "0 2097152 multipath 2 0 0 0 1 1 A 0 1 2 8:0 A 0 0 1", "read_only": true}]
    })");
    BOOST_TEST(s.cmdline == "root=/dev/mapper/mpatha-part1 ro");
    BOOST_TEST_REQUIRE(s.devices.size() == 2u);
    const BlockDevice& sda = s.devices[0];
    BOOST_TEST(sda.size == 2097152u);
    BOOST_TEST(*sda.property("ID_SERIAL") == "0QEMU_QEMU_HARDDISK_mpath0");
    BOOST_TEST(*sda.attr("hctl") == "1:0:2:3");
    BOOST_TEST(sda.holders == std::vector<std::string>{"dm-0"}, boost::test_tools::per_element());
    BOOST_TEST(sda.mountpoints == (std::vector<std::string>{"/a", "/b"}),
               boost::test_tools::per_element());
    BOOST_TEST(sda.swap);
    const BlockDevice& sda1 = s.devices[1];
    BOOST_TEST(sda1.partition);
    BOOST_TEST(sda1.parent == "sda");
    BOOST_TEST(sda1.devt.str() == "8:1");
    BOOST_TEST(sda1.start == 2048u);
    BOOST_TEST_REQUIRE(s.maps.size() == 1u);
    BOOST_TEST(s.maps[0].name == "mpatha");
    BOOST_TEST(s.maps[0].uuid == "mpath-0QEMU_QEMU_HARDDISK_mpath0");
    BOOST_TEST(s.maps[0].table == "0 2097152 multipath 0 0 1 1 service-time 0 1 1 8:0 1");
    BOOST_TEST(s.maps[0].open_count == 1);
    BOOST_TEST(s.maps[0].status == "0 2097152 multipath 2 0 0 0 1 1 A 0 1 2 8:0 A 0 0 1");
    BOOST_TEST(s.maps[0].read_only);
}

BOOST_AUTO_TEST_CASE(start_is_refused_on_a_disk)
{
    check_refused(DOC(SDA_WITH("\"start\": 2048")), "devices[0].start: not allowed for a disk");
}

BOOST_AUTO_TEST_CASE(huge_numbers_at_their_limits)
{
    Snapshot s = parsed(DOC("{\"name\": \"sda\", \"devnum\": \"4294967295:4294967295\", "
                            "\"devtype\": \"disk\", \"size\": 18446744073709551615}"));
    BOOST_TEST(s.devices[0].devt.major == 4294967295u);
    BOOST_TEST(s.devices[0].devt.minor == 4294967295u);
    BOOST_TEST(s.devices[0].size == 18446744073709551615ull);
    Snapshot m = parsed(DOC_MAPS(MAPA_WITH("\"open_count\": 2147483647")));
    BOOST_TEST(m.maps[0].open_count == 2147483647);
}

BOOST_AUTO_TEST_CASE(escaped_strings_are_decoded)
{
    Snapshot s = parsed(DOC(SDA_WITH(
        "\"properties\": {\"ID_MODEL_ENC\": \"QEMU\\\\x20HARDDISK\", \"L\": \"a\\u00e9\\n\\\"b\\\"\"}")));
    BOOST_TEST(*s.devices[0].property("ID_MODEL_ENC") == "QEMU\\x20HARDDISK");
    BOOST_TEST(*s.devices[0].property("L") == "a\xc3\xa9\n\"b\"");
}

// ----- writing ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(round_trip_reproduces_every_member)
{
    const Snapshot s = everything();
    const std::string text = mpb::format_snapshot(s);
    Snapshot back = parsed(text);
    check_same(s, back);
    BOOST_TEST(mpb::format_snapshot(back) == text);
}

BOOST_AUTO_TEST_CASE(round_trip_of_an_empty_snapshot)
{
    Snapshot s;
    check_same(s, parsed(mpb::format_snapshot(s)));
}

BOOST_AUTO_TEST_CASE(format_of_an_empty_snapshot)
{
    BOOST_TEST(mpb::format_snapshot(Snapshot{}) ==
               "{\n"
               "  \"format\": \"mpath-boot-snapshot\",\n"
               "  \"version\": 1,\n"
               "  \"devices\": []\n"
               "}\n");
}

BOOST_AUTO_TEST_CASE(format_uses_the_documented_order_and_omits_defaults)
{
    Snapshot s;
    s.cmdline = "ro";
    BlockDevice sda;
    sda.name = "sda";
    sda.devt = {8, 0};
    BlockDevice sda1;
    sda1.name = "sda1";
    sda1.devt = {8, 1};
    sda1.partition = true;
    sda1.parent = "sda";
    sda1.size = 2048;
    sda1.properties = {{"ID_FS_TYPE", "ext4"}, {"DEVTYPE", "partition"}};
    sda1.sysfs = {{"vendor", "QEMU"}, {"hctl", "0:0:0:0"}};
    sda1.holders = {"dm-1"};
    sda1.mountpoints = {"/"};
    sda1.swap = true;
    s.devices = {sda, sda1};
    s.maps = {DmMap{"mpatha", "", {253, 0}, "", 0, "", false, {}, {}}, DmMap{"b", "u", {253, 1}, "0 8 linear 8:0 0", 1, "", false, {}, {}}};
    BOOST_TEST(mpb::format_snapshot(s) ==
               R"({
  "format": "mpath-boot-snapshot",
  "version": 1,
  "cmdline": "ro",
  "devices": [
    {
      "name": "sda",
      "devnum": "8:0",
      "devtype": "disk",
      "size": 0
    },
    {
      "name": "sda1",
      "devnum": "8:1",
      "devtype": "partition",
      "size": 2048,
      "parent": "sda",
      "properties": {
        "DEVTYPE": "partition",
        "ID_FS_TYPE": "ext4"
      },
      "sysfs": {
        "hctl": "0:0:0:0",
        "vendor": "QEMU"
      },
      "holders": [
        "dm-1"
      ],
      "mountpoints": [
        "/"
      ],
      "swap": true
    }
  ],
  "maps": [
    {
      "name": "mpatha",
      "uuid": "",
      "devnum": "253:0"
    },
    {
      "name": "b",
      "uuid": "u",
      "devnum": "253:1",
      "table": "0 8 linear 8:0 0",
      "open_count": 1
    }
  ]
}
)");
}

BOOST_AUTO_TEST_CASE(format_escapes_control_characters)
{
    Snapshot s;
    s.cmdline = "a\tb\x01";
    const std::string text = mpb::format_snapshot(s);
    BOOST_TEST(text.find("\"cmdline\": \"a\\tb\\u0001\"") != std::string::npos, text);
    BOOST_TEST(parsed(text).cmdline == s.cmdline);
}

BOOST_AUTO_TEST_CASE(format_replaces_bytes_that_are_not_utf8)
{
    // JSON cannot carry them; the capture still succeeds, with U+FFFD.
    Snapshot s;
    BlockDevice d;
    d.name = "sda";
    d.properties = {{"ID_FS_LABEL", "a\xff"
                                    "b"}};
    s.devices = {d};
    std::string text;
    BOOST_REQUIRE_NO_THROW(text = mpb::format_snapshot(s));
    BOOST_TEST(*parsed(text).devices[0].property("ID_FS_LABEL") == "a\xef\xbf\xbd"
                                                                   "b");
}

// ----- lookups ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(find_device_by_name)
{
    const Snapshot s = everything();
    BOOST_TEST_REQUIRE(s.find_device("sda1") != nullptr);
    BOOST_TEST(s.find_device("sda1") == &s.devices[1]);
    BOOST_TEST(s.find_device("dm-0")->devt.str() == "253:0");
    BOOST_TEST(s.find_device("sdz") == nullptr);
    BOOST_TEST(s.find_device("") == nullptr);
    BOOST_TEST(s.find_device("sd") == nullptr);
    BOOST_TEST(Snapshot{}.find_device("sda") == nullptr);
}

BOOST_AUTO_TEST_CASE(find_device_by_devnum)
{
    const Snapshot s = everything();
    const auto* sda1 = s.find_device("sda1");
    BOOST_TEST_REQUIRE(sda1 != nullptr);
    BOOST_TEST(s.find_device_by_devnum(sda1->devt.str()) == sda1);
    BOOST_TEST(s.find_device_by_devnum("253:0") == s.find_device("dm-0"));
    for (const char* bad : {"", ":", "8:", ":1", "8-1", "8:1x", "x8:1", "8:-1", "8:1:2", "99999999999:1"})
        BOOST_TEST(s.find_device_by_devnum(bad) == nullptr, bad);
    BOOST_TEST(s.find_device_by_devnum("9:9") == nullptr);
}

BOOST_AUTO_TEST_CASE(find_map_by_uuid)
{
    const Snapshot s = everything();
    BOOST_TEST(s.find_map_by_uuid("mpath-0QEMU_QEMU_HARDDISK_mpath0") == &s.maps[0]);
    BOOST_TEST(s.find_map_by_uuid("mpath-0QEMU_QEMU_HARDDISK") == nullptr);
    BOOST_TEST(s.find_map_by_uuid("MPATH-0QEMU_QEMU_HARDDISK_mpath0") == nullptr);
    // maps[1] has no UUID; "" does not find it.
    BOOST_TEST(s.find_map_by_uuid("") == nullptr);
}

BOOST_AUTO_TEST_CASE(find_map_by_kernel_name)
{
    const Snapshot s = everything();
    BOOST_TEST(s.find_map_by_kernel_name("dm-0") == &s.maps[0]);
    BOOST_TEST(s.find_map_by_kernel_name("dm-1") == &s.maps[1]);
    BOOST_TEST(s.find_map_by_kernel_name("dm-2") == nullptr);
    BOOST_TEST(s.find_map_by_kernel_name("dm-01") == nullptr);
    BOOST_TEST(s.find_map_by_kernel_name("sda") == nullptr);
    BOOST_TEST(s.find_map_by_kernel_name("") == nullptr);
}

BOOST_AUTO_TEST_CASE(find_map_by_uuid_in_a_list)
{
    const Snapshot s = everything();
    BOOST_TEST(mpb::find_map_by_uuid(s.maps, "mpath-0QEMU_QEMU_HARDDISK_mpath0") == &s.maps[0]);
    BOOST_TEST(mpb::find_map_by_uuid(s.maps, "") == nullptr);
    BOOST_TEST(mpb::find_map_by_uuid({}, "mpath-0QEMU_QEMU_HARDDISK_mpath0") == nullptr);
}

BOOST_AUTO_TEST_CASE(property_and_attr)
{
    const Snapshot s = everything();
    const BlockDevice& sda = s.devices[0];
    BOOST_TEST_REQUIRE(sda.property("ID_SERIAL") != nullptr);
    BOOST_TEST(*sda.property("ID_SERIAL") == "0QEMU_QEMU_HARDDISK_mpath0");
    BOOST_TEST_REQUIRE(sda.property("EMPTY") != nullptr);  // present but empty
    BOOST_TEST(sda.property("EMPTY")->empty());
    BOOST_TEST(sda.property("ID_WWN") == nullptr);
    BOOST_TEST(sda.property("id_serial") == nullptr);
    BOOST_TEST(*sda.attr("vendor") == "QEMU");
    BOOST_TEST(sda.attr("model") == nullptr);
    BOOST_TEST(sda.attr("ID_SERIAL") == nullptr);  // properties and sysfs are apart
}

// ----- the two-path fixture -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(two_path_fixture_parses)
{
    const Snapshot s = parsed(read_text("tests/fixtures/two-path/snapshot.json"));
    BOOST_TEST(s.devices.size() == 7u);
    BOOST_TEST(s.maps.empty());
    BOOST_TEST(s.cmdline.starts_with("BOOT_IMAGE="));

    const BlockDevice* vda = s.find_device("vda");
    BOOST_TEST_REQUIRE(vda != nullptr);
    BOOST_TEST(vda->devt.str() == "254:0");
    BOOST_TEST(vda->property("ID_SERIAL") == nullptr);
    BOOST_TEST(vda->property("ID_PATH") != nullptr);
    BOOST_TEST(s.find_device("vda1")->parent == "vda");

    const BlockDevice* sda = s.find_device("sda");
    const BlockDevice* sdb = s.find_device("sdb");
    BOOST_TEST_REQUIRE(sda != nullptr);
    BOOST_TEST_REQUIRE(sdb != nullptr);
    BOOST_TEST(sda->devt.str() == "8:0");
    BOOST_TEST(sdb->devt.str() == "8:16");
    BOOST_TEST(sda->size == 2097152u);
    BOOST_TEST(sdb->size == 2097152u);
    BOOST_TEST(*sda->attr("hctl") == "0:0:0:0");
    BOOST_TEST(*sdb->attr("hctl") == "0:0:1:0");
    for (const BlockDevice* path : {sda, sdb}) {
        BOOST_TEST_CONTEXT(path->name)
        {
            BOOST_TEST(*path->property("ID_SERIAL") == "0QEMU_QEMU_HARDDISK_mpath0");
            BOOST_TEST(*path->property("ID_SERIAL_SHORT") == "mpath0");
            BOOST_TEST(*path->attr("vendor") == "QEMU");
            BOOST_TEST(*path->attr("model") == "QEMU HARDDISK");
            BOOST_TEST(*path->attr("rev") == "2.5+");
            BOOST_TEST(*path->attr("state") == "running");
            BOOST_TEST(*path->attr("protocol") == "scsi:unspec");
            // QEMU's vendor-specific (type 0) designator, code set ASCII,
            // associated with the LU, holding the serial; sg3-utils-udev
            // turns it into SCSI_IDENT_LUN_VENDOR.
            const std::string pg83 = from_hex(*path->attr("vpd_pg83"));
            BOOST_TEST(pg83.substr(0, 8) == std::string("\x00\x83\x00\x0a\x02\x00\x00\x06", 8));
            BOOST_TEST(pg83.substr(8) == "mpath0");
            BOOST_TEST(*path->property("SCSI_IDENT_LUN_VENDOR") == "mpath0");
            BOOST_TEST(*path->property("SCSI_IDENT_SERIAL") == "mpath0");
            BOOST_TEST(from_hex(*path->attr("vpd_pg80")) == std::string("\x00\x80\x00\x06mpath0", 10));
        }
    }
    for (const char* part : {"sda1", "sdb1"}) {
        const BlockDevice* p = s.find_device(part);
        BOOST_TEST_REQUIRE(p != nullptr);
        BOOST_TEST(p->partition);
        BOOST_TEST(*p->property("ID_FS_TYPE") == "ext4");
    }
    BOOST_TEST(s.find_device("sda1")->devt.str() == "8:1");
    BOOST_TEST(s.find_device("sdb1")->devt.str() == "8:17");
    BOOST_TEST(s.find_device("sdb1")->parent == "sdb");
    const BlockDevice* sdc = s.find_device("sdc");
    BOOST_TEST_REQUIRE(sdc != nullptr);
    BOOST_TEST(*sdc->property("ID_SERIAL") == "0QEMU_QEMU_HARDDISK_data1");
    BOOST_TEST(sdc->devt.str() == "8:32");
}

BOOST_AUTO_TEST_CASE(two_path_fixture_is_in_canonical_form)
{
    // The fixture is what format_snapshot writes, so a capture of the same
    // machine would be byte for byte the same file.
    const std::string text = read_text("tests/fixtures/two-path/snapshot.json");
    BOOST_TEST(mpb::format_snapshot(parsed(text)) == text);
}

BOOST_AUTO_TEST_CASE(example_in_the_documentation_is_valid_and_canonical)
{
    const std::string doc = read_text("docs/snapshot.md");
    const std::string open = "```json\n";
    const std::size_t begin = doc.find(open);
    BOOST_TEST_REQUIRE(begin != std::string::npos);
    const std::size_t end = doc.find("```", begin + open.size());
    BOOST_TEST_REQUIRE(end != std::string::npos);
    const std::string example = doc.substr(begin + open.size(), end - begin - open.size());
    const Snapshot s = parsed(example);
    BOOST_TEST(s.devices.size() == 4u);
    BOOST_TEST(s.maps.size() == 2u);
    BOOST_TEST(mpb::format_snapshot(s) == example);
}

BOOST_AUTO_TEST_CASE(hctl_is_four_decimal_numbers)
{
    BOOST_TEST(mpb::is_hctl("0:0:1:0"));
    BOOST_TEST(mpb::is_hctl("12:3:45:18446744073709551615"));
    for (const char* bad : {":::", "0:0:1", "0:0:1:0:0", "0:0:1:x", "0:0::0", "", "target0:0:1"})
        BOOST_TEST(!mpb::is_hctl(bad), bad);
}

BOOST_AUTO_TEST_SUITE_END()

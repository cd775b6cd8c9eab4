// SPDX-License-Identifier: GPL-2.0-or-later
// dm naming facts: map and partition-map UUIDs built and parsed, partition
// map names, the length limits, and "dm-N" kernel names.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <string>

#include "core/dm_name.hh"

namespace bdata = boost::unit_test::data;

namespace {

using mpb::PartitionUuid;

// ----- map UUIDs ----------------------------------------------------------

struct MapUuidCase {
    const char* name;
    std::string uuid;
    std::optional<std::string> wwid;  // nullopt: not a multipath map's UUID
};

std::ostream& operator<<(std::ostream& os, const MapUuidCase& c) { return os << c.name; }

const MapUuidCase map_uuid_cases[] = {
    {"NAA WWID", "mpath-3600a098038303053", "3600a098038303053"},
    {"T10 WWID with spaces turned to _", "mpath-1ATA_disk_1", "1ATA_disk_1"},
    {"one-character WWID", "mpath-x", "x"},
    {"a WWID that itself begins with mpath-", "mpath-mpath-3", "mpath-3"},
    {"empty", "", std::nullopt},
    {"mpath- alone: no WWID", "mpath-", std::nullopt},
    {"no dash", "mpath3600a", std::nullopt},
    {"mpathx-", "mpathx-3600a", std::nullopt},
    {"upper case", "MPATH-3600a", std::nullopt},
    {"partition map", "part1-mpath-3600a", std::nullopt},
    {"LVM", "LVM-abcdef", std::nullopt},
    {"CRYPT", "CRYPT-LUKS2-abc-root", std::nullopt},
    {"leading space", " mpath-3600a", std::nullopt},
};

// ----- partition-map UUIDs ------------------------------------------------

struct PartUuidCase {
    const char* name;
    std::string uuid;
    std::optional<PartitionUuid> parsed;
};

std::ostream& operator<<(std::ostream& os, const PartUuidCase& c) { return os << c.name; }

const PartUuidCase part_uuid_cases[] = {
    {"partition 1", "part1-mpath-3600a", PartitionUuid{1, "3600a"}},
    {"two-digit partition", "part12-mpath-3600a", PartitionUuid{12, "3600a"}},
    {"largest unsigned", "part4294967295-mpath-w", PartitionUuid{4294967295u, "w"}},
    {"WWID with dashes", "part2-mpath-a-b-c", PartitionUuid{2, "a-b-c"}},
    {"empty", "", std::nullopt},
    {"part0-: kpartx counts from 1", "part0-mpath-3600a", std::nullopt},
    {"part0- alone", "part0-", std::nullopt},
    {"leading zero", "part01-mpath-3600a", std::nullopt},
    {"partX-mpath-...", "partX-mpath-3600a", std::nullopt},
    {"no number", "part-mpath-3600a", std::nullopt},
    {"signed number", "part+1-mpath-3600a", std::nullopt},
    {"over unsigned", "part4294967296-mpath-w", std::nullopt},
    {"no WWID", "part1-mpath-", std::nullopt},
    {"no dash after the number", "part1mpath-3600a", std::nullopt},
    {"not a multipath map below", "part1-LVM-abc", std::nullopt},
    {"mpathx- below", "part1-mpathx-3600a", std::nullopt},
    {"partition of a partition", "part1-part2-mpath-3600a", std::nullopt},
    {"map UUID", "mpath-3600a", std::nullopt},
    {"upper case", "PART1-mpath-3600a", std::nullopt},
};

// ----- dm-N kernel names --------------------------------------------------

struct KernelNameCase {
    const char* name;
    std::string kernel_name;
    std::optional<unsigned> minor;
};

std::ostream& operator<<(std::ostream& os, const KernelNameCase& c) { return os << c.name; }

const KernelNameCase kernel_name_cases[] = {
    {"dm-0", "dm-0", 0u},
    {"dm-3", "dm-3", 3u},
    {"dm-1048575 (MINORMASK)", "dm-1048575", 1048575u},
    {"empty", "", std::nullopt},
    {"dm- alone", "dm-", std::nullopt},
    {"leading zero", "dm-01", std::nullopt},
    {"negative", "dm--1", std::nullopt},
    {"letters", "dm-x", std::nullopt},
    {"trailing junk", "dm-3p1", std::nullopt},
    {"a disk", "sda", std::nullopt},
    {"a dm name, not a kernel name", "mpatha", std::nullopt},
    {"over unsigned", "dm-99999999999", std::nullopt},
};

// ----- length limits ------------------------------------------------------

struct LengthCase {
    const char* name;
    std::string text;
    bool is_uuid;
    std::string problem;
};

std::ostream& operator<<(std::ostream& os, const LengthCase& c) { return os << c.name; }

const LengthCase length_cases[] = {
    {"empty name", "", false, ""},
    {"name of 127 bytes", std::string(127, 'n'), false, ""},
    {"name of 128 bytes", std::string(128, 'n'), false,
     std::string(128, 'n') + " is 128 bytes, device-mapper allows 127"},
    {"UUID of 128 bytes", std::string(128, 'u'), true, ""},
    {"UUID of 129 bytes", std::string(129, 'u'), true,
     std::string(129, 'u') + " is 129 bytes, device-mapper allows 128"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dm_name)

BOOST_DATA_TEST_CASE(map_uuid_parsed, bdata::make(map_uuid_cases), c)
{
    BOOST_TEST((mpb::wwid_of_map_uuid(c.uuid) == c.wwid));
    BOOST_TEST(mpb::is_map_uuid(c.uuid) == c.wwid.has_value());
    if (c.wwid)
        BOOST_TEST(mpb::map_uuid(*c.wwid) == c.uuid);  // built back to the same text
}

BOOST_AUTO_TEST_CASE(map_uuid_built)
{
    BOOST_TEST(mpb::map_uuid("3600a") == "mpath-3600a");
    BOOST_TEST(mpb::map_uuid("") == "mpath-");
}

BOOST_DATA_TEST_CASE(partition_uuid_parsed, bdata::make(part_uuid_cases), c)
{
    auto got = mpb::parse_partition_uuid(c.uuid);
    BOOST_TEST(got.has_value() == c.parsed.has_value());
    if (got && c.parsed) {
        BOOST_TEST(got->number == c.parsed->number);
        BOOST_TEST(got->wwid == c.parsed->wwid);
        BOOST_TEST(mpb::partition_uuid(got->number, got->wwid) == c.uuid);
    }
}

BOOST_AUTO_TEST_CASE(partition_uuid_and_name_built)
{
    BOOST_TEST(mpb::partition_uuid(1, "3600a") == "part1-mpath-3600a");
    BOOST_TEST(mpb::partition_uuid(15, "w") == "part15-mpath-w");
    BOOST_TEST(mpb::partition_map_name("mpatha", 1) == "mpatha-part1");
    BOOST_TEST(mpb::partition_map_name("rootdisk", 12) == "rootdisk-part12");
    BOOST_TEST(mpb::partition_map_name("", 2) == "-part2");
}

BOOST_DATA_TEST_CASE(kernel_name_parsed, bdata::make(kernel_name_cases), c)
{
    BOOST_TEST((mpb::minor_of_dm_kernel_name(c.kernel_name) == c.minor));
    if (c.minor)
        BOOST_TEST(mpb::dm_kernel_name(*c.minor) == c.kernel_name);
}

BOOST_DATA_TEST_CASE(length_limits, bdata::make(length_cases), c)
{
    auto problem = c.is_uuid ? mpb::dm_uuid_too_long(c.text) : mpb::dm_name_too_long(c.text);
    BOOST_TEST(problem == c.problem);
}

BOOST_AUTO_TEST_CASE(limits_are_the_kernels)
{
    BOOST_TEST(mpb::max_dm_name == 128u - 1);  // DM_NAME_LEN with its NUL
    BOOST_TEST(mpb::max_dm_uuid == 129u - 1);  // DM_UUID_LEN with its NUL
}

BOOST_AUTO_TEST_SUITE_END()

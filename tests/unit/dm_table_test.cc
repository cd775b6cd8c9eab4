// SPDX-License-Identifier: GPL-2.0-or-later
// The dm multipath table: path grouping per policy, the features words as
// no_path_retry and features decide them, and whole tables written out by
// hand from the dm-multipath table format.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/config.hh"
#include "unit_fixtures.hh"
#include "core/dm_table.hh"
#include "core/settings.hh"

namespace bdata = boost::unit_test::data;

namespace {

const std::string conf_file = "/etc/multipath.conf";
const char* const wwid = "36001405a1b2c3d4e5f60718293a4b5c6";

mpb::Config conf(const std::string& text) { return mpb::test::config_from(text); }

// The settings of a map of `vendor`/`product` paths with the WWID above.
mpb::EffectiveSettings settings(const mpb::Config& c, const char* vendor, const char* product)
{
    return mpb::resolve_settings(c, mpb::matching_devices(c, vendor, product),
                                 c.find_multipath(wwid));
}

// One path per letter of `serials`: sda 8:0, sdb 8:16, ... with that serial.
std::vector<mpb::PathRecord> paths(const std::string& serials)
{
    std::vector<mpb::PathRecord> out;
    for (std::size_t i = 0; i < serials.size(); ++i) {
        mpb::PathRecord p;
        p.name = std::string("sd") + static_cast<char>('a' + i);
        p.devt = {8, static_cast<unsigned>(16 * i)};
        p.wwid = wwid;
        p.serial = std::string("SERIAL-") + serials[i];
        out.push_back(p);
    }
    return out;
}

// "sda sdc|sdb sdd": groups separated by '|', paths by ' '.
std::string show(const std::vector<mpb::PathGroup>& groups, const std::vector<mpb::PathRecord>& ps)
{
    std::string out;
    for (const auto& g : groups) {
        if (!out.empty())
            out += "|";
        std::string names;
        for (auto i : g.members)
            names += (names.empty() ? "" : " ") + ps[i].name;
        out += names;
    }
    return out;
}

// The table of `ps` with const priorities and the configured hardware
// handler (hwhandler_test.cc tests the choice).
std::string table_of(unsigned long long sectors, const mpb::EffectiveSettings& s,
                     const std::vector<mpb::PathRecord>& ps)
{
    std::vector<int> prios(ps.size(), 1);
    auto groups = mpb::group_paths(s.path_grouping_policy.value, ps, prios);
    return mpb::multipath_table(sectors, s, s.hardware_handler.value, ps, groups, prios);
}

// ---- grouping -------------------------------------------------------------

struct GroupCase {
    mpb::PgPolicy policy;
    const char* serials;
    const char* groups;
};

std::ostream& operator<<(std::ostream& os, const GroupCase& c)
{
    return os << mpb::to_string(c.policy) << " serials '" << c.serials << "'";
}

using P = mpb::PgPolicy;

const GroupCase group_cases[] = {
    {P::failover, "", ""},
    {P::failover, "A", "sda"},
    {P::failover, "AB", "sda|sdb"},
    {P::failover, "AAAA", "sda|sdb|sdc|sdd"},  // one group a path, serials aside
    {P::multibus, "", ""},
    {P::multibus, "A", "sda"},
    {P::multibus, "AB", "sda sdb"},
    {P::multibus, "ABCD", "sda sdb sdc sdd"},
    {P::group_by_serial, "", ""},
    {P::group_by_serial, "A", "sda"},
    {P::group_by_serial, "AA", "sda sdb"},
    {P::group_by_serial, "AB", "sda|sdb"},
    {P::group_by_serial, "ABAB", "sda sdc|sdb sdd"},
    {P::group_by_serial, "BABA", "sda sdc|sdb sdd"},  // first appearance, not serial order
    {P::group_by_serial, "ABBA", "sda sdd|sdb sdc"},
    {P::group_by_serial, "AAAB", "sda sdb sdc|sdd"},
    {P::group_by_serial, "ABCD", "sda|sdb|sdc|sdd"},
};

// ---- features -------------------------------------------------------------

// defaults { no_path_retry <npr>; features "<features>" }, each when not null.
struct FeaturesCase {
    const char* no_path_retry;
    const char* features;
    const char* expected;
};

std::ostream& operator<<(std::ostream& os, const FeaturesCase& c)
{
    return os << "no_path_retry " << (c.no_path_retry ? c.no_path_retry : "(unset)")
              << ", features " << (c.features ? c.features : "(unset)");
}

const FeaturesCase features_cases[] = {
    // Not set anywhere: the features setting stands.
    {nullptr, nullptr, "0"},
    {nullptr, "0", "0"},
    {nullptr, "1 queue_if_no_path", "1 queue_if_no_path"},
    {nullptr, "2 pg_init_retries 50", "2 pg_init_retries 50"},
    // queue adds it, once; the count is recomputed.
    {"queue", nullptr, "1 queue_if_no_path"},
    {"queue", "1 queue_if_no_path", "1 queue_if_no_path"},
    {"queue", "2 pg_init_retries 50", "3 pg_init_retries 50 queue_if_no_path"},
    {"queue", "3 queue_if_no_path pg_init_retries 50", "3 pg_init_retries 50 queue_if_no_path"},
    // N > 0 queues for N checker intervals: the table queues.
    {"5", nullptr, "1 queue_if_no_path"},
    {"5", "1 queue_if_no_path", "1 queue_if_no_path"},
    {"12", "2 pg_init_retries 50", "3 pg_init_retries 50 queue_if_no_path"},
    {"12", "3 queue_if_no_path pg_init_retries 50", "3 pg_init_retries 50 queue_if_no_path"},
    // fail (or 0) removes it.
    {"fail", nullptr, "0"},
    {"fail", "1 queue_if_no_path", "0"},
    {"fail", "2 pg_init_retries 50", "2 pg_init_retries 50"},
    {"fail", "3 queue_if_no_path pg_init_retries 50", "2 pg_init_retries 50"},
    {"0", "1 queue_if_no_path", "0"},
    {"0", nullptr, "0"},
};

std::string defaults_conf(const char* no_path_retry, const char* features)
{
    std::string t = "defaults {\n";
    if (no_path_retry)
        t += std::string("\tno_path_retry ") + no_path_retry + "\n";
    if (features)
        t += std::string("\tfeatures \"") + features + "\"\n";
    return t + "}\n";
}

// no_path_retry and features set at different levels.
struct LevelCase {
    const char* name;
    const char* conf;
    const char* vendor;
    const char* product;
    const char* expected;
};

std::ostream& operator<<(std::ostream& os, const LevelCase& c)
{
    return os << c.name;
}

const std::string multipath_fail = std::string(R"CONF(defaults {
	no_path_retry queue
}
multipaths {
	multipath {
		wwid )CONF") + wwid + R"CONF(
		no_path_retry fail
	}
}
)CONF";

const std::string multipath_retries = std::string(R"CONF(defaults {
	no_path_retry fail
}
multipaths {
	multipath {
		wwid )CONF") + wwid + R"CONF(
		no_path_retry 10
	}
}
)CONF";

const std::string multipath_features = std::string(R"CONF(defaults {
	no_path_retry fail
}
multipaths {
	multipath {
		wwid )CONF") + wwid + R"CONF(
		features "1 queue_if_no_path"
	}
}
)CONF";

const char* const device_features = R"CONF(devices {
	device {
		vendor "ACME"
		product "DISK"
		features "1 queue_if_no_path"
	}
}
)CONF";

const char* const defaults_fail = R"CONF(defaults {
	no_path_retry fail
}
)CONF";

const char* const overrides_fail = R"CONF(overrides {
	no_path_retry fail
}
)CONF";

const LevelCase level_cases[] = {
    {"multipaths fail over defaults queue", multipath_fail.c_str(), "ACME", "DISK", "0"},
    {"multipaths 10 over defaults fail", multipath_retries.c_str(), "ACME", "DISK", "1 queue_if_no_path"},
    {"defaults fail over multipaths features", multipath_features.c_str(), "ACME", "DISK", "0"},
    {"device features, no_path_retry unset", device_features, "ACME", "DISK", "1 queue_if_no_path"},
    {"device features, other device", device_features, "ACME", "TAPE", "0"},
    // The built-in 3PARdata/VV entry sets no_path_retry 18.
    {"built-in device no_path_retry", "", "3PARdata", "VV", "1 queue_if_no_path"},
    {"built-in device over defaults fail", defaults_fail, "3PARdata", "VV", "1 queue_if_no_path"},
    {"overrides fail over built-in device", overrides_fail, "3PARdata", "VV", "0"},
};

// ---- whole tables ---------------------------------------------------------

struct TableCase {
    const char* name;
    const char* conf;
    const char* vendor;
    const char* product;
    const char* serials;
    unsigned long long sectors;
    const char* table;
};

std::ostream& operator<<(std::ostream& os, const TableCase& c)
{
    return os << c.name << ", " << std::string(c.serials).size() << " paths";
}

const char* const builtin = "";

const char* const multibus_queue = R"CONF(defaults {
	path_grouping_policy multibus
	no_path_retry queue
}
)CONF";

const char* const by_serial = R"CONF(defaults {
	path_grouping_policy group_by_serial
}
)CONF";

const char* const round_robin = R"CONF(defaults {
	path_grouping_policy multibus
	path_selector "round-robin 0"
	rr_min_io_rq 3
}
)CONF";

const char* const alua_fail = R"CONF(defaults {
	hardware_handler "1 alua"
	features "1 queue_if_no_path"
	no_path_retry fail
}
)CONF";

const char* const pg_init_retries = R"CONF(defaults {
	path_grouping_policy multibus
	features "2 pg_init_retries 50"
	no_path_retry 12
}
)CONF";

const char* const bare_selector = R"CONF(defaults {
	path_selector queue-length
}
)CONF";

const std::string multipath_multibus = std::string(R"CONF(defaults {
	path_grouping_policy failover
}
multipaths {
	multipath {
		wwid )CONF") + wwid + R"CONF(
		path_grouping_policy multibus
	}
}
)CONF";

const TableCase table_cases[] = {
    {"built-in failover", builtin, "ACME", "DISK", "A", 2097152,
     "0 2097152 multipath 0 0 1 1 service-time 0 1 1 8:0 1"},
    {"built-in failover", builtin, "ACME", "DISK", "AA", 2097152,
     "0 2097152 multipath 0 0 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1"},
    {"built-in failover", builtin, "ACME", "DISK", "AAAA", 41943040,
     "0 41943040 multipath 0 0 4 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1"
     " service-time 0 1 1 8:32 1 service-time 0 1 1 8:48 1"},
    {"multibus queue", multibus_queue, "ACME", "DISK", "A", 2097152,
     "0 2097152 multipath 1 queue_if_no_path 0 1 1 service-time 0 1 1 8:0 1"},
    // The table of a real system.
    {"multibus queue", multibus_queue, "ACME", "DISK", "AA", 2097152,
     "0 2097152 multipath 1 queue_if_no_path 0 1 1 service-time 0 2 1 8:0 1 8:16 1"},
    {"multibus queue", multibus_queue, "ACME", "DISK", "AAAA", 2097152,
     "0 2097152 multipath 1 queue_if_no_path 0 1 1 service-time 0 4 1 8:0 1 8:16 1 8:32 1 8:48 1"},
    {"group_by_serial", by_serial, "ACME", "DISK", "A", 2048,
     "0 2048 multipath 0 0 1 1 service-time 0 1 1 8:0 1"},
    {"group_by_serial", by_serial, "ACME", "DISK", "AB", 2048,
     "0 2048 multipath 0 0 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1"},
    {"group_by_serial", by_serial, "ACME", "DISK", "ABAB", 2048,
     "0 2048 multipath 0 0 2 1 service-time 0 2 1 8:0 1 8:32 1 service-time 0 2 1 8:16 1 8:48 1"},
    {"round-robin rr_min_io_rq 3", round_robin, "ACME", "DISK", "AB", 2097152,
     "0 2097152 multipath 0 0 1 1 round-robin 0 2 1 8:0 3 8:16 3"},
    {"alua, fail", alua_fail, "ACME", "DISK", "AB", 2097152,
     "0 2097152 multipath 0 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1"},
    {"pg_init_retries, 12", pg_init_retries, "ACME", "DISK", "ABCD", 2097152,
     "0 2097152 multipath 3 pg_init_retries 50 queue_if_no_path 0 1 1 service-time 0 4 1"
     " 8:0 1 8:16 1 8:32 1 8:48 1"},
    {"bare selector", bare_selector, "ACME", "DISK", "A", 8,
     "0 8 multipath 0 0 1 1 queue-length 0 1 1 8:0 1"},
    {"multipaths multibus", multipath_multibus.c_str(), "ACME", "DISK", "AB", 2097152,
     "0 2097152 multipath 0 0 1 1 service-time 0 2 1 8:0 1 8:16 1"},
    // Built-in 3PARdata/VV: group_by_prio, prio alua, hardware_handler
    // "1 alua", no_path_retry 18; paths with no priority facts (both alike)
    // make one group.
    {"built-in 3PARdata", builtin, "3PARdata", "VV", "AB", 2097152,
     "0 2097152 multipath 1 queue_if_no_path 1 alua 1 1 service-time 0 2 1 8:0 1 8:16 1"},
    // No paths: no groups, and no first group.
    {"no paths", builtin, "ACME", "DISK", "", 2097152, "0 2097152 multipath 0 0 0 0"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dm_table)

BOOST_DATA_TEST_CASE(grouping, bdata::make(group_cases), c)
{
    auto ps = paths(c.serials);
    auto groups = mpb::group_paths(c.policy, ps, std::vector<int>(ps.size(), 1));
    BOOST_TEST(show(groups, ps) == c.groups);
    // Groups index into `ps`, each path exactly once.
    std::size_t n = 0;
    for (const auto& g : groups) {
        BOOST_TEST(!g.members.empty());
        for (auto i : g.members) {
            BOOST_TEST(i < ps.size());
            ++n;
        }
    }
    BOOST_TEST(n == ps.size());
}

BOOST_DATA_TEST_CASE(features, bdata::make(features_cases), c)
{
    auto cfg = conf(defaults_conf(c.no_path_retry, c.features));
    BOOST_TEST(mpb::effective_features(settings(cfg, "ACME", "DISK")) == c.expected);
}

BOOST_DATA_TEST_CASE(features_levels, bdata::make(level_cases), c)
{
    auto cfg = conf(c.conf);
    BOOST_TEST(mpb::effective_features(settings(cfg, c.vendor, c.product)) == c.expected);
}

BOOST_DATA_TEST_CASE(table, bdata::make(table_cases), c)
{
    auto cfg = conf(c.conf);
    BOOST_TEST(table_of(c.sectors, settings(cfg, c.vendor, c.product), paths(c.serials)) == c.table);
}

// rr_weight priorities: each path repeats rr_min_io_rq times its priority
// (multipath-tools' assemble_map); a priority of 0 or less keeps the count.
BOOST_AUTO_TEST_CASE(rr_weight_priorities_scales_the_repeat_count)
{
    auto cfg = conf(R"CONF(defaults {
	path_grouping_policy multibus
	rr_weight priorities
	rr_min_io_rq 2
}
)CONF");
    auto s = settings(cfg, "ACME", "DISK");
    auto ps = paths("ABC");
    std::vector<int> prios{50, 0, -1};
    auto groups = mpb::group_paths(s.path_grouping_policy.value, ps, prios);
    BOOST_TEST(mpb::multipath_table(8, s, "0", ps, groups, prios) ==
               "0 8 multipath 0 0 1 1 service-time 0 3 1 8:0 100 8:16 2 8:32 2");
    s.rr_weight.value = "uniform";
    BOOST_TEST(mpb::multipath_table(8, s, "0", ps, groups, prios) ==
               "0 8 multipath 0 0 1 1 service-time 0 3 1 8:0 2 8:16 2 8:32 2");
}

BOOST_AUTO_TEST_SUITE_END()

// ----- reading tables back: as we write them and as the kernel prints them --

namespace {

struct ShapeCase {
    const char* name;
    std::string a, b;
    bool same;
};

std::ostream& operator<<(std::ostream& os, const ShapeCase& c) { return os << c.name; }

const std::string ours =
    "0 2097152 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1";
// dmsetup table on a kernel: service-time shows two path arguments.
const std::string kernel =
    "0 2097152 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1";

const ShapeCase shape_cases[] = {
    {"kernel form of the same map", ours, kernel, true},
    {"identical text", ours, ours, true},
    {"features in another order",
     "0 8 multipath 3 queue_if_no_path pg_init_retries 50 0 1 1 round-robin 0 1 1 8:0 1",
     "0 8 multipath 3 pg_init_retries 50 queue_if_no_path 0 1 1 round-robin 0 1 1 8:0 1", true},
    {"a path missing",
     ours, "0 2097152 multipath 1 queue_if_no_path 1 alua 1 1 service-time 0 1 2 8:0 1 1", false},
    {"paths grouped differently", ours,
     "0 2097152 multipath 1 queue_if_no_path 1 alua 1 1 service-time 0 2 1 8:0 1 8:16 1", false},
    {"another size", ours,
     "0 4194304 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1",
     false},
    {"queueing off", ours,
     "0 2097152 multipath 0 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1", false},
    {"another handler", ours,
     "0 2097152 multipath 1 queue_if_no_path 1 emc 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1",
     false},
    {"malformed never equals", ours, "0 2097152 multipath 1", false},
};

struct BadTable {
    const char* name;
    std::string table;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const BadTable& c) { return os << c.name; }

const BadTable bad_tables[] = {
    {"empty", "", "not a multipath table"},
    {"linear target", "0 100 linear 8:0 0", "not a multipath table"},
    {"feature count too large", "0 8 multipath 5 queue_if_no_path", "malformed multipath table header"},
    {"no groups count", "0 8 multipath 0 0", "malformed multipath table header"},
    {"short group", "0 8 multipath 0 0 1 1 service-time 0 2 1 8:0 1", "malformed path group 1"},
    {"trailing words", "0 8 multipath 0 0 1 1 service-time 0 1 1 8:0 1 extra",
     "trailing words after the last path group"},
    {"negative count", "0 8 multipath -1 0 0 0", "malformed multipath table header"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dm_table_shape)

BOOST_DATA_TEST_CASE(same_map_compares_structure, bdata::make(shape_cases), c)
{
    BOOST_TEST(mpb::same_map(c.a, c.b) == c.same);
    BOOST_TEST(mpb::same_map(c.b, c.a) == c.same);
}

BOOST_DATA_TEST_CASE(malformed_tables_give_reasons, bdata::make(bad_tables), c)
{
    auto r = mpb::parse_multipath_table(c.table);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == c.reason);
}

BOOST_AUTO_TEST_CASE(shape_of_the_kernel_form)
{
    auto r = mpb::parse_multipath_table(kernel);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->sectors == 2097152u);
    BOOST_TEST(r->features == std::vector<std::string>{"queue_if_no_path"}, boost::test_tools::per_element());
    BOOST_TEST(r->hardware_handler == "alua");
    BOOST_TEST_REQUIRE(r->groups.size() == 2u);
    BOOST_TEST(r->groups[1] == std::vector<std::string>{"8:16"}, boost::test_tools::per_element());
}

// Each part as the table spells it, as multipath -l shows a live map.
struct PartsCase {
    const char* name;
    std::string table;
    std::string features, hwhandler;
    std::vector<mpb::TableGroup> groups;
};

std::ostream& operator<<(std::ostream& os, const PartsCase& c) { return os << c.name; }

const PartsCase parts_cases[] = {
    {"ours", ours, "1 queue_if_no_path", "1 alua",
     {{"service-time 0", {"8:0"}}, {"service-time 0", {"8:16"}}}},
    {"the kernel's", kernel, "1 queue_if_no_path", "1 alua",
     {{"service-time 0", {"8:0"}}, {"service-time 0", {"8:16"}}}},
    // The kernel's order, kept: not sorted as in TableShape.
    {"features in kernel order",
     "0 8 multipath 3 queue_if_no_path pg_init_retries 50 0 1 1 round-robin 0 2 1 8:0 1 8:16 1",
     "3 queue_if_no_path pg_init_retries 50", "0", {{"round-robin 0", {"8:0", "8:16"}}}},
    {"selector arguments", "0 8 multipath 0 0 1 1 historical-service-time 2 3 4 1 0 8:0",
     "0", "0", {{"historical-service-time 2 3 4", {"8:0"}}}},
    {"handler arguments", "0 8 multipath 0 2 emc 1 1 1 round-robin 0 1 1 8:0 1",
     "0", "2 emc 1", {{"round-robin 0", {"8:0"}}}},
    {"no paths", "0 2097152 multipath 0 0 0 0", "0", "0", {}},
};

BOOST_DATA_TEST_CASE(tables_part_by_part, bdata::make(parts_cases), c)
{
    auto r = mpb::read_multipath_table(c.table);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(r->features == c.features);
    BOOST_TEST(r->hwhandler == c.hwhandler);
    BOOST_TEST_REQUIRE(r->groups.size() == c.groups.size());
    for (std::size_t g = 0; g < c.groups.size(); ++g) {
        BOOST_TEST(r->groups[g].selector == c.groups[g].selector);
        BOOST_TEST(r->groups[g].paths == c.groups[g].paths, boost::test_tools::per_element());
    }
}

BOOST_DATA_TEST_CASE(part_by_part_gives_the_same_reasons, bdata::make(bad_tables), c)
{
    auto r = mpb::read_multipath_table(c.table);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == c.reason);
}

BOOST_AUTO_TEST_SUITE_END()

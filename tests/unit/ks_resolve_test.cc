// SPDX-License-Identifier: GPL-2.0-or-later
// Kickstart disk references resolved through the topology.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/dm_name.hh"
#include "kickstart/resolve.hh"
#include "unit_fixtures.hh"

using namespace mpb;
using namespace mpb::test;

namespace {

Snapshot topology()
{
    Snapshot s = machine();
    dev(s, "sdc").properties["ID_WWN_WITH_EXTENSION"] = "0x600a0b800011";
    s.maps.push_back(DmMap{"mpatha", map_uuid(mp0), {253, 0}, "", 1, "", false, {}, {}});
    s.maps.push_back(DmMap{"mpatha-part1", partition_uuid(1, mp0), {253, 1}, "", 0, "", false, {}, {}});
    s.maps.push_back(DmMap{"vg0-root", "LVM-abc", {253, 2}, "", 0, "", false, {}, {}});
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ks_resolve)

BOOST_AUTO_TEST_CASE(every_reference_form)
{
    const Snapshot s = topology();
    const Config cfg = config_from("");
    struct Case {
        std::string ref, wwid, found_as;
    };
    const std::vector<Case> cases = {
        {"disk/by-id/dm-uuid-mpath-" + mp0, mp0, "dm-uuid-mpath-" + mp0},
        {"/dev/disk/by-id/dm-uuid-mpath-" + d1, d1, "dm-uuid-mpath-" + d1},
        {"disk/by-id/scsi-0QEMU_QEMU_HARDDISK_mp0", mp0, "sda"},
        {"/dev/disk/by-id/scsi-0QEMU_QEMU_HARDDISK_d1", d1, "sdc"},
        {"disk/by-id/wwn-0x600a0b800011", d1, "sdc"},
        {"/dev/mapper/mpatha", mp0, "map mpatha"},
        {"mapper/mpatha", mp0, "map mpatha"},
        {"mpatha", mp0, "map mpatha"},
        {"/dev/mapper/mpatha-part1", mp0, "map mpatha-part1"},
        {"sdb", mp0, "sdb"},
        {"/dev/sdc", d1, "sdc"},
    };
    for (const auto& c : cases) {
        auto v = ks::resolve_disk(c.ref, s, cfg);
        BOOST_TEST_REQUIRE(v.has_value(), c.ref);
        BOOST_TEST(v->wwid == c.wwid, c.ref);
        BOOST_TEST(v->found_as == c.found_as, c.ref);
        BOOST_TEST(v->why_not.empty(), c.ref);
    }
}

BOOST_AUTO_TEST_CASE(references_to_nothing)
{
    const Snapshot s = topology();
    const Config cfg = config_from("");
    for (std::string ref : {"sdz", "/dev/sdz", "mpathq", "mapper/nothing", "disk/by-id/dm-uuid-mpath-nope",
                            "disk/by-id/scsi-nope", "disk/by-id/wwn-0x1", "sda1", "disk/by-id/ata-x", ""})
        BOOST_TEST(!ks::resolve_disk(ref, s, cfg).has_value(), "\"" << ref << "\"");
}

BOOST_AUTO_TEST_CASE(a_device_that_is_no_path_is_named_with_its_reason)
{
    const Snapshot s = topology();
    auto v = ks::resolve_disk("/dev/vda", s, config_from(""));
    BOOST_TEST_REQUIRE(v.has_value());
    BOOST_TEST(v->wwid.empty());
    BOOST_TEST(v->why_not.starts_with("vda: blacklisted by devnode"), v->why_not);
    auto w = ks::resolve_disk("sdc", s, config_from("blacklist {\n\twwid " + d1 + "\n}\n"));
    BOOST_TEST_REQUIRE(w.has_value());
    BOOST_TEST(w->wwid.empty());
    BOOST_TEST(w->why_not.starts_with("sdc: blacklisted by wwid"), w->why_not);
}

BOOST_AUTO_TEST_CASE(names_as_the_installed_system_gives_them)
{
    const Snapshot s = topology();
    auto bindings = parse_bindings("mpatha " + mp0 + "\n", "bindings");
    auto friendly = config_from("defaults {\n\tuser_friendly_names yes\n}\n");
    BOOST_TEST(ks::name_of(mp0, friendly, bindings, s).name == "mpatha");
    auto fresh = ks::name_of(d1, friendly, bindings, s);
    BOOST_TEST(fresh.name == "mpathb");
    BOOST_TEST(fresh.new_binding);
    auto aliased = config_from("multipaths {\n\tmultipath {\n\t\twwid " + d1 + "\n\t\talias data\n\t}\n}\n");
    BOOST_TEST(ks::name_of(d1, aliased, bindings, s).name == "data");
    BOOST_TEST(ks::name_of(d1, config_from(""), bindings, s).name == d1);
}

BOOST_AUTO_TEST_SUITE_END()

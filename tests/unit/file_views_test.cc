// SPDX-License-Identifier: GPL-2.0-or-later
// The views diagnose reads through: what a recording keeps is what the
// prefixed replay of it reads back, under the same names.
#include "sys/file_views.hh"

#include <boost/test/unit_test.hpp>

#include "sys/memory_files.hh"

using namespace mpb;

BOOST_AUTO_TEST_SUITE(file_views)

BOOST_AUTO_TEST_CASE(a_recording_keeps_what_was_found_under_its_prefix)
{
    MemoryFiles root;
    root.put("/etc/multipath.conf", "defaults {\n}\n");
    root.put("/etc/multipath/conf.d/a.conf", "");
    std::map<std::string, std::string> record;
    RecordingSource rec(root, "/sysroot", record);
    BOOST_TEST(rec.read("/etc/multipath.conf").value().value() == "defaults {\n}\n");
    BOOST_TEST(!rec.read("/etc/mpath-boot.conf").value().has_value());
    BOOST_TEST(rec.read("/etc/multipath/conf.d/a.conf").value().value() == "");
    BOOST_TEST(rec.names("/etc/multipath/conf.d").value() == std::vector<std::string>{"a.conf"},
               boost::test_tools::per_element());
    BOOST_TEST(rec.shown("/etc/multipath.conf") == "/sysroot/etc/multipath.conf");
    BOOST_TEST(record.size() == 2u);  // a missing file leaves no entry
    BOOST_TEST(record.at("/sysroot/etc/multipath.conf") == "defaults {\n}\n");
    BOOST_TEST(record.at("/sysroot/etc/multipath/conf.d/a.conf") == "");

    // Replayed: the same answers under the same names.
    MemoryFiles capture;
    for (const auto& [path, text] : record)
        capture.put(path, text);
    PrefixedSource replay(capture, "/sysroot");
    BOOST_TEST(replay.read("/etc/multipath.conf").value().value() == "defaults {\n}\n");
    BOOST_TEST(!replay.read("/etc/mpath-boot.conf").value().has_value());
    BOOST_TEST(replay.names("/etc/multipath/conf.d").value() == std::vector<std::string>{"a.conf"},
               boost::test_tools::per_element());
    BOOST_TEST(replay.shown("/etc/multipath.conf") == rec.shown("/etc/multipath.conf"));
}

BOOST_AUTO_TEST_CASE(a_read_error_names_the_file_as_the_replay_does)
{
    MemoryFiles root;
    root.fail_reads("/etc/multipath/wwids", "Permission denied");
    std::map<std::string, std::string> record;
    RecordingSource rec(root, "/boot/initrd.img-6.1!", record);
    auto r = rec.read("/etc/multipath/wwids");
    BOOST_TEST_REQUIRE(!r);
    BOOST_TEST(r.error() == "/boot/initrd.img-6.1!/etc/multipath/wwids: Permission denied");
    BOOST_TEST(record.empty());
}

BOOST_AUTO_TEST_SUITE_END()

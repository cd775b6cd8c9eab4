// SPDX-License-Identifier: GPL-2.0-or-later
// MemoryFiles, the in-memory Files for unit tests: it must behave like the
// host's files where the code under test can tell, and record what it did.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "sys/memory_files.hh"

namespace {

using Changed = mpb::Result<std::optional<std::string>>;
using Write = mpb::MemoryFiles::Write;

std::vector<std::string> sorted_names(const mpb::MemoryFiles& f, const std::string& dir)
{
    auto n = f.names(dir);
    BOOST_TEST_REQUIRE(n.has_value(), n.error());
    auto out = n.value();
    std::sort(out.begin(), out.end());
    return out;
}

mpb::WriteOptions mode(unsigned m)
{
    mpb::WriteOptions o;
    o.mode = m;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(memory_files)

BOOST_AUTO_TEST_CASE(reads_what_was_put_and_nothing_else)
{
    mpb::MemoryFiles f;
    f.put("/etc/multipath/wwids", "/a/\n");
    auto r = f.read("/etc/multipath/wwids");
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(r.value().value_or("<none>") == "/a/\n");
    auto missing = f.read("/etc/multipath/bindings");
    BOOST_TEST_REQUIRE(missing.has_value(), missing.error());
    BOOST_TEST(!missing.value().has_value());
    BOOST_TEST(f.exists("/etc/multipath/wwids"));
    BOOST_TEST(!f.exists("/etc/multipath/bindings"));
    BOOST_TEST(f.shown("/x") == "/x");
    BOOST_TEST(f.writes().empty());
}

BOOST_AUTO_TEST_CASE(names_lists_files_and_subdirectories_once)
{
    mpb::MemoryFiles f;
    f.put("/etc/multipath/conf.d/a.conf", "");
    f.put("/etc/multipath/conf.d/b.conf", "");
    f.put("/etc/multipath/wwids", "");
    f.put("/etc/multipath.conf", "");
    BOOST_TEST((sorted_names(f, "/etc/multipath") == std::vector<std::string>{"conf.d", "wwids"}));
    BOOST_TEST((sorted_names(f, "/etc/multipath/") == std::vector<std::string>{"conf.d", "wwids"}));
    BOOST_TEST((sorted_names(f, "/etc/multipath/conf.d") == std::vector<std::string>{"a.conf", "b.conf"}));
    BOOST_TEST(sorted_names(f, "/nowhere").empty());
}

BOOST_AUTO_TEST_CASE(writes_are_stored_and_recorded_in_order)
{
    mpb::MemoryFiles f;
    f.put("/w", "old\n");
    BOOST_TEST_REQUIRE(f.write_atomically("/w", "new\n", mode(0600)).has_value());
    auto r = f.update("/v", [](const std::string& old) { return Changed::ok(old + "v\n"); }, mode(0644));
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(f.text("/w").value_or("<none>") == "new\n");
    BOOST_TEST(f.text("/v").value_or("<none>") == "v\n");
    BOOST_TEST((f.writes() == std::vector<Write>{{"/w", "new\n", 0600}, {"/v", "v\n", 0644}}));
}

// As update_file_locked: a missing file reads as "", and an error or
// nullopt from the change writes nothing and creates nothing.
BOOST_AUTO_TEST_CASE(update_that_changes_nothing_leaves_everything)
{
    mpb::MemoryFiles f;
    f.put("/w", "old\n");
    std::vector<std::string> seen;
    auto refuse = [&](const std::string& old) {
        seen.push_back(old);
        return Changed::fail("/w: refused");
    };
    auto keep = [&](const std::string& old) {
        seen.push_back(old);
        return Changed::ok(std::nullopt);
    };
    auto r = f.update("/w", refuse, {});
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == "/w: refused");
    BOOST_TEST(f.update("/w", keep, {}).has_value());
    BOOST_TEST(f.update("/missing", keep, {}).has_value());
    BOOST_TEST((seen == std::vector<std::string>{"old\n", "old\n", ""}));
    BOOST_TEST(f.text("/w").value_or("<none>") == "old\n");
    BOOST_TEST(!f.exists("/missing"));
    BOOST_TEST(f.writes().empty());
}

BOOST_AUTO_TEST_CASE(failing_paths_fail_with_their_reason)
{
    mpb::MemoryFiles f;
    f.put("/w", "old\n");
    f.fail_writes("/w", "Read-only file system");
    f.fail_reads("/r", "Permission denied");
    f.fail_reads("/d", "Permission denied");
    bool called = false;
    auto r = f.update("/w", [&](const std::string&) {
        called = true;
        return Changed::ok("x");
    }, {});
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == "/w: Read-only file system");
    BOOST_TEST(!called);
    auto w = f.write_atomically("/w", "x", {});
    BOOST_TEST_REQUIRE(!w.has_value());
    BOOST_TEST(w.error() == "/w: Read-only file system");
    BOOST_TEST(f.text("/w").value_or("<none>") == "old\n");
    BOOST_TEST(f.read("/w").has_value());  // still readable

    auto rr = f.read("/r");
    BOOST_TEST_REQUIRE(!rr.has_value());
    BOOST_TEST(rr.error() == "/r: Permission denied");
    auto dn = f.names("/d");
    BOOST_TEST_REQUIRE(!dn.has_value());
    BOOST_TEST(dn.error() == "/d: Permission denied");
    BOOST_TEST(f.writes().empty());
}

BOOST_AUTO_TEST_SUITE_END()

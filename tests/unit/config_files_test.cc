// SPDX-License-Identifier: GPL-2.0-or-later
// config_files: reading through the Files seam and adding to the state
// files. The exact text is checked against MemoryFiles; the lost update is
// checked on the real file system with many processes writing at once.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sys/config_files.hh"
#include "sys/memory_files.hh"
#include "child_process.hh"
#include "test_util.hh"
#include "unit_fixtures.hh"

using mpb::test::bindings_header;
using mpb::test::wwids_header;

namespace {

using Write = mpb::MemoryFiles::Write;

const std::string dir = "/etc/multipath";
const std::string wwids_file = dir + "/wwids";
const std::string bindings_file = dir + "/bindings";


// Waits for every child until `limit`, then kills the rest. Returns a line
// for each child that was killed or died of a signal.
std::vector<std::string> reap(std::vector<pid_t> pids, std::chrono::seconds limit)
{
    std::vector<std::string> failures;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!pids.empty() && std::chrono::steady_clock::now() < deadline) {
        std::erase_if(pids, [&](pid_t pid) {
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) != pid)
                return false;
            if (WIFSIGNALED(status))
                failures.push_back("child died of signal " + std::to_string(WTERMSIG(status)));
            return true;
        });
        ::poll(nullptr, 0, 5);
    }
    for (pid_t pid : pids) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        failures.push_back("child still running after " + std::to_string(limit.count()) + " s, killed");
    }
    return failures;
}

std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    return all.str();
}

// Runs every body in its own forked child, all released at the same moment:
// each child blocks reading one pipe until the parent closes its end. A
// body returns "" or why it failed. Returns the failures, children that did
// not finish within `limit` (killed then) among them.
std::vector<std::string> run_at_once(const std::vector<std::function<std::string()>>& bodies,
                                     std::chrono::seconds limit)
{
    int gate[2], report[2];
    BOOST_REQUIRE(::pipe(gate) == 0 && ::pipe(report) == 0);
    std::vector<pid_t> pids;
    for (const auto& body : bodies) {
        pid_t pid = ::fork();
        BOOST_REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(gate[1]);
            ::close(report[0]);
            char c;
            while (::read(gate[0], &c, 1) < 0 && errno == EINTR) {
            }
            std::string why = body();
            if (!why.empty())
                (void)!::write(report[1], (why + "\n").data(), why.size() + 1);  // < PIPE_BUF: whole
            ::_exit(why.empty() ? 0 : 1);
        }
        pids.push_back(pid);
    }
    ::close(gate[0]);
    ::close(gate[1]);  // the release
    ::close(report[1]);
    std::vector<std::string> failures = reap(pids, limit);
    std::string line;
    for (std::istringstream all(mpb::test::receive_all(report[0])); std::getline(all, line);)
        failures.push_back(line);
    ::close(report[0]);
    return failures;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config_files)

BOOST_AUTO_TEST_CASE(add_wwids_exact_text)
{
    mpb::MemoryFiles f;
    auto r = mpb::add_wwids(f, dir, {"3600a0b80001", "eui.02"});
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    const std::string first = wwids_header + "/3600a0b80001/\n/eui.02/\n";
    BOOST_TEST(f.text(wwids_file).value_or("<none>") == first);

    // Appended to what is there, even lines written by someone else; the
    // listed WWID adds nothing.
    f.put(wwids_file, first + "# by hand\n/3600a0b80009/");
    auto r2 = mpb::add_wwids(f, dir, {"eui.02", "3600a0b80003"});
    BOOST_TEST_REQUIRE(r2.has_value(), r2.error());
    const std::string second = first + "# by hand\n/3600a0b80009/\n/3600a0b80003/\n";
    BOOST_TEST(f.text(wwids_file).value_or("<none>") == second);
    BOOST_TEST((f.writes() == std::vector<Write>{{wwids_file, first, 0600}, {wwids_file, second, 0600}}));

    // Nothing new, nothing to add: no write at all.
    BOOST_TEST(mpb::add_wwids(f, dir, {"3600a0b80003"}).has_value());
    BOOST_TEST(mpb::add_wwids(f, dir, {}).has_value());
    BOOST_TEST(f.writes().size() == 2u);
}

BOOST_AUTO_TEST_CASE(add_bindings_exact_text)
{
    mpb::MemoryFiles f;
    auto r = mpb::add_bindings(f, dir, {{"mpatha", "3600a0b80001", 0}});
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    const std::string first = bindings_header + "mpatha 3600a0b80001\n";
    BOOST_TEST(f.text(bindings_file).value_or("<none>") == first);

    auto r2 = mpb::add_bindings(f, dir, {{"mpatha", "3600a0b80001", 0}, {"mpathb", "3600a0b80002", 0}});
    BOOST_TEST_REQUIRE(r2.has_value(), r2.error());
    const std::string second = first + "mpathb 3600a0b80002\n";
    BOOST_TEST(f.text(bindings_file).value_or("<none>") == second);
    BOOST_TEST((f.writes() == std::vector<Write>{{bindings_file, first, 0600}, {bindings_file, second, 0600}}));
}

// The alias was bound by another writer since the caller read the file:
// refused, nothing written.
BOOST_AUTO_TEST_CASE(add_bindings_refuses_an_alias_bound_to_another_wwid)
{
    mpb::MemoryFiles f;
    const std::string text = bindings_header + "mpatha 3600a0b80009\n";
    f.put(bindings_file, text);
    auto r = mpb::add_bindings(f, dir, {{"mpatha", "3600a0b80001", 0}});
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == bindings_file +
                                ": alias \"mpatha\" is already bound to 3600a0b80009, not binding it to 3600a0b80001");
    BOOST_TEST(f.text(bindings_file).value_or("<none>") == text);
    BOOST_TEST(f.writes().empty());
}

BOOST_AUTO_TEST_CASE(add_fails_with_the_files_reason)
{
    mpb::MemoryFiles f;
    f.fail_writes(wwids_file, "Read-only file system");
    f.fail_writes(bindings_file, "Read-only file system");
    auto w = mpb::add_wwids(f, dir, {"3600a0b80001"});
    BOOST_TEST_REQUIRE(!w.has_value());
    BOOST_TEST(w.error() == wwids_file + ": Read-only file system");
    auto b = mpb::add_bindings(f, dir, {{"mpatha", "3600a0b80001", 0}});
    BOOST_TEST_REQUIRE(!b.has_value());
    BOOST_TEST(b.error() == bindings_file + ": Read-only file system");
    BOOST_TEST(f.writes().empty());
}

BOOST_AUTO_TEST_CASE(read_state_and_boot_settings_through_the_seam)
{
    mpb::MemoryFiles f;
    f.put(wwids_file, "/3600a0b80001/\n");
    f.fail_reads(bindings_file, "Permission denied");
    auto s = mpb::read_state(f, dir);
    BOOST_TEST(s.wwids.wwids == std::vector<std::string>{"3600a0b80001"});
    BOOST_TEST(!s.bindings_readable);
    BOOST_TEST_REQUIRE(s.problems.size() == 1u);
    BOOST_TEST(s.problems[0].text == bindings_file +
                                         ": error: cannot read: Permission denied; no new friendly names will be handed out");

    BOOST_TEST(mpb::read_boot_settings(f, "/etc/mpath-boot.conf").diagnostics.empty());
    f.fail_reads("/etc/mpath-boot.conf", "Permission denied");
    auto b = mpb::read_boot_settings(f, "/etc/mpath-boot.conf");
    BOOST_TEST_REQUIRE(b.diagnostics.size() == 1u);
    BOOST_TEST(b.diagnostics[0].text ==
               "/etc/mpath-boot.conf: error: cannot read: Permission denied; using built-in defaults");
}

// The lost update: 20 processes add a WWID each to one wwids file and 20 a
// binding each to one bindings file, all at the same moment, on the real
// file system. Every line must be there once, in files that parse cleanly.
// Rounds repeat the race: appending to text read before the lock loses
// lines in most of them.
BOOST_AUTO_TEST_CASE(concurrent_writers_lose_no_line)
{
    constexpr int writers = 20;
    constexpr int rounds = 3;
    for (int round = 0; round < rounds; ++round) {
        mpb::test::TempDir d;
        const std::string state = d.at("etc/multipath");
        std::vector<std::string> wwids, aliases;
        std::vector<std::function<std::string()>> bodies;
        for (int i = 0; i < writers; ++i) {
            wwids.push_back("3600a0b800" + std::to_string(round) + "0" + std::to_string(100 + i));
            aliases.push_back("mpath" + mpb::index_to_suffix(static_cast<unsigned long>(i + 1)));
            bodies.push_back([&, i] {
                auto r = mpb::add_wwids(state, {wwids[i]});
                return r ? std::string() : r.error();
            });
            bodies.push_back([&, i] {
                auto r = mpb::add_bindings(state, {{aliases[i], wwids[i], 0}});
                return r ? std::string() : r.error();
            });
        }
        auto failures = run_at_once(bodies, std::chrono::seconds(20));
        BOOST_TEST(failures.empty(), "round " << round << ": " << failures.size() << " failures, first "
                                              << (failures.empty() ? "" : failures[0]));

        const std::string wtext = slurp(state + "/wwids");
        auto wt = mpb::parse_wwids(wtext, "wwids");
        BOOST_TEST(wt.problems.empty(), "round " << round << ":\n" << wtext);
        auto got = wt.wwids;
        std::sort(got.begin(), got.end());
        BOOST_TEST(got == wwids, "round " << round << ": " << got.size() << " of " << writers << " WWIDs");
        BOOST_TEST(count(wtext, "# Multipath wwids") == 1u);

        const std::string btext = slurp(state + "/bindings");
        auto bt = mpb::parse_bindings(btext, "bindings");
        BOOST_TEST(bt.problems.empty(), "round " << round << ":\n" << btext);
        BOOST_TEST(bt.entries.size() == static_cast<std::size_t>(writers),
                   "round " << round << ": " << bt.entries.size() << " of " << writers << " bindings");
        for (int i = 0; i < writers; ++i) {
            const auto* b = bt.find_by_alias(aliases[i]);
            BOOST_TEST((b && b->wwid == wwids[i]), "round " << round << ": " << aliases[i]);
        }
        BOOST_TEST(count(btext, "# Multipath bindings") == 1u);
    }
}

BOOST_AUTO_TEST_SUITE_END()

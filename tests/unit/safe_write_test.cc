// SPDX-License-Identifier: GPL-2.0-or-later
// update_file_locked / write_file_atomically / read_file / file_exists
// against a real file system:
// every case works in its own mkdtemp directory under /tmp. Cases that need
// a second writer fork one; children only use plain calls and _exit().
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sys/safe_write.hh"
#include "child_process.hh"
#include "test_util.hh"

using namespace std::chrono_literals;
using mpb::WriteOptions;
using mpb::write_file_atomically;

namespace {

namespace fs = std::filesystem;

using mpb::test::current_umask;
using mpb::test::entries;
using mpb::test::exit_status;
using mpb::test::leftovers;
using mpb::test::LockHolder;
using mpb::test::lock_whole_file;
using mpb::test::lstat_of;
using mpb::test::perm_bits;
using mpb::test::Pipe;
using mpb::test::put;
using mpb::test::receive_all;
using mpb::test::send;
using mpb::test::slurp;
using mpb::test::spawn;
using mpb::test::TempDir;

using Changed = mpb::Result<std::optional<std::string>>;

// A Change that appends `tail` and records every text it was given.
struct Appender {
    std::string tail;
    std::vector<std::string> seen;
    mpb::Change change()
    {
        return [this](const std::string& old) {
            seen.push_back(old);
            return Changed::ok(old + tail);
        };
    }
};

WriteOptions with_timeout(std::chrono::milliseconds t)
{
    WriteOptions o;
    o.lock_timeout = t;
    return o;
}

// Writes `content` to `path` in a child whose file size limit is 4 KiB, so
// the temp file write fails with EFBIG; returns the child's error text.
std::string write_with_small_fsize_limit(const std::string& path, const std::string& content)
{
    Pipe report;
    pid_t pid = spawn([&] {
        report.close_read();
        struct rlimit rl {4096, 4096};
        if (::setrlimit(RLIMIT_FSIZE, &rl) != 0)
            return 2;
        std::signal(SIGXFSZ, SIG_IGN);
        auto r = write_file_atomically(path, content);
        send(report.w(), r ? std::string("OK") : r.error());
        return 0;
    });
    report.close_write();
    std::string msg = receive_all(report.r());
    BOOST_TEST(exit_status(pid) == 0);
    return msg;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(safe_write)

BOOST_AUTO_TEST_CASE(creates_new_file_with_content_and_mode)
{
    TempDir d;
    const auto p = d.at("bindings");
    WriteOptions o;
    o.mode = mpb::state_file_mode;
    auto r = write_file_atomically(p, "mpatha 3600a0b80001234\n", o);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(slurp(p) == "mpatha 3600a0b80001234\n");
    BOOST_TEST(perm_bits(p) == 0600u);
    BOOST_TEST(S_ISREG(lstat_of(p).st_mode));
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"bindings"});
}

// multipath-tools writes bindings in place, so an administrator's mode and
// owner stay; a replacement must keep them too.
BOOST_AUTO_TEST_CASE(a_replaced_file_keeps_its_mode_and_owner)
{
    TempDir d;
    const auto p = d.at("bindings");
    put(p, "mpatha 3600a0b80001\n");
    // Root can give it away; anyone else keeps it but can still see the
    // owner carried over rather than set anew.
    const uid_t uid = ::geteuid() == 0 ? 65534 : ::geteuid();
    const gid_t gid = ::geteuid() == 0 ? 65534 : ::getegid();
    BOOST_TEST_REQUIRE(::chown(p.c_str(), uid, gid) == 0);
    BOOST_TEST_REQUIRE(::chmod(p.c_str(), 0640) == 0);
    WriteOptions o;
    o.mode = mpb::state_file_mode;
    auto r = write_file_atomically(p, "mpatha 3600a0b80001\nmpathb 3600a0b80002\n", o);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(perm_bits(p) == 0640u);
    BOOST_TEST(lstat_of(p).st_uid == uid);
    BOOST_TEST(lstat_of(p).st_gid == gid);
}

BOOST_AUTO_TEST_CASE(mode_is_exact_despite_umask_and_empty_content_works)
{
    TempDir d;
    const auto p = d.at("f");
    mode_t old = ::umask(077);
    WriteOptions o;
    o.mode = 0664;
    auto r = write_file_atomically(p, "", o);
    ::umask(old);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(perm_bits(p) == 0664u);
    BOOST_TEST(lstat_of(p).st_size == 0);
    BOOST_TEST(WriteOptions{}.mode == 0644u);
}

BOOST_AUTO_TEST_CASE(replaces_existing_file_with_a_new_inode)
{
    TempDir d;
    const auto p = d.at("wwids");
    put(p, "# old\n/3600a0b8/\n");
    const auto before = lstat_of(p).st_ino;
    auto r = write_file_atomically(p, "# new\n/3600c0ff/\n");
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(slurp(p) == "# new\n/3600c0ff/\n");
    BOOST_TEST(lstat_of(p).st_ino != before);
    BOOST_TEST(perm_bits(p) == 0644u);
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"wwids"});
}

BOOST_AUTO_TEST_CASE(refuses_symlink_target)
{
    TempDir d;
    const auto real = d.at("real");
    const auto link = d.at("link");
    put(real, "precious\n");
    BOOST_REQUIRE(::symlink("real", link.c_str()) == 0);
    auto r = write_file_atomically(link, "evil\n");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == link + ": is a symbolic link, refusing to write");
    BOOST_TEST(slurp(real) == "precious\n");
    BOOST_TEST(S_ISLNK(lstat_of(link).st_mode));
    BOOST_TEST(fs::read_symlink(link).string() == "real");
    BOOST_TEST((entries(d.path) == std::vector<std::string>{"link", "real"}));
}

BOOST_AUTO_TEST_CASE(refuses_dangling_symlink_target)
{
    TempDir d;
    const auto link = d.at("link");
    BOOST_REQUIRE(::symlink("nowhere", link.c_str()) == 0);
    auto r = write_file_atomically(link, "evil\n");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == link + ": is a symbolic link, refusing to write");
    BOOST_TEST(!mpb::file_exists(d.at("nowhere")));
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"link"});
}

BOOST_AUTO_TEST_CASE(refuses_symlinked_parent_directory)
{
    TempDir d;
    BOOST_REQUIRE(::mkdir((d.at("real")).c_str(), 0755) == 0);
    BOOST_REQUIRE(::symlink("real", (d.at("alias")).c_str()) == 0);
    const auto p = d.at("alias/bindings");
    auto r = write_file_atomically(p, "x\n");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == p + ": directory " + d.at("alias") + " is a symbolic link, refusing to write");
    BOOST_TEST(entries(d.at("real")).empty());

    // A trailing slash in the directory part must not make lstat follow it.
    const auto p2 = d.at("alias//bindings");
    auto r2 = write_file_atomically(p2, "x\n");
    BOOST_TEST_REQUIRE(!r2.has_value());
    BOOST_TEST(r2.error() == p2 + ": directory " + d.at("alias") + " is a symbolic link, refusing to write");
    BOOST_TEST(entries(d.at("real")).empty());
}

BOOST_AUTO_TEST_CASE(refuses_directory_and_fifo_targets)
{
    TempDir d;
    const auto dir = d.at("dir");
    BOOST_REQUIRE(::mkdir(dir.c_str(), 0755) == 0);
    auto r = write_file_atomically(dir, "x\n");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == dir + ": not a regular file, refusing to write");
    BOOST_TEST(S_ISDIR(lstat_of(dir).st_mode));

    const auto fifo = d.at("fifo");
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto r2 = write_file_atomically(fifo, "x\n");
    BOOST_TEST_REQUIRE(!r2.has_value());
    BOOST_TEST(r2.error() == fifo + ": not a regular file, refusing to write");
    BOOST_TEST(S_ISFIFO(lstat_of(fifo).st_mode));
    BOOST_TEST(leftovers(d.path).empty());
}

BOOST_AUTO_TEST_CASE(missing_directory_without_create_parent_fails)
{
    TempDir d;
    const auto p = d.at("multipath/bindings");
    auto r = write_file_atomically(p, "x\n");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == p + ": open directory " + d.at("multipath") + " failed: No such file or directory");
    BOOST_TEST(entries(d.path).empty());
}

BOOST_AUTO_TEST_CASE(create_parent_creates_directories)
{
    TempDir d;
    const auto p = d.at("etc/multipath/bindings");
    WriteOptions o;
    o.create_parent = true;
    o.mode = mpb::state_file_mode;
    auto r = write_file_atomically(p, "mpatha WWID\n", o);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(slurp(p) == "mpatha WWID\n");
    const unsigned want = mpb::state_dir_mode & ~current_umask();
    BOOST_TEST(S_ISDIR(lstat_of(d.at("etc")).st_mode));
    BOOST_TEST(perm_bits(d.at("etc")) == want);
    BOOST_TEST(perm_bits(d.at("etc/multipath")) == want);
    BOOST_TEST(mpb::state_dir_mode == 0700u);

    // An existing directory is fine too.
    auto again = write_file_atomically(d.at("etc/multipath/wwids"), "/W/\n", o);
    BOOST_TEST_REQUIRE(again.has_value(), again.error());
    BOOST_TEST((entries(d.at("etc/multipath")) == std::vector<std::string>{"bindings", "wwids"}));
}

BOOST_AUTO_TEST_CASE(create_parent_refuses_symlinked_component)
{
    TempDir d;
    BOOST_REQUIRE(::mkdir((d.at("real")).c_str(), 0755) == 0);
    BOOST_REQUIRE(::symlink("real", (d.at("etc")).c_str()) == 0);
    const auto p = d.at("etc/multipath/bindings");
    WriteOptions o;
    o.create_parent = true;
    auto r = write_file_atomically(p, "x\n", o);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == p + ": directory " + d.at("etc") + " is a symbolic link, refusing to write");
    BOOST_TEST(entries(d.at("real")).empty());
}

BOOST_AUTO_TEST_CASE(no_temp_files_left_on_success_or_failure)
{
    TempDir d;
    const auto p = d.at("bindings");
    for (int i = 0; i < 5; ++i) {
        auto r = write_file_atomically(p, "round " + std::to_string(i) + "\n");
        BOOST_TEST_REQUIRE(r.has_value(), r.error());
    }
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"bindings"});

    auto msg = write_with_small_fsize_limit(p, std::string(64 * 1024, 'x'));
    BOOST_TEST(msg == p + ": write failed: File too large");
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"bindings"});
    BOOST_TEST(slurp(p) == "round 4\n");
}

// A run's writes share one deadline (assemble waits once for all its maps,
// not 30 s a map): past it, a write gives up at once, whatever
// lock_timeout says, and names the time it had.
BOOST_AUTO_TEST_CASE(the_run_deadline_bounds_the_wait)
{
    TempDir d;
    const auto p = d.at("bindings");
    put(p, "old\n");
    LockHolder holder(p);
    auto o = with_timeout(30s);
    o.lock_deadline = std::chrono::steady_clock::now() - 1s;
    const auto start = std::chrono::steady_clock::now();
    auto r = write_file_atomically(p, "new\n", o);
    BOOST_TEST((std::chrono::steady_clock::now() - start < 10s));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == p + ": timed out after 0 ms waiting for the write lock");
    BOOST_TEST(slurp(p) == "old\n");
    BOOST_TEST(holder.release() == 0);
}

BOOST_AUTO_TEST_CASE(lock_held_by_other_process_times_out_then_succeeds)
{
    TempDir d;
    const auto p = d.at("bindings");
    put(p, "old\n");
    LockHolder holder(p);

    const auto start = std::chrono::steady_clock::now();
    auto r = write_file_atomically(p, "new\n", with_timeout(200ms));
    const auto waited = std::chrono::steady_clock::now() - start;
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == p + ": timed out after 200 ms waiting for the write lock");
    BOOST_TEST(waited >= 200ms);
    BOOST_TEST(waited < 2s);
    BOOST_TEST(slurp(p) == "old\n");
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"bindings"});

    BOOST_TEST(holder.release() == 0);
    auto r2 = write_file_atomically(p, "new\n", with_timeout(200ms));
    BOOST_TEST_REQUIRE(r2.has_value(), r2.error());
    BOOST_TEST(slurp(p) == "new\n");
}

// The other writer renames a new file over the name while we wait on the old
// one, and keeps the new one locked: we must wait for that lock too, not
// write as soon as the old inode's lock is released.
BOOST_AUTO_TEST_CASE(waits_again_when_file_is_replaced_while_waiting)
{
    TempDir d;
    const auto p = d.at("bindings");
    const auto next = d.at("next");
    put(p, "old\n");
    Pipe locked, verdict;
    pid_t pid = spawn([&] {
        locked.close_read();
        verdict.close_read();
        int old_fd = ::open(p.c_str(), O_RDWR);
        if (old_fd < 0 || !lock_whole_file(old_fd))
            return 1;
        send(locked.w(), "L");
        std::this_thread::sleep_for(100ms);
        int new_fd = ::open(next.c_str(), O_RDWR | O_CREAT | O_EXCL, 0600);
        if (new_fd < 0 || !lock_whole_file(new_fd) || ::write(new_fd, "child\n", 6) != 6)
            return 2;
        if (::rename(next.c_str(), p.c_str()) != 0)
            return 3;
        ::close(old_fd);  // releases the lock on the old inode only
        std::this_thread::sleep_for(300ms);
        struct stat held {}, named {};
        ::fstat(new_fd, &held);
        ::stat(p.c_str(), &named);  // stat, not open: closing an fd would drop the lock
        send(verdict.w(), held.st_ino == named.st_ino ? "untouched" : "replaced under our lock");
        return 0;
    });
    locked.close_write();
    verdict.close_write();
    char c = 0;
    BOOST_REQUIRE(::read(locked.r(), &c, 1) == 1);

    const auto start = std::chrono::steady_clock::now();
    auto r = write_file_atomically(p, "parent\n", with_timeout(5s));
    const auto waited = std::chrono::steady_clock::now() - start;
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(receive_all(verdict.r()) == "untouched");
    BOOST_TEST(exit_status(pid) == 0);
    BOOST_TEST(waited >= 350ms);
    BOOST_TEST(slurp(p) == "parent\n");
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"bindings"});
}

BOOST_AUTO_TEST_CASE(failed_write_keeps_the_old_file)
{
    TempDir d;
    const auto p = d.at("bindings");
    put(p, "# old bindings\nmpatha WWID\n");
    const auto before = lstat_of(p).st_ino;
    auto msg = write_with_small_fsize_limit(p, std::string(1 << 20, 'n'));
    BOOST_TEST(msg == p + ": write failed: File too large");
    BOOST_TEST(slurp(p) == "# old bindings\nmpatha WWID\n");
    BOOST_TEST(lstat_of(p).st_ino == before);
    BOOST_TEST(leftovers(d.path).empty());
}

// SIGKILL can land anywhere; a reader must then see one whole version. Even
// rounds kill as soon as the temp file shows up (surely mid-write), odd
// rounds after a few ms wherever the writer is.
BOOST_AUTO_TEST_CASE(killed_writer_leaves_old_or_new_content)
{
    TempDir d;
    const auto p = d.at("bindings");
    const std::string a(8 << 20, 'a');
    const std::string b(8 << 20, 'b');
    put(p, a);
    for (int round = 0; round < 8; ++round) {
        pid_t pid = spawn([&] {
            for (unsigned i = 0;; ++i)
                (void)write_file_atomically(p, i % 2 ? a : b);
            return 0;
        });
        if (round % 2 == 0) {
            const auto give_up = std::chrono::steady_clock::now() + 10s;
            while (leftovers(d.path).empty() && std::chrono::steady_clock::now() < give_up)
                std::this_thread::sleep_for(100us);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(2 + 25 * round));
        }
        BOOST_REQUIRE(::kill(pid, SIGKILL) == 0);
        BOOST_TEST(exit_status(pid) == 128 + SIGKILL);

        const auto now = slurp(p);
        const bool whole = now == a || now == b;
        BOOST_TEST(whole, "round " << round << ": " << now.size() << " bytes, neither version");
        // A killed writer cannot clean up its temp file; clear it for the next round.
        for (const auto& name : leftovers(d.path))
            ::unlink((d.at(name)).c_str());
    }
    // No lock outlives its (killed) holder.
    auto r = write_file_atomically(p, "final\n", with_timeout(1s));
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(slurp(p) == "final\n");
}

BOOST_AUTO_TEST_CASE(relative_path_is_written_in_the_current_directory)
{
    TempDir d;
    const auto cwd = fs::current_path();
    BOOST_REQUIRE(::chdir(d.path.c_str()) == 0);
    auto r = write_file_atomically("bindings", "rel\n");
    BOOST_REQUIRE(::chdir(cwd.c_str()) == 0);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(slurp(d.at("bindings")) == "rel\n");
}

BOOST_AUTO_TEST_CASE(rejects_path_without_file_name)
{
    TempDir d;
    auto r = write_file_atomically(d.path + "/", "x\n");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == d.path + "/: not a file name");
    auto r2 = write_file_atomically(d.at(".."), "x\n");
    BOOST_TEST_REQUIRE(!r2.has_value());
    BOOST_TEST(r2.error() == d.at("..") + ": not a file name");
    BOOST_TEST(entries(d.path).empty());
}

BOOST_AUTO_TEST_CASE(update_changes_the_text_read_under_the_lock)
{
    TempDir d;
    const auto p = d.at("wwids");
    put(p, "/a/\n");
    const auto before = lstat_of(p).st_ino;
    Appender add{"/b/\n", {}};
    WriteOptions o;
    o.mode = mpb::state_file_mode;
    auto r = mpb::update_file_locked(p, add.change(), o);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(add.seen == std::vector<std::string>{"/a/\n"}, boost::test_tools::per_element());
    BOOST_TEST(slurp(p) == "/a/\n/b/\n");
    BOOST_TEST(lstat_of(p).st_ino != before);
    BOOST_TEST(perm_bits(p) == 0644u);  // the file's own, not o.mode
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"wwids"});
}

BOOST_AUTO_TEST_CASE(update_of_a_missing_file_sees_empty_text)
{
    TempDir d;
    const auto p = d.at("etc/multipath/wwids");
    Appender add{"/b/\n", {}};
    WriteOptions o;
    o.create_parent = true;
    auto r = mpb::update_file_locked(p, add.change(), o);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(add.seen == std::vector<std::string>{""}, boost::test_tools::per_element());
    BOOST_TEST(slurp(p) == "/b/\n");
    BOOST_TEST(entries(d.at("etc/multipath")) == std::vector<std::string>{"wwids"});
}

// An error from the change, or "nothing to change", leaves an existing file
// as it was (same inode, same text) and a missing one missing.
BOOST_AUTO_TEST_CASE(update_that_changes_nothing_leaves_the_file)
{
    const mpb::Change refuse = [](const std::string&) { return Changed::fail("f: no, because"); };
    const mpb::Change keep = [](const std::string&) { return Changed::ok(std::nullopt); };
    for (bool exists : {true, false}) {
        TempDir d;
        const auto p = d.at("f");
        if (exists)
            put(p, "old\n");
        const auto before = exists ? lstat_of(p).st_ino : 0;
        auto r = mpb::update_file_locked(p, refuse);
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST(r.error() == "f: no, because");
        auto r2 = mpb::update_file_locked(p, keep);
        BOOST_TEST_REQUIRE(r2.has_value(), r2.error());
        if (exists) {
            BOOST_TEST(slurp(p) == "old\n");
            BOOST_TEST(lstat_of(p).st_ino == before);
            BOOST_TEST(entries(d.path) == std::vector<std::string>{"f"});
        } else {
            BOOST_TEST(entries(d.path).empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(update_refuses_a_symlink_without_calling_the_change)
{
    TempDir d;
    const auto real = d.at("real");
    const auto link = d.at("link");
    put(real, "precious\n");
    BOOST_REQUIRE(::symlink("real", link.c_str()) == 0);
    Appender add{"evil\n", {}};
    auto r = mpb::update_file_locked(link, add.change());
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == link + ": is a symbolic link, refusing to write");
    BOOST_TEST(add.seen.empty());
    BOOST_TEST(slurp(real) == "precious\n");
    BOOST_TEST(S_ISLNK(lstat_of(link).st_mode));
}

BOOST_AUTO_TEST_CASE(update_times_out_without_calling_the_change)
{
    TempDir d;
    const auto p = d.at("bindings");
    put(p, "old\n");
    LockHolder holder(p);
    Appender add{"new\n", {}};
    auto r = mpb::update_file_locked(p, add.change(), with_timeout(150ms));
    BOOST_TEST(holder.release() == 0);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == p + ": timed out after 150 ms waiting for the write lock");
    BOOST_TEST(add.seen.empty());
    BOOST_TEST(slurp(p) == "old\n");
}

// The lost update this operation exists for: the other writer replaces the
// file while we wait on the old inode's lock. The change must be given the
// replacement's text, read under the replacement's lock, not the stale one.
BOOST_AUTO_TEST_CASE(update_reads_the_replacement_not_the_stale_inode)
{
    TempDir d;
    const auto p = d.at("wwids");
    const auto next = d.at("next");
    put(p, "/a/\n");
    Pipe locked;
    pid_t pid = spawn([&] {
        locked.close_read();
        int old_fd = ::open(p.c_str(), O_RDWR);
        if (old_fd < 0 || !lock_whole_file(old_fd))
            return 1;
        send(locked.w(), "L");
        std::this_thread::sleep_for(100ms);
        int new_fd = ::open(next.c_str(), O_RDWR | O_CREAT | O_EXCL, 0600);
        if (new_fd < 0 || !lock_whole_file(new_fd) || ::write(new_fd, "/a/\n/child/\n", 12) != 12)
            return 2;
        if (::rename(next.c_str(), p.c_str()) != 0)
            return 3;
        ::close(old_fd);  // the waiter gets the old inode's lock now
        std::this_thread::sleep_for(200ms);
        return 0;  // and the new one's only when we exit
    });
    locked.close_write();
    char c = 0;
    BOOST_REQUIRE(::read(locked.r(), &c, 1) == 1);
    Appender add{"/parent/\n", {}};
    auto r = mpb::update_file_locked(p, add.change(), with_timeout(5s));
    BOOST_TEST(exit_status(pid) == 0);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(add.seen == std::vector<std::string>{"/a/\n/child/\n"}, boost::test_tools::per_element());
    BOOST_TEST(slurp(p) == "/a/\n/child/\n/parent/\n");
    BOOST_TEST(entries(d.path) == std::vector<std::string>{"wwids"});
}

BOOST_AUTO_TEST_CASE(read_file_returns_content_and_reports_errors)
{
    TempDir d;
    const auto p = d.at("wwids");
    const std::string content("a\0b\n# c\n", 8);
    put(p, content);
    auto r = mpb::read_file(p);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(*r == content);

    const auto missing = d.at("missing");
    auto m = mpb::read_file(missing);
    BOOST_TEST_REQUIRE(!m.has_value());
    BOOST_TEST(m.error() == missing + ": No such file or directory");

    auto dir = mpb::read_file(d.path);
    BOOST_TEST_REQUIRE(!dir.has_value());
    BOOST_TEST(dir.error() == d.path + ": Is a directory");
}

BOOST_AUTO_TEST_CASE(file_exists_does_not_follow_symlinks)
{
    TempDir d;
    put(d.at("file"), "x");
    BOOST_REQUIRE(::symlink("file", (d.at("link")).c_str()) == 0);
    BOOST_REQUIRE(::symlink("nowhere", (d.at("dangling")).c_str()) == 0);
    BOOST_TEST(mpb::file_exists(d.at("file")));
    BOOST_TEST(mpb::file_exists(d.at("link")));
    BOOST_TEST(mpb::file_exists(d.at("dangling")));
    BOOST_TEST(!mpb::file_exists(d.at("missing")));
    BOOST_TEST(mpb::file_exists(d.path));
}

BOOST_AUTO_TEST_SUITE_END()

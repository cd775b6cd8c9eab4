// SPDX-License-Identifier: GPL-2.0-or-later
// SysrootFiles as a writer, against real trees under /tmp: whatever links
// the tree holds, writes land inside it, and "host", a directory next to
// it that stands for the host's /etc, never changes. Links to the host's
// real "/" or "/etc" are only ever used with paths whose directories exist
// inside the tree alone (named after the tree's unique temp directory), so
// that even a writer that followed them on the host could not write there.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "sys/sysroot_files.hh"
#include "child_process.hh"
#include "test_util.hh"

namespace bdata = boost::unit_test::data;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using mpb::test::entries;
using mpb::test::exit_status;
using mpb::test::leftovers;
using mpb::test::LockHolder;
using mpb::test::perm_bits;
using mpb::test::Pipe;
using mpb::test::put;
using mpb::test::send;
using mpb::test::slurp;
using mpb::test::spawn;
using mpb::test::TempDir;
using Changed = mpb::Result<std::optional<std::string>>;

// Every file and link below `dir` (not directories) with its text or
// "-> TARGET": what a write may change, compared before and after.
std::map<std::string, std::string> tree_of(const std::string& dir)
{
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const auto rel = e.path().string().substr(dir.size());
        if (e.is_symlink())
            out[rel] = "-> " + fs::read_symlink(e.path()).string();
        else if (e.is_regular_file())
            out[rel] = slurp(e.path().string());
    }
    return out;
}

// tree_of() as lines "PATH = TEXT", for BOOST_TEST to print.
std::vector<std::string> lines(const std::map<std::string, std::string>& tree)
{
    std::vector<std::string> out;
    for (const auto& [path, text] : tree)
        out.push_back(path + " = " + text);
    return out;
}

// ROOT (tree "root", with /etc) and HOST (next to it: "multipath.conf",
// "multipath/bindings"), both in one temp directory whose name UNIQ no
// directory of the real host has.
struct Tree {
    TempDir top;
    std::string root = top.at("root");
    std::string host = top.at("host");
    std::string uniq = fs::path(top.path).filename().string();

    Tree()
    {
        fs::create_directories(root + "/etc");
        fs::create_directories(host + "/multipath");
        put(host + "/multipath.conf", "host conf\n");
        put(host + "/multipath/bindings", "host bindings\n");
    }

    // ROOT, HOST and UNIQ in a case's text stand for the real names.
    std::string real(std::string s) const
    {
        for (auto [word, name] : {std::pair<std::string, std::string>{"ROOT", root}, {"HOST", host}, {"UNIQ", uniq}})
            for (auto at = s.find(word); at != std::string::npos; at = s.find(word, at + name.size()))
                s.replace(at, word.size(), name);
        return s;
    }

    mpb::SysrootFiles open() const
    {
        auto files = mpb::SysrootFiles::open(root);
        BOOST_TEST_REQUIRE(files.has_value(), files.error());
        return std::move(files.value());
    }
};

mpb::WriteOptions options(unsigned mode, bool create_parent, unsigned dir_mode = mpb::state_dir_mode)
{
    mpb::WriteOptions o;
    o.mode = mode;
    o.create_parent = create_parent;
    o.dir_mode = dir_mode;
    o.lock_timeout = 2s;
    return o;
}

struct Link {
    std::string at, target;  // `at` inside the tree
};

struct Case {
    const char* name;
    std::vector<std::string> dirs;  // made inside the tree first
    std::vector<Link> links;        // then these (an empty directory at `at` goes first)
    std::string path;               // written, inside the tree
    bool create_parent;
    std::string outcome;            // where "new\n" lands inside the tree, or the error ("ROOT...")
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const Case cases[] = {
    {"a plain tree", {}, {}, "/etc/multipath/bindings", true, "/etc/multipath/bindings"},
    {"etc/multipath -> HOST, taken inside", {"HOST"}, {{"/etc/multipath", "HOST"}}, "/etc/multipath/bindings",
     true, "HOST/bindings"},
    {"etc -> HOST, a directory made inside", {"HOST"}, {{"/etc", "HOST"}}, "/etc/multipath/wwids", true,
     "HOST/multipath/wwids"},
    {"etc/multipath -> HOST, nothing inside", {}, {{"/etc/multipath", "HOST"}}, "/etc/multipath/bindings", true,
     "ROOT/etc/multipath/bindings: symbolic link /etc/multipath -> \"HOST\" leads to nothing inside ROOT"},
    {"etc/multipath -> /etc", {"/etc/UNIQ"}, {{"/etc/multipath", "/etc"}}, "/etc/multipath/UNIQ/wwids", false,
     "/etc/UNIQ/wwids"},
    {"etc -> /", {"/UNIQ"}, {{"/etc", "/"}}, "/etc/UNIQ/bindings", false, "/UNIQ/bindings"},
    {"a relative link inside", {"/usr/mp"}, {{"/etc/multipath", "../usr/mp"}}, "/etc/multipath/bindings", true,
     "/usr/mp/bindings"},
    {"a relative link that climbs out", {}, {{"/etc/multipath", "../../host"}}, "/etc/multipath/bindings", true,
     "ROOT/etc/multipath/bindings: symbolic link /etc/multipath -> \"../../host\" leads out of ROOT, refused"},
    {"the file is a link inside", {"/etc/multipath"}, {{"/etc/multipath/bindings", "/etc/multipath/real"}},
     "/etc/multipath/bindings", true, "ROOT/etc/multipath/bindings: is a symbolic link, refusing to write"},
    {"the file is a link to the host", {"/etc/multipath"}, {{"/etc/multipath/bindings", "HOST/multipath/bindings"}},
     "/etc/multipath/bindings", true, "ROOT/etc/multipath/bindings: is a symbolic link, refusing to write"},
    {"a link loop", {}, {{"/etc/a", "b"}, {"/etc/b", "/etc/a"}}, "/etc/a/bindings", true,
     "ROOT/etc/a/bindings: more than 40 symbolic links, refused"},
    {"a missing directory, not made", {}, {}, "/etc/multipath/bindings", false,
     "ROOT/etc/multipath/bindings: open directory ROOT/etc/multipath failed: No such file or directory"},
    {"not a file name", {}, {}, "/etc/multipath/..", true, "ROOT/etc/multipath/..: not a file name"},
    {"a directory name", {}, {}, "/etc/multipath/", true, "ROOT/etc/multipath/: not a file name"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sysroot_write)

BOOST_DATA_TEST_CASE(lands_inside, bdata::make(cases), c)
{
    Tree t;
    for (const auto& d : c.dirs)
        fs::create_directories(t.root + t.real(d));
    for (const auto& l : c.links) {
        std::error_code ec;
        fs::remove(t.root + l.at, ec);  // only an empty directory
        BOOST_TEST_REQUIRE(::symlink(t.real(l.target).c_str(), (t.root + l.at).c_str()) == 0);
    }
    const auto host_before = tree_of(t.host);
    auto in_tree = tree_of(t.root);
    auto files = t.open();

    auto r = files.write_atomically(t.real(c.path), "new\n", options(0640, c.create_parent));
    const auto outcome = t.real(c.outcome);
    if (!c.outcome.starts_with("ROOT")) {
        BOOST_TEST_REQUIRE(r.has_value(), r.error());
        BOOST_TEST(perm_bits(t.root + outcome) == 0640u);
        in_tree[outcome] = "new\n";
    } else {
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST(r.error() == outcome);
    }
    BOOST_TEST(lines(tree_of(t.root)) == lines(in_tree), boost::test_tools::per_element());
    BOOST_TEST(lines(tree_of(t.host)) == lines(host_before), boost::test_tools::per_element());
    BOOST_TEST(entries(t.top.path) == (std::vector<std::string>{"host", "root"}), boost::test_tools::per_element());
}

// Directories made with the mode asked for (umask 022 as at install time),
// files with theirs, the text exact, and messages naming DIR/etc/....
BOOST_AUTO_TEST_CASE(modes_and_text)
{
    Tree t;
    auto files = t.open();
    const mode_t old_umask = ::umask(022);
    auto bindings = files.write_atomically("/etc/multipath/bindings", "mpatha W\n",
                                           options(mpb::state_file_mode, true));
    auto dracut = files.write_atomically("/etc/dracut.conf.d/59-mpath-boot.conf", "add_dracutmodules+=\" x \"\n",
                                         options(0644, true, 0755));
    ::umask(old_umask);
    BOOST_TEST_REQUIRE(bindings.has_value(), bindings.error());
    BOOST_TEST_REQUIRE(dracut.has_value(), dracut.error());
    BOOST_TEST(perm_bits(t.root + "/etc/multipath") == 0700u);
    BOOST_TEST(perm_bits(t.root + "/etc/multipath/bindings") == 0600u);
    BOOST_TEST(slurp(t.root + "/etc/multipath/bindings") == "mpatha W\n");
    BOOST_TEST(perm_bits(t.root + "/etc/dracut.conf.d") == 0755u);
    BOOST_TEST(perm_bits(t.root + "/etc/dracut.conf.d/59-mpath-boot.conf") == 0644u);
    BOOST_TEST(slurp(t.root + "/etc/dracut.conf.d/59-mpath-boot.conf") == "add_dracutmodules+=\" x \"\n");
    auto back = files.read("/etc/multipath/bindings");
    BOOST_TEST_REQUIRE((back.has_value() && back->has_value()));
    BOOST_TEST(**back == "mpatha W\n");
    BOOST_TEST(files.shown("/etc/multipath/bindings") == t.root + "/etc/multipath/bindings");

    // Sysroot "/" is the host itself; only shown() is checked there.
    BOOST_TEST(mpb::SysrootFiles::open("/")->shown("/etc/multipath/wwids") == "/etc/multipath/wwids");
}

BOOST_AUTO_TEST_CASE(update_reads_what_is_there)
{
    Tree t;
    fs::create_directories(t.root + "/usr/mp");
    BOOST_TEST_REQUIRE(::symlink("/usr/mp", (t.root + "/etc/multipath").c_str()) == 0);
    put(t.root + "/usr/mp/wwids", "/a/\n");
    auto files = t.open();
    std::vector<std::string> seen;
    const mpb::Change add = [&](const std::string& old) {
        seen.push_back(old);
        return Changed::ok(old + "/b/\n");
    };
    auto r = files.update("/etc/multipath/wwids", add, options(mpb::state_file_mode, false));
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    auto missing = files.update("/etc/multipath/bindings", add, options(mpb::state_file_mode, false));
    BOOST_TEST_REQUIRE(missing.has_value(), missing.error());
    BOOST_TEST(seen == (std::vector<std::string>{"/a/\n", ""}), boost::test_tools::per_element());
    BOOST_TEST(slurp(t.root + "/usr/mp/wwids") == "/a/\n/b/\n");
    BOOST_TEST(slurp(t.root + "/usr/mp/bindings") == "/b/\n");
}

BOOST_AUTO_TEST_CASE(update_waits_for_the_lock)
{
    Tree t;
    fs::create_directories(t.root + "/etc/multipath");
    put(t.root + "/etc/multipath/bindings", "old\n");
    auto files = t.open();
    bool called = false;
    const mpb::Change change = [&](const std::string&) {
        called = true;
        return Changed::ok("new\n");
    };
    auto o = options(0600, false);
    o.lock_timeout = 150ms;
    LockHolder holder(t.root + "/etc/multipath/bindings");
    auto r = files.update("/etc/multipath/bindings", change, o);
    BOOST_TEST(holder.release() == 0);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == t.root + "/etc/multipath/bindings: timed out after 150 ms waiting for the write lock");
    BOOST_TEST(!called);
    auto again = files.update("/etc/multipath/bindings", change, o);
    BOOST_TEST_REQUIRE(again.has_value(), again.error());
    BOOST_TEST(slurp(t.root + "/etc/multipath/bindings") == "new\n");
}

BOOST_AUTO_TEST_CASE(exists_sees_files_and_links_inside)
{
    Tree t;
    fs::create_directories(t.root + "/etc/multipath");
    put(t.root + "/etc/multipath/wwids", "");
    BOOST_TEST_REQUIRE(::symlink("nowhere", (t.root + "/etc/multipath/bindings").c_str()) == 0);
    BOOST_TEST_REQUIRE(::symlink(t.host.c_str(), (t.root + "/etc/host").c_str()) == 0);
    auto files = t.open();
    BOOST_TEST(files.exists("/etc/multipath/wwids"));
    BOOST_TEST(files.exists("/etc/multipath/bindings"));
    BOOST_TEST(!files.exists("/etc/multipath.conf"));
    BOOST_TEST(!files.exists("/etc/nothing/wwids"));
    BOOST_TEST(!files.exists("/etc/host/multipath.conf"));  // HOST inside the tree: nothing
}

// SIGKILL between two files, at a point the test picks: the child has
// replaced wwids and holds the lock on bindings, in the change function.
// wwids is whole new, bindings whole old (missing before: an empty file,
// the lock's, as update_file_locked() documents), no temp file is left,
// and a rerun finishes the job.
BOOST_AUTO_TEST_CASE(killed_between_files_then_rerun)
{
    for (bool bindings_existed : {true, false}) {
        Tree t;
        const auto dir = t.root + "/etc/multipath";
        fs::create_directories(dir);
        put(dir + "/wwids", "old wwids\n");
        if (bindings_existed)
            put(dir + "/bindings", "old bindings\n");
        const auto o = options(mpb::state_file_mode, true);
        Pipe reached, never;
        pid_t pid = spawn([&] {
            auto opened = mpb::SysrootFiles::open(t.root);
            if (!opened)
                return 3;
            auto& files = opened.value();
            if (!files.write_atomically("/etc/multipath/wwids", "new wwids\n", o))
                return 1;
            (void)files.update(
                "/etc/multipath/bindings",
                [&](const std::string&) {
                    send(reached.w(), "C");
                    char c;
                    (void)::read(never.r(), &c, 1);  // the parent never writes: killed here
                    return Changed::ok("new bindings\n");
                },
                o);
            return 2;
        });
        reached.close_write();
        char c = 0;
        BOOST_TEST_REQUIRE(::read(reached.r(), &c, 1) == 1);
        BOOST_TEST_REQUIRE(::kill(pid, SIGKILL) == 0);
        BOOST_TEST(exit_status(pid) == 128 + SIGKILL);

        BOOST_TEST(slurp(dir + "/wwids") == "new wwids\n");
        BOOST_TEST(slurp(dir + "/bindings") == (bindings_existed ? "old bindings\n" : ""));
        BOOST_TEST(entries(dir) == (std::vector<std::string>{"bindings", "wwids"}), boost::test_tools::per_element());

        auto files = t.open();
        auto wwids = files.write_atomically("/etc/multipath/wwids", "new wwids\n", o);
        auto bindings = files.write_atomically("/etc/multipath/bindings", "new bindings\n", o);
        BOOST_TEST_REQUIRE(wwids.has_value(), wwids.error());
        BOOST_TEST_REQUIRE(bindings.has_value(), bindings.error());
        BOOST_TEST(slurp(dir + "/wwids") == "new wwids\n");
        BOOST_TEST(slurp(dir + "/bindings") == "new bindings\n");
        BOOST_TEST(entries(dir) == (std::vector<std::string>{"bindings", "wwids"}), boost::test_tools::per_element());
    }
}

// SIGKILL while the temp file is being written: the file is whole old, the
// temp file stays behind as ".NAME.XXXXXX", a name no reader takes for the
// file (hidden from dracut's *.conf glob, and not ending in ".conf"), and a
// rerun writes the file.
BOOST_AUTO_TEST_CASE(killed_mid_write_leaves_a_hidden_temp_file)
{
    Tree t;
    const auto dir = t.root + "/etc/dracut.conf.d";
    const std::string name = "59-mpath-boot.conf";
    fs::create_directories(dir);
    put(dir + "/" + name, "old\n");
    const std::string big(8 << 20, 'n');
    pid_t pid = spawn([&] {
        auto files = mpb::SysrootFiles::open(t.root);
        if (!files)
            return 3;
        for (;;)
            (void)files->write_atomically("/etc/dracut.conf.d/" + name, big, options(0644, false));
        return 0;
    });
    const auto give_up = std::chrono::steady_clock::now() + 10s;
    while (leftovers(dir).empty() && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(100us);
    BOOST_TEST_REQUIRE(::kill(pid, SIGKILL) == 0);
    BOOST_TEST(exit_status(pid) == 128 + SIGKILL);

    const auto now = slurp(dir + "/" + name);
    BOOST_TEST((now == "old\n" || now == big), now.size() << " bytes, neither version");
    for (const auto& temp : leftovers(dir)) {
        BOOST_TEST(temp.size() == 1 + name.size() + 1 + 6);
        BOOST_TEST(temp.starts_with("." + name + "."));
    }
    auto files = t.open();
    auto r = files.write_atomically("/etc/dracut.conf.d/" + name, "rerun\n", options(0644, false));
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    BOOST_TEST(slurp(dir + "/" + name) == "rerun\n");
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// SysrootFiles against a real tree: the real root's files as it will see
// them, links to absolute paths followed inside the tree, nothing outside
// ever read.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "sys/sysroot_files.hh"
#include "test_util.hh"

namespace bdata = boost::unit_test::data;
namespace fs = std::filesystem;

namespace {

struct Link {
    std::string at, target;  // `at` inside the tree
};

struct Case {
    const char* name;
    std::vector<Link> links;
    std::string read;      // the path read, inside the tree
    std::string expected;  // the text, "(missing)", or the error with ROOT for the tree
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

// Every tree holds /etc/multipath/bindings ("inside") and, next to the
// tree, a file "outside" that must never be read.
const Case cases[] = {
    {"a plain file", {}, "/etc/multipath/bindings", "inside"},
    {"a missing file", {}, "/etc/multipath/wwids", "(missing)"},
    {"a missing directory", {}, "/etc/nothing/wwids", "(missing)"},
    {"an absolute link, followed inside", {{"/etc/multipath.conf", "/etc/multipath/bindings"}},
     "/etc/multipath.conf", "inside"},
    {"a relative link", {{"/etc/multipath.conf", "multipath/./bindings"}}, "/etc/multipath.conf", "inside"},
    {"a linked directory", {{"/etc/mp", "/etc/multipath"}}, "/etc/mp/bindings", "inside"},
    {"a linked directory, the file missing", {{"/etc/mp", "/etc/multipath"}}, "/etc/mp/wwids", "(missing)"},
    {"links in a chain", {{"/a", "/b"}, {"/b", "etc/multipath"}}, "/a/bindings", "inside"},
    {"\"..\" inside the tree", {{"/etc/multipath/wwids", "../../etc/multipath/bindings"}},
     "/etc/multipath/wwids", "inside"},
    {"\"..\" out of the tree", {{"/etc/multipath/wwids", "../../../outside"}}, "/etc/multipath/wwids",
     "ROOT/etc/multipath/wwids: symbolic link /etc/multipath/wwids -> \"../../../outside\" leads out of "
     "ROOT, refused"},
    {"\"..\" above \"/\"", {{"/etc/multipath.conf", "/../outside"}}, "/etc/multipath.conf",
     "ROOT/etc/multipath.conf: symbolic link /etc/multipath.conf -> \"/../outside\" leads out of ROOT, "
     "refused"},
    {"a host path leads to nothing inside", {{"/etc/multipath/wwids", "OUTSIDE"}}, "/etc/multipath/wwids",
     "ROOT/etc/multipath/wwids: symbolic link /etc/multipath/wwids -> \"OUTSIDE\" leads to nothing "
     "inside ROOT"},
    {"a loop", {{"/etc/a", "b"}, {"/etc/b", "/etc/a"}}, "/etc/a",
     "ROOT/etc/a: more than 40 symbolic links, refused"},
    {"a directory", {}, "/etc/multipath", "ROOT/etc/multipath: Is a directory"},
    {"a file as a directory", {}, "/etc/multipath/bindings/x", "ROOT/etc/multipath/bindings/x: Not a directory"},
};

struct Tree {
    mpb::test::TempDir top;
    std::string root = top.at("root");

    Tree()
    {
        fs::create_directories(root + "/etc/multipath");
        std::ofstream(root + "/etc/multipath/bindings") << "inside";
        std::ofstream(top.at("outside")) << "outside";
    }

    // OUTSIDE and ROOT in a case's text stand for the real paths.
    std::string real(std::string s) const
    {
        for (auto [word, path] : {std::pair<std::string, std::string>{"OUTSIDE", top.at("outside")}, {"ROOT", root}})
            for (auto at = s.find(word); at != std::string::npos; at = s.find(word, at + path.size()))
                s.replace(at, word.size(), path);
        return s;
    }
};

std::string outcome(const mpb::Result<std::optional<std::string>>& r)
{
    if (!r)
        return r.error();
    return r.value() ? *r.value() : "(missing)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sysroot_files)

BOOST_DATA_TEST_CASE(read, bdata::make(cases), c)
{
    Tree t;
    for (const auto& l : c.links)
        BOOST_TEST_REQUIRE(::symlink(t.real(l.target).c_str(), (t.root + l.at).c_str()) == 0);
    auto files = mpb::SysrootFiles::open(t.root + "//");
    BOOST_TEST_REQUIRE(files.has_value());
    BOOST_TEST(outcome(files->read(c.read)) == t.real(c.expected));
}

BOOST_AUTO_TEST_CASE(names_of_a_linked_directory)
{
    Tree t;
    fs::create_directories(t.root + "/usr/conf.d");
    std::ofstream(t.root + "/usr/conf.d/b.conf") << "";
    std::ofstream(t.root + "/usr/conf.d/a.conf") << "";
    BOOST_TEST_REQUIRE(::symlink("/usr/conf.d", (t.root + "/etc/multipath/conf.d").c_str()) == 0);
    auto files = mpb::SysrootFiles::open(t.root);
    auto names = files->names("/etc/multipath/conf.d");
    BOOST_TEST_REQUIRE(names.has_value());
    auto sorted = names.value();
    std::sort(sorted.begin(), sorted.end());
    BOOST_TEST(sorted == (std::vector<std::string>{"a.conf", "b.conf"}), boost::test_tools::per_element());
    auto none = files->names("/etc/nothing.d");
    BOOST_TEST_REQUIRE(none.has_value());
    BOOST_TEST(none->empty());
}

// A FIFO where a file should be must not hang the boot.
BOOST_AUTO_TEST_CASE(fifo_is_refused_at_once)
{
    Tree t;
    BOOST_TEST_REQUIRE(::mkfifo((t.root + "/etc/multipath/wwids").c_str(), 0600) == 0);
    auto files = mpb::SysrootFiles::open(t.root);
    BOOST_TEST(outcome(files->read("/etc/multipath/wwids")) ==
               t.root + "/etc/multipath/wwids: not a regular file");
}

BOOST_AUTO_TEST_CASE(shown_paths_and_open_errors)
{
    Tree t;
    auto files = mpb::SysrootFiles::open(t.root + "/");
    BOOST_TEST(files->shown("/etc/multipath.conf") == t.root + "/etc/multipath.conf");
    auto slash = mpb::SysrootFiles::open("/");
    BOOST_TEST(slash->shown("/etc/multipath.conf") == "/etc/multipath.conf");
    auto missing = mpb::SysrootFiles::open(t.top.at("nothing"));
    BOOST_TEST(missing.error() == "cannot open sysroot \"" + t.top.at("nothing") + "\": No such file or directory");
}

BOOST_AUTO_TEST_SUITE_END()

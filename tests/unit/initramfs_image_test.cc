// SPDX-License-Identifier: GPL-2.0-or-later
// Unpacking the next initramfs: with a stand-in lsinitrd on PATH, the
// files land in the directory, a run that hangs is stopped within its
// bound, and a machine without lsinitrd gets a reason.
#include "sys/initramfs_image.hh"

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>

#include "test_util.hh"

using namespace mpb;

namespace {

TempDir temp_dir(const std::string& name)
{
    auto r = TempDir::make(name);
    BOOST_TEST_REQUIRE(r.has_value(), r.error());
    return std::move(r.value());
}

// PATH holding only a stand-in lsinitrd with `body` (a shell script), for
// the test's life.
class FakeLsinitrd {
public:
    explicit FakeLsinitrd(const std::string& body) : dir_(temp_dir("mpb-fake-lsinitrd"))
    {
        if (!body.empty()) {
            const std::string file = dir_.path() + "/lsinitrd";
            test::put(file, "#!/bin/sh\n" + body);
            chmod(file.c_str(), 0755);
        }
        old_ = std::getenv("PATH") ? std::getenv("PATH") : "";
        setenv("PATH", dir_.path().c_str(), 1);
    }
    ~FakeLsinitrd() { setenv("PATH", old_.c_str(), 1); }

private:
    TempDir dir_;
    std::string old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(initramfs_image)

BOOST_AUTO_TEST_CASE(unpacked_files_land_in_the_directory)
{
    // /bin/mkdir and printf: PATH has nothing else.
    FakeLsinitrd fake("[ \"$1\" = --unpack ] && [ \"$2\" = /boot/x.img ] && [ \"$3\" = etc/multipath.conf ] || exit 3\n"
                      "/bin/mkdir -p etc && printf 'defaults {\\n}\\n' > etc/multipath.conf\n");
    auto dir = temp_dir("mpb-unpack");
    auto r = unpack_initramfs("/boot/x.img", dir.path(), {"etc/multipath.conf"}, std::chrono::seconds(10));
    BOOST_TEST(r.has_value());
    BOOST_TEST(test::slurp(dir.path() + "/etc/multipath.conf") == "defaults {\n}\n");
}

BOOST_AUTO_TEST_CASE(a_run_that_hangs_is_stopped)
{
    FakeLsinitrd fake("exec /bin/sleep 30\n");
    auto dir = temp_dir("mpb-unpack");
    const auto start = std::chrono::steady_clock::now();
    auto r = unpack_initramfs("/boot/x.img", dir.path(), {}, std::chrono::milliseconds(300));
    BOOST_TEST_REQUIRE(!r);
    BOOST_TEST(r.error() == "lsinitrd --unpack /boot/x.img took longer than 0 s; stopped");
    BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(10)));
}

BOOST_AUTO_TEST_CASE(no_lsinitrd_is_a_reason)
{
    FakeLsinitrd fake("");
    auto dir = temp_dir("mpb-unpack");
    auto r = unpack_initramfs("/boot/x.img", dir.path(), {}, std::chrono::seconds(5));
    BOOST_TEST_REQUIRE(!r);
    BOOST_TEST(r.error() == "no lsinitrd to read /boot/x.img (dracut's lsinitrd is not installed)");
}

BOOST_AUTO_TEST_CASE(a_temporary_directory_goes_with_what_is_in_it)
{
    std::string path;
    {
        auto dir = temp_dir("mpb-temp");
        path = dir.path();
        test::put(path + "/a", "x");
        ::mkdir((path + "/sub").c_str(), 0700);
        test::put(path + "/sub/b", "y");
    }
    struct stat st;
    BOOST_TEST(::stat(path.c_str(), &st) != 0);
}

BOOST_AUTO_TEST_SUITE_END()

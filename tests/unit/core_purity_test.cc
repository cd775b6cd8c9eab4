// SPDX-License-Identifier: GPL-2.0-or-later
// src/core decides and never touches the machine: every header it includes
// is either its own or a pure standard header on this list. The kickstart
// reader and plan (kickstart/) are held to the same rules: they may include
// the core and each other, nothing else.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const std::set<std::string> allowed = {
    "<algorithm>", "<array>", "<cctype>", "<charconv>", "<climits>", "<cmath>", "<cstddef>", "<cstdint>",
    "<cstring>", "<functional>", "<initializer_list>", "<limits>", "<map>", "<memory>",
    "<optional>", "<random>", "<set>", "<span>", "<string>", "<string_view>", "<tuple>",
    "<unordered_map>", "<unordered_set>", "<utility>", "<vector>",
    "<nlohmann/json.hpp>",  // JSON text <-> values, no I/O used
    "<regex.h>",            // POSIX ERE, the dialect of multipath.conf
    "<ini.h>",              // inih: INI text in through a reader over memory, no file opened
};

std::vector<std::string> includes_of(const fs::path& file)
{
    std::ifstream in(file);
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string directive, target;
        if (words >> directive >> target && directive == "#include")
            out.push_back(target);
    }
    return out;
}

// The kickstart sources of the command itself: its main reads the
// kickstart and writes the sysroot, its options share mpath-boot's; the
// rest is pure.
const std::set<std::string> kickstart_io_files = {"main.cc", "options.hh", "options.cc"};

bool is_source(const fs::path& p) { return p.extension() == ".cc" || p.extension() == ".hh"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(core_purity)

BOOST_AUTO_TEST_CASE(core_includes_only_pure_headers)
{
    int files = 0;
    for (const auto& e : fs::directory_iterator(fs::path(TOP_SRCDIR) / "src/core")) {
        ++files;
        for (const auto& inc : includes_of(e.path())) {
            bool own = inc.rfind("\"core/", 0) == 0;
            BOOST_TEST((own || allowed.count(inc)),
                       e.path().filename().string() << " includes " << inc);
        }
    }
    BOOST_TEST(files > 20);
}

BOOST_AUTO_TEST_CASE(kickstart_includes_only_pure_headers)
{
    int files = 0;
    for (const auto& e : fs::directory_iterator(fs::path(TOP_SRCDIR) / "kickstart")) {
        if (!is_source(e.path()) || kickstart_io_files.count(e.path().filename().string()))
            continue;
        ++files;
        for (const auto& inc : includes_of(e.path())) {
            bool own = inc.rfind("\"core/", 0) == 0 || inc.rfind("\"kickstart/", 0) == 0;
            BOOST_TEST((own || allowed.count(inc)),
                       "kickstart/" << e.path().filename().string() << " includes " << inc);
        }
    }
    BOOST_TEST(files >= 3);
}

BOOST_AUTO_TEST_CASE(the_check_itself_catches_a_system_header)
{
    auto tmp = fs::temp_directory_path() / "mpb_purity_probe.cc";
    std::ofstream(tmp) << "#include <unistd.h>\n#include \"core/text.hh\"\n";
    auto inc = includes_of(tmp);
    fs::remove(tmp);
    BOOST_TEST(inc.size() == 2u);
    BOOST_TEST(!allowed.count(inc[0]));
}

BOOST_AUTO_TEST_SUITE_END()

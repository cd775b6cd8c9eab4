// SPDX-License-Identifier: GPL-2.0-or-later
// The hardware handler multipath-tools 0.9.4 would load: the kernel's
// attached handler first, the configured one, "1 alua" autodetected from
// TPGS only over the built-in default, and dropped when a path lacks ALUA.
#include "core/hwhandler.hh"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {

using T = mpb::Tpgs;

struct Case {
    const char* name;
    const char* configured;
    bool from_config;  // set in a file (else the built-in default)
    std::vector<std::string> dh_states;
    std::vector<T> tpgs;
    const char* value;
    const char* reason;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const Case cases[] = {
    {"no ALUA, default", "0", false, {"detached", "detached"}, {T::none, T::none}, "0",
     "built-in default"},
    {"ALUA autodetected", "0", false, {"", ""}, {T::implicit, T::both}, "1 alua",
     "autodetected: every path does ALUA (TPGS)"},
    {"one path unknown still ALUA", "0", false, {"", ""}, {T::implicit, T::undef}, "1 alua",
     "autodetected: every path does ALUA (TPGS)"},
    {"all unknown: no autodetection", "0", false, {"", ""}, {T::undef, T::undef}, "0",
     "built-in default"},
    {"configured 0 is not autodetected", "0", true, {"", ""}, {T::implicit, T::implicit}, "0",
     "devices section, /etc/multipath.conf:3"},
    {"kernel's handler retained", "0", false, {"detached", "alua"}, {T::implicit, T::implicit},
     "1 alua",
     "retained: the kernel attached alua to sdb (retain_attached_hw_handler, implied on kernels >= 4.3)"},
    {"kernel's emc over configured", "1 alua", true, {"emc", "emc"}, {T::none, T::none}, "1 emc",
     "retained: the kernel attached emc to sda (retain_attached_hw_handler, implied on kernels >= 4.3)"},
    {"configured alua without TPGS dropped", "1 alua", true, {"", ""}, {T::implicit, T::none}, "0",
     "not 1 alua (devices section, /etc/multipath.conf:3): not every path does ALUA (TPGS)"},
    {"retained alua without TPGS dropped", "0", false, {"alua", ""}, {T::none, T::none}, "0",
     "not 1 alua (retained: the kernel attached alua to sda (retain_attached_hw_handler, implied "
     "on kernels >= 4.3)): not every path does ALUA (TPGS)"},
    {"configured rdac kept", "1 rdac", true, {"", ""}, {T::none, T::none}, "1 rdac",
     "devices section, /etc/multipath.conf:3"},
    {"configured alua with TPGS", "1 alua", true, {"", ""}, {T::both, T::both}, "1 alua",
     "devices section, /etc/multipath.conf:3"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(hwhandler)

BOOST_DATA_TEST_CASE(choice, bdata::make(cases), c)
{
    mpb::Set<std::string> configured{c.configured, {}};
    if (c.from_config)
        configured.origin = {mpb::Origin::devices, "/etc/multipath.conf", 3, ""};
    std::vector<mpb::PathRecord> paths(c.dh_states.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        paths[i].name = std::string("sd") + static_cast<char>('a' + i);
        paths[i].facts.dh_state = c.dh_states[i];
    }
    auto h = mpb::select_hwhandler(configured, paths, c.tpgs);
    BOOST_TEST(h.value == c.value);
    BOOST_TEST(h.reason == c.reason);
}

BOOST_AUTO_TEST_SUITE_END()

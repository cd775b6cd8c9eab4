// SPDX-License-Identifier: GPL-2.0-or-later
// The unit test runner: every tests/unit/*_test.cc links into this binary.
#define BOOST_TEST_MODULE mpath_boot_unit
#include <boost/test/unit_test.hpp>

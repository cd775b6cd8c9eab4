// SPDX-License-Identifier: GPL-2.0-or-later
// SCSI commands through SG_IO fail with a reason, never hang, on what is
// not a SCSI device (this machine has none to answer them).
#include "sys/sg_io.hh"

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(sg_io)

BOOST_AUTO_TEST_CASE(a_missing_device_is_named)
{
    auto r = mpb::report_target_port_groups("/nonexistent/sdz", std::chrono::milliseconds(1000));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == "cannot open /nonexistent/sdz: No such file or directory");
}

BOOST_AUTO_TEST_CASE(not_a_scsi_device)
{
    auto r = mpb::inquiry_vpd("/dev/null", 0xc9, std::chrono::milliseconds(1000));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == "SG_IO failed: Inappropriate ioctl for device");
}

BOOST_AUTO_TEST_SUITE_END()

// SPDX-License-Identifier: GPL-2.0-or-later
// Blacklist verdicts per criterion: devnode, device, udev property, protocol
// and WWID, each with blacklist entries, exceptions, both, and inversion.
// Expected reasons are written out word for word from multipath-tools'
// rules, not taken from the code.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/blacklist.hh"
#include "core/config.hh"
#include "unit_fixtures.hh"

namespace bdata = boost::unit_test::data;

namespace {

const std::string conf_file = "/etc/multipath.conf";

mpb::Config conf(const std::string& text) { return mpb::test::config_from(text); }

std::string at(int line)
{
    return conf_file + ":" + std::to_string(line);
}

const std::string builtin_devnode =
    R"R(blacklisted by devnode "!^(sd[a-z]|dasd[a-z]|nvme[0-9])" (built-in blacklist))R";
const std::string builtin_property_exception =
    R"R("(SCSI_IDENT_|ID_WWN)" (built-in blacklist_exceptions))R";
const std::string property_missing = "blacklisted, udev property missing: no property matches ";

// ---- devnode ----------------------------------------------------------------

const char* const no_conf = "";

const char* const bl_sdb = R"CONF(# local rules
blacklist {
	devnode "^sdb"
}
)CONF";

const char* const bl_sdb_exact = R"CONF(blacklist {
	devnode "^sdb$"
}
)CONF";

const char* const bl_two = R"CONF(blacklist {
	devnode "^sdb"
	devnode "^sd"
}
)CONF";

const char* const bl_loop = R"CONF(blacklist {
	devnode "^loop"
}
)CONF";

const char* const bl_upper = R"CONF(blacklist {
	devnode "^SDB"
}
)CONF";

const char* const bl_middle = R"CONF(blacklist {
	devnode "d[b-c]"
}
)CONF";

const char* const ex_vd = R"CONF(blacklist_exceptions {
	devnode "^vd"
}
)CONF";

const char* const bl_sd_ex_sdc = R"CONF(blacklist {
	devnode "^sd"
}
blacklist_exceptions {
	devnode "^sdc"
}
)CONF";

// The same rules, exceptions written first: file order does not matter.
const char* const ex_sdc_bl_sd = R"CONF(blacklist_exceptions {
	devnode "^sdc"
}
blacklist {
	devnode "^sd"
}
)CONF";

const char* const bl_not_sda = R"CONF(blacklist {
	devnode "!^sda"
}
)CONF";

const char* const ex_not_loop = R"CONF(blacklist_exceptions {
	devnode "!^loop"
}
)CONF";

struct DevnodeCase {
    const char* name;
    const char* conf;
    const char* dev;
    bool blacklisted;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const DevnodeCase& c)
{
    return os << c.name << " " << c.dev;
}

const DevnodeCase devnode_cases[] = {
    // The built-in rule: only sd*, dasd* and nvme<N>* can be paths.
    {"builtin", no_conf, "sda", false, ""},
    {"builtin", no_conf, "sdz", false, ""},
    {"builtin", no_conf, "sdaa", false, ""},  // ^sd[a-z] matches the start
    {"builtin", no_conf, "sdcz", false, ""},
    {"builtin", no_conf, "dasda", false, ""},
    {"builtin", no_conf, "dasdz", false, ""},
    {"builtin", no_conf, "nvme0n1", false, ""},
    {"builtin", no_conf, "nvme12n3", false, ""},
    {"builtin", no_conf, "vda", true, builtin_devnode},
    {"builtin", no_conf, "xvda", true, builtin_devnode},
    {"builtin", no_conf, "loop0", true, builtin_devnode},
    {"builtin", no_conf, "dm-0", true, builtin_devnode},
    {"builtin", no_conf, "sr0", true, builtin_devnode},
    {"builtin", no_conf, "md127", true, builtin_devnode},
    {"builtin", no_conf, "nbd0", true, builtin_devnode},
    {"builtin", no_conf, "zram0", true, builtin_devnode},
    {"builtin", no_conf, "mmcblk0", true, builtin_devnode},
    {"builtin", no_conf, "sd", true, builtin_devnode},         // no letter after sd
    {"builtin", no_conf, "sd1", true, builtin_devnode},
    {"builtin", no_conf, "SDA", true, builtin_devnode},        // case sensitive
    {"builtin", no_conf, "xsda", true, builtin_devnode},       // anchored at the start
    {"builtin", no_conf, "dasd", true, builtin_devnode},
    {"builtin", no_conf, "nvme", true, builtin_devnode},
    {"builtin", no_conf, "nvmex", true, builtin_devnode},
    // A blacklist entry alone.
    {"blacklist ^sdb", bl_sdb, "sdb", true, R"(blacklisted by devnode "^sdb" (blacklist section, )" + at(3) + ")"},
    {"blacklist ^sdb", bl_sdb, "sdba", true, R"(blacklisted by devnode "^sdb" (blacklist section, )" + at(3) + ")"},
    {"blacklist ^sdb", bl_sdb, "sdc", false, ""},
    {"blacklist ^sdb", bl_sdb, "sda", false, ""},
    {"blacklist ^sdb$", bl_sdb_exact, "sdb", true, R"(blacklisted by devnode "^sdb$" (blacklist section, )" + at(2) + ")"},
    {"blacklist ^sdb$", bl_sdb_exact, "sdba", false, ""},
    {"blacklist unanchored", bl_middle, "sdc", true, R"(blacklisted by devnode "d[b-c]" (blacklist section, )" + at(2) + ")"},
    {"blacklist unanchored", bl_middle, "dasdd", false, ""},
    {"blacklist case", bl_upper, "sdb", false, ""},
    // The first matching entry is named; built-in entries come first.
    {"two entries", bl_two, "sdb", true, R"(blacklisted by devnode "^sdb" (blacklist section, )" + at(2) + ")"},
    {"two entries", bl_two, "sdc", true, R"(blacklisted by devnode "^sd" (blacklist section, )" + at(3) + ")"},
    // The files' rules come first: multipath-tools adds the built-in one after.
    {"the file's rule first", bl_loop, "loop0", true, R"(blacklisted by devnode "^loop" (blacklist section, )" + at(2) + ")"},
    // An exception alone lifts the built-in blacklist.
    {"exception ^vd", ex_vd, "vda", false, R"(allowed by devnode exception "^vd" (blacklist_exceptions section, )" + at(2) + ")"},
    {"exception ^vd", ex_vd, "xvda", true, builtin_devnode},
    {"exception ^vd", ex_vd, "sda", false, ""},
    // Both: the exception wins, whatever the order in the file.
    {"both", bl_sd_ex_sdc, "sdc", false, R"(allowed by devnode exception "^sdc" (blacklist_exceptions section, )" + at(5) + ")"},
    {"both", bl_sd_ex_sdc, "sdd", true, R"(blacklisted by devnode "^sd" (blacklist section, )" + at(2) + ")"},
    {"both, exceptions first", ex_sdc_bl_sd, "sdc", false, R"(allowed by devnode exception "^sdc" (blacklist_exceptions section, )" + at(2) + ")"},
    {"both, exceptions first", ex_sdc_bl_sd, "sdd", true, R"(blacklisted by devnode "^sd" (blacklist section, )" + at(5) + ")"},
    // Inversion.
    {"blacklist !^sda", bl_not_sda, "sdb", true, R"(blacklisted by devnode "!^sda" (blacklist section, )" + at(2) + ")"},
    {"blacklist !^sda", bl_not_sda, "sda", false, ""},
    {"blacklist !^sda", bl_not_sda, "sdaa", false, ""},
    {"exception !^loop", ex_not_loop, "vda", false, R"(allowed by devnode exception "!^loop" (blacklist_exceptions section, )" + at(2) + ")"},
    {"exception !^loop", ex_not_loop, "loop0", true, builtin_devnode},
};

// ---- device (vendor, product) -------------------------------------------

const char* const bl_vendor_product = R"CONF(blacklist {
	device {
		vendor "^IBM"
		product "^2145"
	}
}
)CONF";

const char* const bl_vendor_only = R"CONF(blacklist {
	device {
		vendor "QEMU"
	}
}
)CONF";

const char* const bl_product_only = R"CONF(blacklist {
	device {
		product "VIRTUAL"
	}
}
)CONF";

const char* const ex_vendor_only = R"CONF(blacklist_exceptions {
	device {
		vendor "NETAPP"
	}
}
)CONF";

const char* const bl_all_ex_netapp = R"CONF(blacklist {
	device {
		vendor ".*"
	}
}
blacklist_exceptions {
	device {
		vendor "^NETAPP"
		product "LUN"
	}
}
)CONF";

const char* const bl_not_netapp = R"CONF(blacklist {
	device {
		vendor "!^NETAPP"
	}
}
)CONF";

struct DeviceCase {
    const char* name;
    const char* conf;
    const char* vendor;
    const char* product;
    bool blacklisted;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const DeviceCase& c)
{
    return os << c.name << " " << c.vendor << "/" << c.product;
}

const DeviceCase device_cases[] = {
    {"builtin", no_conf, "IBM", "2145", false, ""},
    {"builtin", no_conf, "QEMU", "QEMU HARDDISK", false, ""},
    // vendor and product: both must match.
    {"vendor+product", bl_vendor_product, "IBM", "2145", true, R"(blacklisted by device vendor "^IBM" product "^2145" (blacklist section, )" + at(2) + ")"},
    {"vendor+product", bl_vendor_product, "IBM", "2107900", false, ""},
    {"vendor+product", bl_vendor_product, "DELL", "2145", false, ""},
    // Only a vendor: any product.
    {"vendor only", bl_vendor_only, "QEMU", "QEMU HARDDISK", true, R"(blacklisted by device vendor "QEMU" (blacklist section, )" + at(2) + ")"},
    {"vendor only", bl_vendor_only, "QEMU", "", true, R"(blacklisted by device vendor "QEMU" (blacklist section, )" + at(2) + ")"},
    {"vendor only", bl_vendor_only, "qemu", "QEMU HARDDISK", false, ""},  // case sensitive
    // Only a product: any vendor.
    {"product only", bl_product_only, "Msft", "Virtual Disk", false, ""},
    {"product only", bl_product_only, "IBM", "VIRTUAL DISK", true, R"(blacklisted by device product "VIRTUAL" (blacklist section, )" + at(2) + ")"},
    {"product only", bl_product_only, "", "VIRTUAL", true, R"(blacklisted by device product "VIRTUAL" (blacklist section, )" + at(2) + ")"},
    // An exception alone.
    {"exception vendor only", ex_vendor_only, "NETAPP", "LUN C-Mode", false, R"(allowed by device exception vendor "NETAPP" (blacklist_exceptions section, )" + at(2) + ")"},
    {"exception vendor only", ex_vendor_only, "IBM", "2145", false, ""},
    // Both: the exception wins.
    {"both", bl_all_ex_netapp, "NETAPP", "LUN C-Mode", false, R"(allowed by device exception vendor "^NETAPP" product "LUN" (blacklist_exceptions section, )" + at(7) + ")"},
    {"both", bl_all_ex_netapp, "NETAPP", "NVMe", true, R"(blacklisted by device vendor ".*" (blacklist section, )" + at(2) + ")"},
    {"both", bl_all_ex_netapp, "IBM", "LUN", true, R"(blacklisted by device vendor ".*" (blacklist section, )" + at(2) + ")"},
    // Inversion.
    {"vendor !^NETAPP", bl_not_netapp, "DELL", "MD32xx", true, R"(blacklisted by device vendor "!^NETAPP" (blacklist section, )" + at(2) + ")"},
    {"vendor !^NETAPP", bl_not_netapp, "NETAPP", "LUN", false, ""},
};

// ---- udev property --------------------------------------------------------

using Props = std::map<std::string, std::string>;

const char* const bl_cdrom = R"CONF(blacklist {
	property "^ID_CDROM"
}
)CONF";

// A blacklist entry that the built-in exception also matches.
const char* const bl_wwn = R"CONF(blacklist {
	property "ID_WWN"
}
)CONF";

const char* const bl_id_ex_serial = R"CONF(blacklist {
	property "^ID_"
}
blacklist_exceptions {
	property "^ID_SERIAL$"
}
)CONF";

const char* const bl_not_id_dev = R"CONF(blacklist {
	property "!^(ID_|DEV)"
}
)CONF";

const char* const ex_mpath_ok = R"CONF(blacklist_exceptions {
	property "^MPATH_OK"
}
)CONF";

struct PropertyCase {
    const char* name;
    const char* conf;
    Props props;
    const char* uid_attribute;
    bool blacklisted;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const PropertyCase& c)
{
    os << c.name << " [";
    for (const auto& [k, v] : c.props)
        os << " " << k;
    return os << " ] uid " << c.uid_attribute;
}

const PropertyCase property_cases[] = {
    // Built-in exception: SCSI identification or a WWN.
    {"builtin", no_conf, {{"ID_SERIAL", "36001405aa"}, {"ID_WWN", "0x6001405aa"}}, "ID_SERIAL", false,
     "allowed by udev property ID_WWN matching exception " + builtin_property_exception},
    {"builtin", no_conf, {{"DEVNAME", "/dev/sda"}, {"ID_SERIAL", "x"}, {"SCSI_IDENT_LUN_NAA_REGEXT", "6001"}}, "ID_SERIAL", false,
     "allowed by udev property SCSI_IDENT_LUN_NAA_REGEXT matching exception " + builtin_property_exception},
    // No property matches: blacklisted only once the uid attribute is there.
    {"missing, uid seen", no_conf, {{"DEVNAME", "/dev/sda"}, {"ID_SERIAL", "x"}}, "ID_SERIAL", true,
     property_missing + builtin_property_exception},
    {"missing, uid not seen", no_conf, {{"DEVNAME", "/dev/sda"}, {"DEVTYPE", "disk"}}, "ID_SERIAL", false, ""},
    {"missing, no properties", no_conf, {}, "ID_SERIAL", false, ""},
    {"missing, other uid seen", no_conf, {{"DEVNAME", "/dev/sda"}, {"ID_SCSI_SERIAL", "x"}}, "ID_SCSI_SERIAL", true,
     property_missing + builtin_property_exception},
    {"missing, other uid not seen", no_conf, {{"DEVNAME", "/dev/sda"}, {"ID_SCSI_SERIAL", "x"}}, "ID_SERIAL", false, ""},
    // Names are matched, not values.
    {"value not matched", no_conf, {{"ID_SERIAL", "ID_WWN"}}, "ID_SERIAL", true,
     property_missing + builtin_property_exception},
    // A blacklist entry alone.
    {"blacklist ^ID_CDROM", bl_cdrom, {{"ID_CDROM", "1"}, {"ID_SERIAL", "x"}}, "ID_SERIAL", true,
     R"(blacklisted by udev property ID_CDROM matching property "^ID_CDROM" (blacklist section, )" + at(2) + ")"},
    // Name order: ID_CDROM comes before ID_WWN and decides.
    {"blacklist ^ID_CDROM, name order", bl_cdrom, {{"ID_WWN", "0x1"}, {"ID_CDROM", "1"}}, "ID_SERIAL", true,
     R"(blacklisted by udev property ID_CDROM matching property "^ID_CDROM" (blacklist section, )" + at(2) + ")"},
    {"blacklist ^ID_CDROM", bl_cdrom, {{"ID_SERIAL", "x"}, {"ID_WWN", "0x1"}}, "ID_SERIAL", false,
     "allowed by udev property ID_WWN matching exception " + builtin_property_exception},
    // One property matching both an exception and a blacklist entry: the exception wins.
    {"both on one property", bl_wwn, {{"ID_SERIAL", "x"}, {"ID_WWN", "0x1"}}, "ID_SERIAL", false,
     "allowed by udev property ID_WWN matching exception " + builtin_property_exception},
    {"both on one property", bl_id_ex_serial, {{"ID_SERIAL", "x"}}, "ID_SERIAL", false,
     R"(allowed by udev property ID_SERIAL matching exception "^ID_SERIAL$" (blacklist_exceptions section, )" + at(5) + ")"},
    {"both, name order", bl_id_ex_serial, {{"ID_MODEL", "m"}, {"ID_SERIAL", "x"}}, "ID_SERIAL", true,
     R"(blacklisted by udev property ID_MODEL matching property "^ID_" (blacklist section, )" + at(2) + ")"},
    // Inversion.
    {"blacklist !^(ID_|DEV)", bl_not_id_dev, {{"DEVNAME", "/dev/sda"}, {"ID_SERIAL", "x"}, {"MAJOR", "8"}}, "ID_SERIAL", true,
     R"R(blacklisted by udev property MAJOR matching property "!^(ID_|DEV)" (blacklist section, )R" + at(2) + ")"},
    {"blacklist !^(ID_|DEV)", bl_not_id_dev, {{"DEVNAME", "/dev/sda"}, {"ID_WWN", "0x1"}, {"MAJOR", "8"}}, "ID_SERIAL", false,
     "allowed by udev property ID_WWN matching exception " + builtin_property_exception},
    // An exception alone; the missing verdict lists every exception.
    {"exception ^MPATH_OK", ex_mpath_ok, {{"ID_SERIAL", "x"}, {"MPATH_OK", "1"}}, "ID_SERIAL", false,
     R"(allowed by udev property MPATH_OK matching exception "^MPATH_OK" (blacklist_exceptions section, )" + at(2) + ")"},
    {"exception ^MPATH_OK", ex_mpath_ok, {{"ID_SERIAL", "x"}}, "ID_SERIAL", true,
     property_missing + R"("^MPATH_OK" (blacklist_exceptions section, )" + at(2) + "), " + builtin_property_exception},
};

// ---- protocol -------------------------------------------------------------

const char* const bl_iscsi = R"CONF(blacklist {
	protocol "scsi:iscsi"
}
)CONF";

const char* const bl_scsi_ex_fcp = R"CONF(blacklist {
	protocol "^scsi"
}
blacklist_exceptions {
	protocol "scsi:fcp"
}
)CONF";

const char* const bl_undef = R"CONF(blacklist {
	protocol "undef"
}
)CONF";

const char* const bl_not_nvme = R"CONF(blacklist {
	protocol "!^nvme"
}
)CONF";

const char* const ex_nvme_tcp = R"CONF(blacklist_exceptions {
	protocol "nvme:tcp"
}
)CONF";

struct ProtocolCase {
    const char* name;
    const char* conf;
    const char* protocol;
    bool blacklisted;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const ProtocolCase& c)
{
    return os << c.name << " " << c.protocol;
}

const ProtocolCase protocol_cases[] = {
    {"builtin", no_conf, "scsi:fcp", false, ""},
    {"builtin", no_conf, "undef", false, ""},
    {"blacklist iscsi", bl_iscsi, "scsi:iscsi", true, R"(blacklisted by protocol "scsi:iscsi" (blacklist section, )" + at(2) + ")"},
    {"blacklist iscsi", bl_iscsi, "scsi:fcp", false, ""},
    {"blacklist iscsi", bl_iscsi, "nvme:tcp", false, ""},
    {"both", bl_scsi_ex_fcp, "scsi:fcp", false, R"(allowed by protocol exception "scsi:fcp" (blacklist_exceptions section, )" + at(5) + ")"},
    {"both", bl_scsi_ex_fcp, "scsi:sas", true, R"(blacklisted by protocol "^scsi" (blacklist section, )" + at(2) + ")"},
    {"both", bl_scsi_ex_fcp, "scsi:unspec", true, R"(blacklisted by protocol "^scsi" (blacklist section, )" + at(2) + ")"},
    {"both", bl_scsi_ex_fcp, "nvme:tcp", false, ""},
    {"blacklist undef", bl_undef, "undef", true, R"(blacklisted by protocol "undef" (blacklist section, )" + at(2) + ")"},
    {"blacklist undef", bl_undef, "scsi:unspec", false, ""},
    {"blacklist !^nvme", bl_not_nvme, "scsi:sas", true, R"(blacklisted by protocol "!^nvme" (blacklist section, )" + at(2) + ")"},
    {"blacklist !^nvme", bl_not_nvme, "nvme:tcp", false, ""},
    {"exception nvme:tcp", ex_nvme_tcp, "nvme:tcp", false, R"(allowed by protocol exception "nvme:tcp" (blacklist_exceptions section, )" + at(2) + ")"},
    {"exception nvme:tcp", ex_nvme_tcp, "nvme:rdma", false, ""},
};

// ---- wwid -------------------------------------------------------------------

const char* const bl_all_ex_netapp_wwid = R"CONF(blacklist {
	wwid ".*"
}
blacklist_exceptions {
	wwid "^3600a0980"
}
)CONF";

const char* const bl_lio = R"CONF(blacklist {
	wwid "^36001405"
}
)CONF";

const char* const bl_not_netapp_wwid = R"CONF(blacklist {
	wwid "!^3600a0980"
}
)CONF";

const char* const ex_lio = R"CONF(blacklist_exceptions {
	wwid "^36001405"
}
)CONF";

const char* const netapp_wwid = "3600a098038303053453f463045727431";
const char* const lio_wwid = "36001405a1b2c3d4e5f60718293a4b5c6";

struct WwidCase {
    const char* name;
    const char* conf;
    const char* wwid;
    bool blacklisted;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const WwidCase& c)
{
    return os << c.name << " " << c.wwid;
}

const WwidCase wwid_cases[] = {
    {"builtin", no_conf, lio_wwid, false, ""},
    {"blacklist", bl_lio, lio_wwid, true, R"(blacklisted by wwid "^36001405" (blacklist section, )" + at(2) + ")"},
    {"blacklist", bl_lio, netapp_wwid, false, ""},
    {"both", bl_all_ex_netapp_wwid, netapp_wwid, false, R"(allowed by wwid exception "^3600a0980" (blacklist_exceptions section, )" + at(5) + ")"},
    {"both", bl_all_ex_netapp_wwid, lio_wwid, true, R"(blacklisted by wwid ".*" (blacklist section, )" + at(2) + ")"},
    {"blacklist !^3600a0980", bl_not_netapp_wwid, lio_wwid, true, R"(blacklisted by wwid "!^3600a0980" (blacklist section, )" + at(2) + ")"},
    {"blacklist !^3600a0980", bl_not_netapp_wwid, netapp_wwid, false, ""},
    {"exception", ex_lio, lio_wwid, false, R"(allowed by wwid exception "^36001405" (blacklist_exceptions section, )" + at(2) + ")"},
    {"exception", ex_lio, netapp_wwid, false, ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(blacklist)

BOOST_DATA_TEST_CASE(devnode, bdata::make(devnode_cases), c)
{
    auto v = mpb::filter_devnode(conf(c.conf), c.dev);
    BOOST_TEST(v.blacklisted == c.blacklisted);
    BOOST_TEST(v.reason == c.reason);
}

BOOST_DATA_TEST_CASE(device, bdata::make(device_cases), c)
{
    auto v = mpb::filter_device(conf(c.conf), c.vendor, c.product);
    BOOST_TEST(v.blacklisted == c.blacklisted);
    BOOST_TEST(v.reason == c.reason);
}

BOOST_DATA_TEST_CASE(property, bdata::make(property_cases), c)
{
    auto v = mpb::filter_property(conf(c.conf), c.props, c.uid_attribute);
    BOOST_TEST(v.blacklisted == c.blacklisted);
    BOOST_TEST(v.reason == c.reason);
}

BOOST_DATA_TEST_CASE(protocol, bdata::make(protocol_cases), c)
{
    auto v = mpb::filter_protocol(conf(c.conf), c.protocol);
    BOOST_TEST(v.blacklisted == c.blacklisted);
    BOOST_TEST(v.reason == c.reason);
}

BOOST_DATA_TEST_CASE(wwid, bdata::make(wwid_cases), c)
{
    auto v = mpb::filter_wwid(conf(c.conf), c.wwid);
    BOOST_TEST(v.blacklisted == c.blacklisted);
    BOOST_TEST(v.reason == c.reason);
}

// The built-in config without any file gives the same devnode verdict.
BOOST_AUTO_TEST_CASE(builtin_config_devnode)
{
    auto c = mpb::builtin_config();
    BOOST_TEST(mpb::filter_devnode(c, "vda").reason == builtin_devnode);
    BOOST_TEST(!mpb::filter_devnode(c, "sda").blacklisted);
}

// Rules from a conf.d file name that file and its line.
BOOST_AUTO_TEST_CASE(conf_d_origin)
{
    auto c = mpb::load_config({{conf_file, "defaults {\n\tuser_friendly_names yes\n}\n"},
                               {"/etc/multipath/conf.d/local.conf",
                                "\n\nblacklist {\n\tdevnode \"^sdq\"\n}\n"}});
    BOOST_TEST_REQUIRE(c.diagnostics.empty());
    auto v = mpb::filter_devnode(c, "sdq");
    BOOST_TEST(v.blacklisted);
    BOOST_TEST(v.reason ==
               R"(blacklisted by devnode "^sdq" (blacklist section, /etc/multipath/conf.d/local.conf:4))");
}

BOOST_AUTO_TEST_SUITE_END()

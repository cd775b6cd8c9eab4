// SPDX-License-Identifier: GPL-2.0-or-later
// SCSI VPD pages 0x83 and 0x80 to WWIDs and serials: one row per sample
// page, then robustness over truncated and pseudo-random pages.
#include "core/vpd.hh"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "test_util.hh"

namespace bdata = boost::unit_test::data;
using mpb::test::bytes;

namespace {

using Page = std::vector<std::uint8_t>;

Page text(std::string_view s)
{
    return Page(s.begin(), s.end());
}

// SCSI name strings are NUL-padded to a multiple of 4 bytes.
Page nul_padded(std::string_view s)
{
    Page p = text(s);
    p.resize((s.size() + 4) / 4 * 4, 0);
    return p;
}

Page cat(std::initializer_list<Page> parts)
{
    Page out;
    for (const Page& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

// A designator: protocol id / code set, PIV / association / type, reserved,
// length, data.
Page designator(int byte0, int byte1, const Page& data)
{
    if (data.size() > 255)
        throw std::length_error("test designator longer than 255 bytes");
    return cat({bytes({byte0, byte1, 0, static_cast<int>(data.size())}), data});
}

// Designators associated with the logical unit, with the usual code set.
Page naa(const Page& data) { return designator(0x01, 0x03, data); }
Page eui64(const Page& data) { return designator(0x01, 0x02, data); }
Page scsi_name(std::string_view s) { return designator(0x03, 0x08, nul_padded(s)); }
Page t10(std::string_view s) { return designator(0x02, 0x01, text(s)); }

// A page header with an explicit length, for truncated or lying pages.
Page page_header(int code, std::size_t stated)
{
    return bytes({0x00, code, static_cast<int>(stated >> 8), static_cast<int>(stated & 0xff)});
}

// A well-formed page 0x83 holding the given designators.
Page page83(std::initializer_list<Page> designators)
{
    const Page list = cat(designators);
    return cat({page_header(0x83, list.size()), list});
}

Page page80(std::string_view serial)
{
    return cat({page_header(0x80, serial.size()), text(serial)});
}

// Designator payloads, with the WWIDs multipath-tools derives from them.
const Page naa6_data = bytes({0x60, 0x01, 0x40, 0x5a, 0x1b, 0x2c, 0x3d, 0x4e,
                              0x5f, 0x60, 0x71, 0x82, 0x93, 0xa4, 0xb5, 0xc6});
const std::string naa6_wwid = "36001405a1b2c3d4e5f60718293a4b5c6";
const Page naa5_data = bytes({0x50, 0x00, 0xc5, 0x00, 0x15, 0xea, 0x71, 0xad});
const std::string naa5_wwid = "35000c50015ea71ad";
const Page naa2_data = bytes({0x20, 0x00, 0x00, 0x25, 0xb5, 0x00, 0x00, 0x1f});
const std::string naa2_wwid = "320000025b500001f";
const Page naa3_data = bytes({0x30, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77});
const std::string naa3_wwid = "33011223344556677";
const Page eui8_data = bytes({0x00, 0x25, 0x38, 0x5a, 0x91, 0xb0, 0x12, 0x34});
const std::string eui8_wwid = "20025385a91b01234";
const std::string qemu_t10 = "QEMU    QEMU HARDDISK   abc  ";
const std::string qemu_wwid = "1QEMU_QEMU_HARDDISK_abc";

// Linux LIO (targetcli) block backstore over iSCSI: NAA 6, T10 vendor id,
// then target-port designators (association 1) and a logical unit group.
Page lio_page(bool with_naa)
{
    const Page lu_naa = with_naa ? naa(naa6_data) : Page{};
    return page83({
        lu_naa,
        t10("LIO-ORG 5a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"),
        designator(0x51, 0x94, bytes({0, 0, 0, 1})),  // relative target port
        designator(0x51, 0x95, bytes({0, 0, 0, 0})),  // target port group
        designator(0x53, 0x98, nul_padded("iqn.2003-01.org.linux-iscsi.t1:sn.5a1b,t,0x0001")),
        designator(0x01, 0x06, bytes({0, 0, 0, 0})),  // logical unit group
    });
}

// QEMU scsi-hd: a vendor-specific (type 0) designator with the drive name,
// and an NAA 5 designator only when the wwn property is set.
Page qemu_page(bool with_wwn)
{
    const Page wwn = with_wwn ? naa(naa5_data) : Page{};
    return page83({designator(0x02, 0x00, text("drive-scsi0-0-0-0")), wwn});
}

const std::string no_lu = "no logical-unit designator in VPD page 0x83";

struct Case {
    std::string name;
    Page page;
    std::string value;   // expected value, or empty when a reason is expected
    std::string reason;  // expected reason, word for word
};

std::ostream& operator<<(std::ostream& os, const Case& c)
{
    return os << c.name;
}

Case gives(std::string name, Page page, std::string value)
{
    return {std::move(name), std::move(page), std::move(value), {}};
}

Case fails(std::string name, Page page, std::string reason)
{
    return {std::move(name), std::move(page), {}, std::move(reason)};
}

// One string per outcome, so a mismatch prints both sides in full.
std::string outcome(const mpb::Result<std::string>& r)
{
    return r ? "value: " + r.value() : "reason: " + r.error();
}

std::string expected(const Case& c)
{
    return c.reason.empty() ? "value: " + c.value : "reason: " + c.reason;
}

// Copies into a buffer of exactly the page's size, so valgrind and the
// sanitizers see any read past its end.
mpb::Result<std::string> wwid_of_exact(const Page& page)
{
    const Page exact(page.begin(), page.end());
    return mpb::wwid_from_vpd83(exact);
}

const std::vector<Case> designator_cases = {
    gives("NAA 6 IEEE registered extended", page83({naa(naa6_data)}), naa6_wwid),
    gives("NAA 5 IEEE registered", page83({naa(naa5_data)}), naa5_wwid),
    gives("NAA 2 IEEE extended", page83({naa(naa2_data)}), naa2_wwid),
    gives("NAA 3 locally assigned", page83({naa(naa3_data)}), naa3_wwid),
    fails("NAA 6 of 8 bytes", page83({naa(bytes({0x60, 1, 2, 3, 4, 5, 6, 7}))}), no_lu),
    fails("NAA 5 of 16 bytes", page83({naa(cat({naa5_data, naa5_data}))}), no_lu),
    fails("NAA 1 is not a known format", page83({naa(bytes({0x10, 1, 2, 3, 4, 5, 6, 7}))}), no_lu),
    fails("NAA designator without data", page83({naa({})}), no_lu),
    gives("EUI-64 of 8 bytes", page83({eui64(eui8_data)}), eui8_wwid),
    gives("EUI-64 of 12 bytes",
          page83({eui64(bytes({0x00, 0xa0, 0xb8, 0x01, 0x02, 0x03,
                               0x04, 0x05, 0x0a, 0x0b, 0x0c, 0x0d}))}),
          "200a0b801020304050a0b0c0d"),
    gives("EUI-64 of 16 bytes", page83({eui64(cat({eui8_data, naa3_data}))}),
          "20025385a91b012343011223344556677"),
    fails("EUI-64 of 10 bytes", page83({eui64(bytes({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))}), no_lu),
    gives("SCSI name eui. lowercased", page83({scsi_name("eui.0025385A91B01234")}), eui8_wwid),
    gives("SCSI name naa. lowercased", page83({scsi_name("naa.600A0B800029E6A0")}),
          "3600a0b800029e6a0"),
    gives("SCSI name iqn. kept as is",
          page83({scsi_name("iqn.2003-01.org.Linux-iscsi.host:Disk1")}),
          "82003-01.org.Linux-iscsi.host:Disk1"),
    fails("SCSI name with an unknown prefix", page83({scsi_name("wwn.0x5000c50015ea71ad")}), no_lu),
    fails("SCSI name shorter than its prefix", page83({designator(0x03, 0x08, text("eui"))}),
          no_lu),
    fails("SCSI name with only its prefix", page83({scsi_name("naa.")}),
          "designator at offset 4 (SCSI name string) is blank"),
    fails("SCSI name containing a space", page83({scsi_name("iqn.2003-01.com.example:disk one")}),
          "designator at offset 4 (SCSI name string) contains byte 0x20, not allowed in a WWID"),
    gives("T10 vendor id with space runs", page83({t10(qemu_t10)}), qemu_wwid),
    gives("T10 vendor id padded with NULs",
          page83({designator(0x02, 0x01, cat({text("ATA     SAMSUNG SSD 870"), Page(9, 0)}))}),
          "1ATA_SAMSUNG_SSD_870"),
    gives("T10 vendor id of exactly 8 bytes", page83({t10("HITACHI ")}), "1HITACHI"),
    fails("T10 vendor id of 7 bytes", page83({t10("HITACHI")}), no_lu),
    fails("T10 vendor id of spaces only", page83({t10("          ")}),
          "designator at offset 4 (T10 vendor id) is blank"),
    fails("T10 vendor id with a tab", page83({t10("ATA\tDISK 1234")}),
          "designator at offset 4 (T10 vendor id) contains byte 0x09, not allowed in a WWID"),
    fails("T10 vendor id with a newline", page83({t10("ATA     DISK\n1234")}),
          "designator at offset 4 (T10 vendor id) contains byte 0x0a, not allowed in a WWID"),
    fails("T10 vendor id with a slash", page83({t10("ATA     DISK 12/34")}),
          "designator at offset 4 (T10 vendor id) contains byte 0x2f, not allowed in a WWID"),
    fails("T10 vendor id with UTF-8", page83({t10("ATA     DISK \xc3\xa9t\xc3\xa9")}),
          "designator at offset 4 (T10 vendor id) contains byte 0xc3, not allowed in a WWID"),
    fails("vendor specific designator only",
          page83({designator(0x02, 0x00, text("VENDOR-SPECIFIC-ID"))}), no_lu),
};

BOOST_AUTO_TEST_SUITE(vpd)

BOOST_DATA_TEST_CASE(designator_types, bdata::make(designator_cases), c)
{
    BOOST_TEST(outcome(wwid_of_exact(c.page)) == expected(c));
}

const std::vector<Case> priority_cases = {
    gives("NAA 6 beats NAA 5", page83({naa(naa5_data), naa(naa6_data)}), naa6_wwid),
    gives("NAA 5 beats NAA 2", page83({naa(naa2_data), naa(naa5_data)}), naa5_wwid),
    gives("NAA 5 beats EUI-64", page83({eui64(eui8_data), naa(naa5_data)}), naa5_wwid),
    gives("NAA 2 beats EUI-64", page83({eui64(eui8_data), naa(naa2_data)}), naa2_wwid),
    gives("EUI-64 beats SCSI name", page83({scsi_name("naa.600A0B80"), eui64(eui8_data)}),
          eui8_wwid),
    gives("SCSI name beats T10", page83({t10(qemu_t10), scsi_name("naa.600A0B80")}), "3600a0b80"),
    gives("T10 beats NAA 3", page83({naa(naa3_data), t10(qemu_t10)}), qemu_wwid),
    gives("first of equal priority wins",
          page83({naa(naa5_data), naa(bytes({0x5f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}))}),
          naa5_wwid),
    gives("higher priority with a bad length falls back",
          page83({naa(bytes({0x60, 1, 2, 3, 4, 5, 6, 7})), t10(qemu_t10)}), qemu_wwid),
    gives("refused T10 text falls back to NAA 3",
          page83({t10("ATA\tDISK 1234"), naa(naa3_data)}), naa3_wwid),
    gives("refused T10 text keeps an earlier NAA 3",
          page83({naa(naa3_data), t10("ATA\tDISK 1234")}), naa3_wwid),
    gives("target port NAA is skipped", page83({designator(0x61, 0x93, naa6_data), t10(qemu_t10)}),
          qemu_wwid),
    gives("target device SCSI name is skipped",
          page83({designator(0x53, 0xa8, nul_padded("iqn.2003-01.com.example:tgt")),
                  t10(qemu_t10)}),
          qemu_wwid),
    fails("only non-LU designators",
          page83({designator(0x61, 0x93, naa6_data), designator(0x01, 0x22, eui8_data)}), no_lu),
    gives("PIV bit on a LU designator is ignored", page83({designator(0x01, 0x83, naa5_data)}),
          naa5_wwid),
    gives("empty designator before a valid one",
          page83({designator(0x01, 0x01, {}), naa(naa5_data)}), naa5_wwid),
    gives("LIO iSCSI LUN", lio_page(true), naa6_wwid),
    gives("LIO iSCSI LUN without NAA", lio_page(false),
          "1LIO-ORG_5a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"),
    fails("QEMU scsi-hd without wwn", qemu_page(false), no_lu),
    gives("QEMU scsi-hd with wwn", qemu_page(true), naa5_wwid),
};

BOOST_DATA_TEST_CASE(designator_priority, bdata::make(priority_cases), c)
{
    BOOST_TEST(outcome(wwid_of_exact(c.page)) == expected(c));
}

const std::vector<Case> framing_cases = {
    fails("no bytes", {}, "empty VPD page 0x83"),
    fails("1 byte", bytes({0x00}), "truncated VPD page 0x83 header: 1 of 4 bytes"),
    fails("2 bytes", bytes({0x00, 0x83}), "truncated VPD page 0x83 header: 2 of 4 bytes"),
    fails("3 bytes", bytes({0x00, 0x83, 0x00}), "truncated VPD page 0x83 header: 3 of 4 bytes"),
    fails("header only", page_header(0x83, 0), no_lu),
    fails("header stating data that is missing", page_header(0x83, 0x40), no_lu),
    fails("wrong page code", cat({page_header(0x80, 8), text("SERIAL01")}),
          "not a VPD page 0x83 (page code 0x80)"),
    gives("stated length longer than the data", cat({page_header(0x83, 0x100), naa(naa5_data)}),
          naa5_wwid),
    gives("cut inside the second designator",
          cat({page_header(0x83, 32), naa(naa5_data), bytes({0x01, 0x03, 0x00, 0x10, 0x60, 0x01})}),
          naa5_wwid),
    gives("cut inside the second designator header",
          cat({page_header(0x83, 32), naa(naa5_data), bytes({0x01, 0x03})}), naa5_wwid),
    gives("bytes past the stated length are ignored",
          cat({page_header(0x83, 12), naa(naa5_data), naa(naa6_data)}), naa5_wwid),
    fails("designator length overruns the page",
          cat({page_header(0x83, 12), bytes({0x01, 0x03, 0x00, 0x14}), naa5_data}),
          "designator at offset 4 overruns the page"),
    fails("overrun after a skipped designator",
          cat({page_header(0x83, 26), eui64(bytes({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})),
               bytes({0x01, 0x03, 0x00, 0x08, 0x50})}),
          "designator at offset 18 overruns the page"),
    fails("partial designator header", cat({page_header(0x83, 2), bytes({0x01, 0x03})}),
          "designator at offset 4 overruns the page"),
    fails("refused text reported before an overrun",
          cat({page_header(0x83, 40), t10("ATA\tDISK 1234"), bytes({0x01, 0x03, 0x00, 0x08})}),
          "designator at offset 4 (T10 vendor id) contains byte 0x09, not allowed in a WWID"),
    gives("overrun after a valid designator keeps it",
          cat({page_header(0x83, 20), naa(naa5_data), bytes({0x01, 0x03, 0x00, 0x10})}), naa5_wwid),
};

BOOST_DATA_TEST_CASE(page_framing, bdata::make(framing_cases), c)
{
    BOOST_TEST(outcome(wwid_of_exact(c.page)) == expected(c));
}

const std::string long_tail(220, 'a');

const std::vector<Case> length_cases = {
    gives("overlong T10 vendor id", page83({t10("VENDOR  " + std::string(192, 'X'))}),
          "1VENDOR_" + std::string(119, 'X')),
    gives("T10 cut on a space run drops the '_'",
          page83({t10(std::string(125, 'V') + "   B")}), "1" + std::string(125, 'V')),
    gives("overlong iqn. name", page83({scsi_name("iqn.2003-01.com.example:" + long_tail)}),
          "82003-01.com.example:" + long_tail.substr(0, 106)),
    gives("overlong naa. name", page83({scsi_name("naa." + std::string(200, 'A'))}),
          "3" + std::string(126, 'a')),
    gives("127-character T10 kept whole", page83({t10(std::string(126, 'W'))}),
          "1" + std::string(126, 'W')),
};

BOOST_DATA_TEST_CASE(wwid_length, bdata::make(length_cases), c)
{
    const auto r = wwid_of_exact(c.page);
    BOOST_TEST(outcome(r) == expected(c));
    BOOST_TEST(c.value.size() <= mpb::max_wwid_length);
}

const std::vector<Case> serial_cases = {
    gives("32-digit serial",
          cat({page_header(0x80, 0x20), text("003dd33a331c183c2300e1d883604609")}),
          "003dd33a331c183c2300e1d883604609"),
    gives("leading and trailing spaces", page80("   WD-WCC4N1234567  "), "WD-WCC4N1234567"),
    gives("inner spaces kept", page80("  AB 12  CD "), "AB 12  CD"),
    gives("NUL padding", cat({page_header(0x80, 12), text("S3Z9NB0K"), Page(4, 0)}), "S3Z9NB0K"),
    gives("stated length longer than the data", cat({page_header(0x80, 40), text("ZA1234")}),
          "ZA1234"),
    gives("bytes past the stated length are ignored", cat({page_header(0x80, 4), text("ABCDEFGH")}),
          "ABCD"),
    fails("no serial", page_header(0x80, 0), "empty unit serial number"),
    fails("spaces only", page80("        "), "empty unit serial number"),
    fails("NUL first", cat({page_header(0x80, 4), Page(1, 0), text("ABC")}),
          "empty unit serial number"),
    fails("control character", page80("AB\n12"),
          "unit serial number contains control character 0x0a"),
    fails("DEL character", page80("AB\x7f" "12"),
          "unit serial number contains control character 0x7f"),
    fails("page 0x83 given", page83({naa(naa5_data)}), "not a VPD page 0x80 (page code 0x83)"),
    fails("no bytes", {}, "empty VPD page 0x80"),
    fails("3 bytes", bytes({0x00, 0x80, 0x00}), "truncated VPD page 0x80 header: 3 of 4 bytes"),
};

BOOST_DATA_TEST_CASE(unit_serial, bdata::make(serial_cases), c)
{
    const Page exact(c.page.begin(), c.page.end());
    BOOST_TEST(outcome(mpb::serial_from_vpd80(exact)) == expected(c));
}

// What any input must give: a usable WWID or a one-line reason.
std::string wwid_invariant_problem(const mpb::Result<std::string>& r)
{
    if (!r)
        return r.error().empty() || r.error().find('\n') != std::string::npos
                   ? "bad reason \"" + r.error() + "\""
                   : "";
    if (r->empty() || r->size() > mpb::max_wwid_length)
        return "bad WWID length " + std::to_string(r->size());
    for (unsigned char c : *r) {
        if (c <= ' ' || c >= 0x7f || c == '/')
            return "WWID \"" + *r + "\" holds byte " + std::to_string(c);
    }
    return "";
}

struct PrefixCase {
    std::string name;
    Page page;
};

std::ostream& operator<<(std::ostream& os, const PrefixCase& c)
{
    return os << c.name;
}

const std::vector<PrefixCase> prefix_cases = {
    {"LIO", lio_page(true)},
    {"LIO without NAA", lio_page(false)},
    {"QEMU with wwn", qemu_page(true)},
    {"NAA 5 and EUI-64", page83({eui64(eui8_data), naa(naa5_data)})},
    {"SCSI names and T10", page83({scsi_name("iqn.2003-01.com.example:x"), t10(qemu_t10),
                                   scsi_name("naa.600A0B80")})},
    {"overlong T10", page83({t10("VENDOR  " + std::string(192, 'X'))})},
};

// Every prefix of a valid page is a page cut short by a short read.
BOOST_DATA_TEST_CASE(every_prefix_is_handled, bdata::make(prefix_cases), c)
{
    for (std::size_t n = 0; n <= c.page.size(); ++n) {
        const Page prefix(c.page.begin(), c.page.begin() + static_cast<std::ptrdiff_t>(n));
        const std::string problem = wwid_invariant_problem(mpb::wwid_from_vpd83(prefix));
        BOOST_TEST(problem.empty(), "prefix of " << n << " bytes: " << problem);
    }
    BOOST_TEST(wwid_of_exact(c.page).has_value());
}

// A fixed-seed generator, so a failing sample can be reproduced.
class Rng {
public:
    explicit Rng(unsigned seed) : engine_(seed) {}
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
    bool one_in(int n) { return pick(1, n) == 1; }

private:
    std::mt19937 engine_;
};

// Random data of the lengths and contents the types care about.
Page random_designator_data(Rng& rng, int type)
{
    static const int valid_sizes[] = {8, 12, 16};
    const int size = std::array{valid_sizes[rng.pick(0, 2)], rng.pick(0, 20),
                                rng.pick(0, 255)}[rng.pick(0, 2)];
    Page data(static_cast<std::size_t>(size));
    const bool printable = !rng.one_in(4);
    for (auto& b : data)
        b = static_cast<std::uint8_t>(printable ? rng.pick(0x20, 0x7e) : rng.pick(0, 255));
    static const std::string_view prefixes[] = {"eui.", "naa.", "iqn.", "ZZZ."};
    if (type == 8 && data.size() >= 4)
        std::copy_n(prefixes[rng.pick(0, 3)].begin(), 4, data.begin());
    if (type == 3 && !data.empty())
        data[0] = static_cast<std::uint8_t>(rng.pick(0, 15) << 4 | (data[0] & 0xf));
    return data;
}

Page random_designator(Rng& rng)
{
    static const int types[] = {0, 1, 2, 3, 4, 5, 8, 8, 8, 0xa};
    const int type = types[rng.pick(0, 9)];
    const int association = rng.one_in(4) ? rng.pick(1, 3) : 0;
    return designator(rng.pick(0, 255), association << 4 | type, random_designator_data(rng, type));
}

// Random designators behind a page 0x83 header, now and then with a wrong
// stated length or cut short, so the success paths get exercised too.
Page random_designator_page(Rng& rng)
{
    Page list;
    for (int i = rng.pick(0, 4); i > 0; --i)
        list = cat({list, random_designator(rng)});
    const int stated = rng.one_in(8) ? rng.pick(0, 600) : static_cast<int>(list.size());
    Page page = cat({page_header(0x83, static_cast<std::size_t>(stated)), list});
    if (rng.one_in(8))
        page.resize(static_cast<std::size_t>(rng.pick(0, static_cast<int>(page.size()))));
    return page;
}

Page random_bytes(Rng& rng)
{
    Page page(static_cast<std::size_t>(rng.pick(0, 300)));
    for (auto& b : page)
        b = static_cast<std::uint8_t>(rng.pick(0, 255));
    if (page.size() >= 2 && rng.one_in(2))
        page[1] = 0x83;  // get past the page code check half the time
    return page;
}

BOOST_AUTO_TEST_CASE(random_pages_are_handled)
{
    Rng rng(20240611);
    int values = 0;
    int reasons = 0;
    for (int i = 0; i < 4000; ++i) {
        const Page page = i % 2 ? random_designator_page(rng) : random_bytes(rng);
        const auto r = mpb::wwid_from_vpd83(page);
        const std::string problem = wwid_invariant_problem(r);
        BOOST_TEST(problem.empty(), "sample " << i << ": " << problem);
        (r ? values : reasons) += 1;
        const auto serial = mpb::serial_from_vpd80(page);
        BOOST_TEST((serial || !serial.error().empty()));
    }
    BOOST_TEST_MESSAGE(values << " WWIDs, " << reasons << " reasons");
    // Both outcomes must be common, or the generator tests too little.
    BOOST_TEST(values > 200);
    BOOST_TEST(reasons > 400);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace

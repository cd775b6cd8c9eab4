// SPDX-License-Identifier: GPL-2.0-or-later
// mpath-boot: the global options, then the command table (cmd/command.hh).
#include <unistd.h>

#include <cstdio>

#include "cmd/command.hh"
#include "cmd/manual.hh"
#include "cmd/options.hh"
#include "sys/log.hh"

namespace {

// In the initramfs (dracut leaves /etc/initrd-release) messages also go to
// the kernel log, where a boot problem can be read afterwards.
bool in_initramfs() { return access("/etc/initrd-release", F_OK) == 0; }

}  // namespace

int main(int argc, char** argv)
{
    auto parsed = mpb::parse_cli(argc, argv);
    mpb::Logger log;
    if (!parsed) {
        log.error(parsed.error());
        return 2;
    }
    const auto& o = parsed.value();
    log.verbosity = o.verbosity;
    log.kmsg = in_initramfs();
    if (o.version) {
        std::printf("mpath-boot %s\n", PACKAGE_VERSION);
        return 0;
    }
    if (!o.command.empty())
        return mpb::dispatch(o, log);
    if (!o.help) {
        log.error("no command given (see mpath-boot --help)");
        return 2;
    }
    auto page = mpb::manual_page();
    std::fwrite(page.data(), 1, page.size(), stdout);
    return 0;
}

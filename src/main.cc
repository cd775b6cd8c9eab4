// mpath-boot: argument parsing and dispatch to one subcommand.
#include <unistd.h>

#include <cstdio>
#include <string_view>
#include <utility>

#include "cmd/commands.hh"
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
    if (o.command.empty()) {
        if (o.help) {
            std::fputs(mpb::main_help(), stdout);
            return 0;
        }
        log.error("no command given (see mpath-boot --help)");
        return 2;
    }
    using Command = int (*)(const mpb::CliOptions&, const mpb::Logger&);
    static const std::pair<std::string_view, Command> commands[] = {
        {"udev-check", mpb::cmd_udev_check}, {"assemble", mpb::cmd_assemble},
        {"dry-run", mpb::cmd_dry_run},       {"status", mpb::cmd_status},
        {"capture", mpb::cmd_capture},       {"wait", mpb::cmd_wait},
        {"handover", mpb::cmd_handover},     {"disable-queueing", mpb::cmd_disable_queueing},
    };
    for (const auto& [name, run] : commands)
        if (o.command == name)
            return run(o, log);
    log.error("unknown command " + o.command + " (see mpath-boot --help)");
    return 2;
}

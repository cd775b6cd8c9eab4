# The journal of this boot: the first message that names multipath.conf with
# a line number (the initramfs logs to the kernel log, which journald keeps).
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

say conf_error "$(journalctl -b -o cat 2>/dev/null | grep -m1 'multipath\.conf:[0-9]')"

# SPDX-License-Identifier: GPL-2.0-or-later
# The kernel log of this boot, which keeps what the initramfs said: the
# first message naming multipath.conf with a line number, and the first
# "gave up" of mpath-boot wait.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

journalctl -b -k -o cat >/tmp/kernel-log 2>/dev/null
say conf_error "$(grep -m1 'multipath\.conf:[0-9]' /tmp/kernel-log)"
say gave_up "$(grep -m1 'gave up' /tmp/kernel-log)"
say gave_up_hint "$(grep -m1 'mpath-boot diagnose' /tmp/kernel-log)"

# SPDX-License-Identifier: GPL-2.0-or-later
# On the system booted from the map: a hostonly dracut run (no kernel, to
# keep it short) finds that root sits on a multipath map and includes
# mpath-boot without being asked, in place of dracut's multipath module.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

dracut --hostonly --no-kernel --no-compress --force /tmp/hostonly.img >/tmp/dracut.out 2>&1
say hostonly_status "$?"
say hostonly_said "$(grep -m1 'takes the place' /tmp/dracut.out | sed 's/^.*mpath-boot:/mpath-boot:/')"
lsinitrd /tmp/hostonly.img >/tmp/hostonly.files 2>&1
say hostonly_has_mpath_boot "$(grep -c ' usr/sbin/mpath-boot$' /tmp/hostonly.files)"
say hostonly_has_multipathd "$(grep -c ' usr/sbin/multipathd$' /tmp/hostonly.files)"

# `mpath-boot diagnose` in the booted system finds nothing wrong. It
# compares this root's files with the initramfs /boot holds for the running
# kernel, when there is one: diag_compared says with what.
mpath-boot diagnose >/tmp/diagnose.out 2>&1
say diag_status "$?"
say diag_codes "$(sed -n '/^Findings$/,$ s/^  [0-9][0-9]*\. \([a-z-]*\):.*$/\1/p' /tmp/diagnose.out | paste -sd, -)"
say diag_compared "$(sed -n 's/^Initramfs and real root: //p' /tmp/diagnose.out)"

# Against the hostonly initramfs just built from this root (unpacked with
# lsinitrd): the same files, so nothing differs and nothing is found.
mpath-boot diagnose --initramfs /tmp/hostonly.img >/tmp/diagnose-image.out 2>&1
say diag_image_status "$?"
say diag_image_codes "$(sed -n '/^Findings$/,$ s/^  [0-9][0-9]*\. \([a-z-]*\):.*$/\1/p' /tmp/diagnose-image.out | paste -sd, -)"
say diag_image_compared "$(sed -n 's/^Initramfs and real root: //p' /tmp/diagnose-image.out)"
say diag_image_differences "$(sed -n '/^Initramfs and real root: /,/^Root$/p' /tmp/diagnose-image.out | sed '1d;$d;s/^ *//' | paste -sd';' -)"

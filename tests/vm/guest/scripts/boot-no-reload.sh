# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 12: the table mpath-boot loaded in the initramfs is the one
# multipathd wants in the real root: it is still loaded, and multipathd
# logged no reload of it.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

dmsetup table --target multipath | grep -v '^No devices' >/tmp/tables
say map_tables "$(oneline /tmp/tables)"
if cmp -s /run/mpb-initrd/tables /tmp/tables; then
    say initrd_tables_kept yes
else
    say initrd_tables_kept "no: $(diff /run/mpb-initrd/tables /tmp/tables | grep '^[<>]' | oneline /dev/stdin)"
fi
say mpathd_reloads "$(journalctl -b -u multipathd -o cat | grep -E ': (reload|addmap) \[' | oneline /dev/stdin)"
multipathd show topology >/tmp/topology 2>&1
say mpathd_topology "$(oneline /tmp/topology)"

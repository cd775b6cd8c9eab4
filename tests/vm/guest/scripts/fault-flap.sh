# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 15, fault 4: the second path flapped (unplugged and plugged in again
# five times) while the initramfs assembled. Waits, bounded, for the map of
# root to have two paths again (the last one plugged in joins it), reports
# the paths in its table (flap_table_paths: no device number of a gone
# disk may be left), then the fault scenarios' writes to root.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

n=0
while ! map_table_paths mpatha | grep -qE '^sd[a-z]+,sd[a-z]+$' && [ "$n" -lt 60 ]; do
    sleep 1
    n=$((n + 1))
done
say flap_table_paths "$(map_table_paths mpatha)"
say flap_sd_disks "$(for d in /sys/block/sd*; do basename "$d"; done | paste -sd, -)"
fault_writes

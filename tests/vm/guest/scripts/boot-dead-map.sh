# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 5, without multipath-tools: mpath-boot's view of the maps the
# initramfs built (root's and the data disk's); then the data map, set to
# queue I/O (queue_if_no_path), is mounted with unwritten data and loses
# both its paths (the scenario's faults on "MPB-STEP pull-data":
# drive_del); the power-off that follows must not hang.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

say multipath_tools "$(command -v multipathd || echo none)"
mpath-boot status >/tmp/status 2>&1
say active_paths "$(grep -c ' active undef running' /tmp/status)"

run_mpb assemble assemble 0QEMU_QEMU_HARDDISK_data0
map=$(dmsetup info -c --noheadings -o name -u "mpath-0QEMU_QEMU_HARDDISK_data0" 2>/dev/null)
dmsetup message "$map" 0 queue_if_no_path
say data_map_queues "$(dmsetup table "$map" | grep -c queue_if_no_path)"
mkdir -p /mnt/data
mount "/dev/mapper/$map-part1" /mnt/data
# Unwritten data that the unmount will have to write.
head -c 4194304 /dev/urandom >/mnt/data/dirty
say data_mounted "$(findmnt -no SOURCE /mnt/data)"
step pull-data
sleep 5
say data_paths_after_pull "$(dmsetup status "$map" | grep -o ' [AF] ' | tr -d ' ' | paste -sd, -)"

# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 4, mpath-boot alone (multipath-tools' rules removed, multipathd
# masked): assemble builds the data disk's map and its partition map, the
# partition map is mounted and written, a third path is plugged in (the
# scenario's fault on "MPB-STEP add-path"), and the next assemble adds it to
# the open, mounted map.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

for f in 60-multipath 60-kpartx 56-dm-mpath 56-dm-parts 68-del-part-nodes; do
    rm -f "/usr/lib/udev/rules.d/$f.rules"
done
retrigger
for d in sda sda1; do
    say "claim_before_$d" "$(claim_of "$d")"
done
run_mpb assemble1 assemble
for d in sda sdb sda1 sdb1; do
    say "claim_$d" "$(claim_of "$d")"
done
say part_map "$(dmsetup info -c --noheadings -o name,uuid mpathb-part1)"
mkdir -p /mnt/data
mount /dev/mapper/mpathb-part1 /mnt/data && echo "written before the new path" >/mnt/data/probe && sync
say mounted "$(findmnt -no SOURCE /mnt/data)"

step add-path
if wait_for_device sdc 90; then
    say verdict_sdc "$(prop sdc MPATH_BOOT_PATH)"
    say claim_sdc "$(claim_of sdc)"
else
    say verdict_sdc "sdc never appeared"
fi
run_mpb assemble2 assemble
say map_paths "$(slaves_of mpathb)"
say still_mounted "$(findmnt -no SOURCE /mnt/data)"
say data "$(cat /mnt/data/probe)"
mpath-boot status >/tmp/status
say status_active_paths "$(grep -c ' active undef running' /tmp/status)"
umount /mnt/data

# No usable path left: 56-mpath-boot-dm.rules marks the map so nothing
# probes it; a path back makes it ready again.
dm=$(dm_of mpathb)
devs=$(for s in /sys/block/"$dm"/slaves/*; do cat "$s/dev"; done)
for d in $devs; do
    dmsetup message mpathb 0 "fail_path $d"
done
udevadm settle --timeout=60
say dead_map "$(prop "$dm" MPATH_BOOT_MAP_READY),$(prop "$dm" DM_NOSCAN),$(prop "$dm" DM_UDEV_DISABLE_OTHER_RULES_FLAG)"
dmsetup message mpathb 0 "reinstate_path $(echo "$devs" | head -n 1)"
udevadm settle --timeout=60
say revived_map "$(prop "$dm" MPATH_BOOT_MAP_READY)"

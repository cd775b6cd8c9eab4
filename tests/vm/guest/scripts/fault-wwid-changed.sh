# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 15, fault 6 (fault-wwid-changed.scn): the data disk's map on sda
# and sdb, its partition mounted; then the LUN behind sdb is replaced
# without the guest being told ("MPB-STEP swap-lun"), the disk rescanned
# and its rules run again, as an administrator does after remapping a LUN.
# Reports the path's address and WWID before and after, udev's verdict,
# what dry-run says of sdb, the next assemble, the map's paths, the
# data, sdb's claim afterwards, any map of the new WWID and what
# multipath-tools' dry run (multipath -d) says of the path on the same state.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

for f in 60-multipath 60-kpartx 56-dm-mpath 56-dm-parts 68-del-part-nodes; do
    rm -f "/usr/lib/udev/rules.d/$f.rules"
done
retrigger
run_mpb assemble1 assemble
mkdir -p /mnt/data
mount /dev/mapper/mpathb-part1 /mnt/data && echo "written before the LUN changed" >/mnt/data/probe && sync
say mounted "$(findmnt -no SOURCE /mnt/data)"
say hctl_before "$(basename "$(readlink -f /sys/block/sdb/device)")"
say wwid_before "$(prop sdb ID_SERIAL)"

step swap-lun
# The rig fires within a second or two; the guest has no way to see it.
sleep 10
echo 1 >/sys/block/sdb/device/rescan
udevadm trigger --action=change /sys/block/sdb
udevadm settle --timeout=60
say hctl_after "$(basename "$(readlink -f /sys/block/sdb/device)")"
say wwid_after "$(prop sdb ID_SERIAL)"
say verdict_after_change "$(prop sdb MPATH_BOOT_PATH)"
mpath-boot dry-run >/tmp/dry 2>&1
say dry_run_left_out "$(sed -n 's/^  \(sdb: .*\)$/\1/p' /tmp/dry | head -n 1)"
multipath -d -v2 >/tmp/mp 2>&1
say mpath_tools_drops "$(sed -n "s/^.*| \(.*doesn't match, removing from map\)\$/\1/p" /tmp/mp)"
run_mpb assemble2 assemble
udevadm settle --timeout=60
say map_paths "$(slaves_of mpathb)"
say still_mounted "$(findmnt -no SOURCE /mnt/data)"
say data "$(cat /mnt/data/probe)"
say claim_sdb_after "$(claim_of sdb)"
say maps_of_data1 "$(dmsetup ls 2>/dev/null | grep -c data1 | grep -v '^0$' || true)"
umount /mnt/data

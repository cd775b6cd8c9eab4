# SPDX-License-Identifier: GPL-2.0-or-later
# bench/assemble, in the guest: 64 scsi_debug paths to 16 volumes (4 paths
# each); each tool builds the 16 maps from no maps and the same bindings and
# wwids, three times, interleaved. Callout rules are removed so that udev's
# work is the same for both: only the dm rules run when maps appear; so are
# sg3-utils' rules, which run sg_inq several times per disk (scsi_id's ID_WWN
# passes the property filter as well).
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

for f in 60-multipath 60-kpartx 68-del-part-nodes 61-mpath-boot 59-mpath-boot-partitions \
    55-scsi-sg3_id 58-scsi-sg3_symlink; do
    rm -f "/usr/lib/udev/rules.d/$f.rules"
done
udevadm control --reload
# sd_mod first: nothing on this guest has loaded it yet.
if ! modprobe sd_mod 2>/tmp/modprobe.err || ! modprobe scsi_debug add_host=4 max_luns=16 vpd_use_hostno=0 2>/tmp/modprobe.err; then
    say modprobe "failed: $(oneline /tmp/modprobe.err)"
    exit 0
fi
# SCSI disks bound to the sd driver.
disks() {
    count=0
    for d in /sys/bus/scsi/drivers/sd/*:*; do
        [ -e "$d" ] && count=$((count + 1))
    done
    echo "$count"
}
waited=0
while [ "$(disks)" -lt 64 ] && [ "$waited" -lt 600 ]; do
    sleep 2
    waited=$((waited + 2))
done
udevadm settle --timeout=600
say paths "$(disks)"

cp /etc/multipath/bindings /tmp/bindings.0
cp /etc/multipath/wwids /tmp/wwids.0
reset_state() {
    dmsetup remove_all
    udevadm settle --timeout=120
    cp /tmp/bindings.0 /etc/multipath/bindings
    cp /tmp/wwids.0 /etc/multipath/wwids
}
maps() { dmsetup ls --target multipath | grep -vc '^No devices'; }
# Seconds a command takes, to the millisecond.
timed() {
    a=$(date +%s%N)
    "$@" >/dev/null 2>/tmp/timed.err
    b=$(date +%s%N)
    echo "$(((b - a) / 1000000))" | awk '{ printf "%.3f", $1 / 1000 }'
}

runs_ours="" runs_theirs=""
for _ in 1 2 3; do
    reset_state
    runs_ours="$runs_ours $(timed mpath-boot assemble)"
    maps_ours=$(maps)
    reset_state
    runs_theirs="$runs_theirs $(timed multipath)"
    maps_theirs=$(maps)
done
mean() { echo "$1" | awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.3f", s / NF }'; }
say runs_mpath_boot "${runs_ours# }"
say runs_multipath "${runs_theirs# }"
say mean_mpath_boot "$(mean "$runs_ours")"
say mean_multipath "$(mean "$runs_theirs")"
say maps_mpath_boot "$maps_ours"
say maps_multipath "$maps_theirs"

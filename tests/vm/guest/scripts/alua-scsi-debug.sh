# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 12: scsi_debug with 4 hosts, 8 LUNs each, one WWID per LUN whatever
# the host (vpd_use_hostno=0): 8 volumes x 4 paths. With vpd_use_hostno=0
# the driver reports implicit ALUA, each host in its own target port group
# in the state host_no % 3 (active/optimized, active/non-optimized,
# standby). With multipathd stopped, mpath-boot's dry-run must be
# multipath -d -v2's for all 8 maps.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

# The sd disks scsi_debug made, by their model.
debug_disks() {
    for d in /sys/block/sd*; do
        # the inquiry model, padded with spaces
        case $(cat "$d/device/model" 2>/dev/null) in scsi_debug*) basename "$d" ;; esac
    done
}

# Waits up to 120 s for $1 scsi_debug disks with an access_state, then
# for udev.
wait_for_disks() {
    n=0
    while [ "$(debug_disks | wc -l)" -lt "$1" ] && [ "$n" -lt 120 ]; do
        sleep 1
        n=$((n + 1))
    done
    udevadm settle --timeout=120
}

# "H:state" for each scsi_debug host: the ALUA state its paths report.
host_states() {
    for d in $(debug_disks); do
        hctl=$(basename "$(readlink -f "/sys/block/$d/device")")
        echo "${hctl%%:*}:$(cat "/sys/block/$d/device/access_state")"
    done | sort -u | paste -sd, -
}

dmesg -n 1
stop_multipathd
modprobe scsi_dh_alua
modprobe scsi_debug add_host=4 num_tgts=1 max_luns=8 vpd_use_hostno=0
wait_for_disks 32
say sdebug_paths "$(debug_disks | wc -l)"
say sdebug_wwids "$(for d in $(debug_disks); do prop "$d" ID_SERIAL; done | sort -u | wc -l)"
say sdebug_host_states "$(host_states)"
say sdebug_dh_states "$(for d in $(debug_disks); do cat "/sys/block/$d/device/dh_state"; done | sort -u | paste -sd, -)"
compare_dry_runs sdebug

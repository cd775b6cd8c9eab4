# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the guest scripts (tests/vm/guest/scripts): reporting and
# bounded waits. POSIX sh: the guest's /bin/sh is dash.
# shellcheck shell=sh

say() { echo "MPB-RESULT $1=$2" >/dev/ttyS0; }

# Tells the rig a step is reached; a scenario fault can wait for it.
step() { echo "MPB-STEP $1" >/dev/ttyS0; }

# A file's lines joined with ";" (results are one line each).
oneline() { tr '\n' ';' <"$1" | sed 's/;$//'; }

prop() { udevadm info -q property -n "$1" 2>/dev/null | sed -n "s/^$2=//p"; }

# The verdict of multipath-tools' callout for disk $1, run as udev runs it:
# with the device's properties from the udev database in its environment.
mpath_tools_verdict() {
    eval "set -- $1 $(udevadm info -q property --export -n "$1" | tr '\n' ' ') ACTION=change"
    dev=$1
    shift
    env -i "$@" /sbin/multipath -u "$dev" | sed -n 's/^DM_MULTIPATH_DEVICE_PATH="\{0,1\}\([0-9]\)"\{0,1\}$/\1/p'
}

# SYSTEMD_READY,DM_MULTIPATH_DEVICE_PATH,ID_FS_TYPE of a device.
claim_of() { echo "$(prop "$1" SYSTEMD_READY),$(prop "$1" DM_MULTIPATH_DEVICE_PATH),$(prop "$1" ID_FS_TYPE)"; }

# Re-runs every block device's rules (with the rules installed now) and
# waits for udev, bounded.
retrigger() {
    udevadm control --reload
    udevadm trigger --action=change --subsystem-match=block
    udevadm settle --timeout=60
}

# Waits up to $2 seconds for block device $1.
wait_for_device() {
    n=0
    while [ ! -e "/sys/class/block/$1" ] && [ "$n" -lt "$2" ]; do
        sleep 1
        n=$((n + 1))
    done
    udevadm settle --timeout=60
    [ -e "/sys/class/block/$1" ]
}

# Runs mpath-boot with the arguments; reports "status=N;stdout lines" as $1
# and stderr as $1_err.
run_mpb() {
    key=$1
    shift
    mpath-boot "$@" >/tmp/mpb.out 2>/tmp/mpb.err
    say "$key" "status=$?;$(oneline /tmp/mpb.out)"
    say "${key}_err" "$(oneline /tmp/mpb.err)"
}

# "dm-N" of map $1.
dm_of() { basename "$(readlink -f "/dev/mapper/$1")"; }

# The path devices of map $1, comma-separated.
slaves_of() {
    for s in "/sys/block/$(dm_of "$1")/slaves"/*; do
        basename "$s"
    done | paste -sd, -
}

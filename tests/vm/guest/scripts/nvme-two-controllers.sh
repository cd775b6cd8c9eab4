# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 12: one NVMe namespace behind two controllers of one subsystem.
# With the kernel's native NVMe multipath (nvme_core multipath=Y) the
# kernel shows one head device, nvme0n1, over hidden per-controller paths:
# multipath-tools leaves it alone, and so must mpath-boot, even with its
# WWID listed in the wwids file. With nvme_core.multipath=N the kernel
# shows nvme0n1 and nvme1n1, two paths of one dm map. Either way mpath-boot
# must decide what multipath -u and multipath -d -v2 decide. The scenarios
# mask multipathd (kernel command line): at boot it would build the map
# before the comparison.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

nvme_disks() {
    find /sys/class/block -maxdepth 1 -name 'nvme*' ! -name '*p[0-9]*' -printf '%f\n' | sort
}

# "DEV:mpath-boot=V,multipath-tools=V" for each NVMe disk udev knows.
verdicts() {
    for d in $(nvme_disks); do
        [ -e "/dev/$d" ] || continue
        echo "$d:mpath-boot=$(mpb_verdict "$d"),multipath-tools=$(mpath_tools_verdict "$d")"
    done | paste -sd' ' -
}

hidden() { [ "$(cat "/sys/class/block/$1/hidden" 2>/dev/null)" = 1 ]; }

# The NVMe disks the kernel does not hide (the head device, or one
# namespace disk per controller), bounded by 60 s for the first.
visible_disks() {
    for d in $(nvme_disks); do hidden "$d" || echo "$d"; done
}

wait_for_nvme() {
    n=0
    while [ -z "$(visible_disks)" ] && [ "$n" -lt 60 ]; do
        sleep 1
        n=$((n + 1))
    done
    udevadm settle --timeout=60
}

stop_multipathd
wait_for_nvme
say nvme_core_multipath "$(cat /sys/module/nvme_core/parameters/multipath)"
say nvme_disks "$(nvme_disks | paste -sd, -)"
say nvme_hidden "$(for d in $(nvme_disks); do hidden "$d" && echo "$d"; done | paste -sd, -)"
wwid=$(prop "$(visible_disks | head -n 1)" ID_WWN)
say nvme_wwid "$wwid"
# The WWID listed, as an installer would have: find_multipaths yes then
# claims every path of it that the tools take for a path at all.
echo "/$wwid/" >>/etc/multipath/wwids
retrigger
say verdicts "$(verdicts)"
compare_dry_runs dry
run_mpb assemble assemble
say maps_built "$(dmsetup ls --target multipath | awk '$1 != "No" {print $1}' | while read -r m; do echo "$m:$(slaves_of "$m")"; done | paste -sd' ' -)"

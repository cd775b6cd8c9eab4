# SPDX-License-Identifier: GPL-2.0-or-later
# bench/assemble, in the guest. For each size VOLUMESxPATHS of the kernel
# command line's mpb.bench.sizes (default "16x4,64x4"), scsi_debug gives
# PATHS hosts with VOLUMES LUNs each (vpd_use_hostno=0: LUN N of every
# host is one volume); their WWIDs are added to the wwids file and the
# paths' rules run again, so that they are claimed as in an initramfs
# whose wwids lists them. Then, mpb.bench.rounds times (default 3),
# interleaved, each of three builds makes every map from no maps and the
# same bindings and wwids: `mpath-boot assemble`, multipath-tools'
# `multipath`, and the naive floor, one `dmsetup create` per map (each
# waiting for udev, dmsetup's default) of the tables mpath-boot built, then
# `udevadm settle`; and to tell each tool's own work from its waits for
# udev, both tools once more with DM_DISABLE_UDEV=1 (libdevmapper makes the
# nodes itself and waits for no udev cookie; udev still runs the rules of
# every event, and reset_state waits for them before the next build).
# Reports per size (KEY_VxP): paths, how long udev took
# to settle after the module load (setup_seconds), how many paths udev
# claimed, the CPU time of each tool's udev callout run once on every path
# (callout_cpu_*), the times of each build, their means, and the maps each
# made.
# multipath-tools' callout rules are removed (mpath-boot's claim the paths
# with DM_MULTIPATH_DEVICE_PATH=1, so neither tool asks udev to claim them
# again after building a map, and udev's work is the same for all three:
# the dm rules of each new map); so are sg3-utils' rules, which run sg_inq
# several times per disk.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

for f in 60-multipath 60-kpartx 68-del-part-nodes 55-scsi-sg3_id 58-scsi-sg3_symlink; do
    rm -f "/usr/lib/udev/rules.d/$f.rules"
done
udevadm control --reload
# The kernel's lines about each new disk and map, on the emulated serial
# console, cost more than udev's work under TCG; kept in the ring buffer.
dmesg -n 1

# SCSI disks bound to the sd driver.
disks() {
    count=0
    for d in /sys/bus/scsi/drivers/sd/*:*; do
        [ -e "$d" ] && count=$((count + 1))
    done
    echo "$count"
}

# Milliseconds since the epoch.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Seconds from $1 (now_ms) to now, to the millisecond.
since() { echo "$(($(now_ms) - $1))" | awk '{ printf "%.3f", $1 / 1000 }'; }

# Loads scsi_debug with $2 hosts of $1 LUNs; waits (bounded) until every
# disk is bound and udev has settled. Prints the seconds that took.
load_devices() {
    start=$(now_ms)
    modprobe scsi_debug add_host="$2" max_luns="$1" vpd_use_hostno=0 2>/tmp/modprobe.err || return 1
    waited=0
    while [ "$(disks)" -lt $(($1 * $2)) ] && [ "$waited" -lt 1200 ]; do
        sleep 2
        waited=$((waited + 2))
    done
    udevadm settle --timeout=1200
    since "$start"
}

unload_devices() {
    dmsetup remove_all
    udevadm settle --timeout=300
    rmmod scsi_debug
    udevadm settle --timeout=300
}

reset_state() {
    dmsetup remove_all
    udevadm settle --timeout=300
    cp /tmp/bindings.0 /etc/multipath/bindings
    cp /tmp/wwids.size /etc/multipath/wwids
}

# Lists every path's WWID (ID_SERIAL, the uid attribute of both tools) in
# the wwids file the runs start from, then has udev judge the paths again.
list_wwids() {
    cp /tmp/wwids.0 /tmp/wwids.size
    for d in /sys/bus/scsi/drivers/sd/*:*/block/*; do
        udevadm info -q property -n "${d##*/}" | sed -n 's|^ID_SERIAL=\(.*\)$|/\1/|p'
    done | sort -u >>/tmp/wwids.size
    cp /tmp/wwids.size /etc/multipath/wwids
    udevadm trigger --action=change --subsystem-match=block --sysname-match='sd*'
    udevadm settle --timeout=600
}

claimed() {
    n=0
    for d in /sys/bus/scsi/drivers/sd/*:*/block/*; do
        [ "$(prop "${d##*/}" MPATH_BOOT_PATH)" = 1 ] && n=$((n + 1))
    done
    echo "$n"
}

maps() { dmsetup ls --target multipath | grep -vc '^No devices'; }

# The udev callout at coldplug: each tool's callout once on every path
# (listed in wwids, claimed), with the environment udev hands it
# (ACTION=add). Prints the CPU seconds, user + system, of all its runs: the
# children's line of `times` in a shell that only runs them.
callout_cpu() {
    for d in /sys/bus/scsi/drivers/sd/*:*/block/*; do
        dev=${d##*/}
        echo "$dev $(udevadm info -q property --export -n "$dev" | tr '\n' ' ') ACTION=add"
    done >/tmp/callout.env
    # shellcheck disable=SC2016 # expanded by the inner shell
    sh -c 'while read -r dev env; do
            eval "env -i $env $1 \"\$dev\"" >/dev/null 2>&1
        done </tmp/callout.env
        times' sh "$1" | tail -n 1 |
        awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } printf "%.2f", s }'
}

# "NAME UUID TABLE" of every multipath map, for the naive floor.
save_tables() {
    for name in $(dmsetup ls --target multipath | awk '$1 != "No" {print $1}'); do
        echo "$name $(dmsetup info -c --noheadings -o uuid "$name") $(dmsetup table "$name")"
    done >/tmp/tables
}

# The naive floor, run by `sh -c` (build's `times` needs a process).
# shellcheck disable=SC2016 # expanded by that shell
naive_floor='while read -r name uuid table; do
        dmsetup create "$name" --uuid "$uuid" --table "$table"
    done </tmp/tables
    udevadm settle --timeout=300'

# CPU seconds user + system of the `times` line on standard input.
cpu_of_times() {
    awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } printf "%.2f", s }'
}

# Clock ticks all CPUs have been busy since boot (user, nice, system, irq,
# softirq).
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
hz=$(getconf CLK_TCK)

# Runs build NAME (the command after it) once and appends to
# /tmp/NAME.{runs,busy,own}: its wall time, the CPU time the whole guest
# spent meanwhile (the build's own and udev's work on its events), and the
# build's own CPU time, in seconds.
build() {
    name=$1
    shift
    b=$(busy_ticks)
    a=$(now_ms)
    # shellcheck disable=SC2016 # expanded by the inner shell
    own=$(sh -c '"$@" >/dev/null 2>/tmp/timed.err; times' sh "$@" | tail -n 1 | cpu_of_times)
    printf ' %s' "$(since "$a")" >>"/tmp/$name.runs"
    printf ' %s' "$(echo "$(busy_ticks) $b" | awk -v hz="$hz" '{ printf "%.2f", ($1 - $2) / hz }')" >>"/tmp/$name.busy"
    printf ' %s' "$own" >>"/tmp/$name.own"
}

mean() { echo "$1" | awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.3f", s / NF }'; }

# Runs the five builds $3 times on $1 volumes x $2 paths; reports them.
bench_size() {
    size="$1x$2"
    if ! setup=$(load_devices "$1" "$2"); then
        say "modprobe_$size" "failed: $(oneline /tmp/modprobe.err)"
        return 0
    fi
    say "paths_$size" "$(disks)"
    say "setup_seconds_$size" "$setup"
    list_wwids
    say "claimed_$size" "$(claimed)"
    say "callout_cpu_mpath_boot_$size" "$(callout_cpu '/usr/sbin/mpath-boot udev-check')"
    say "callout_cpu_multipath_$size" "$(callout_cpu '/sbin/multipath -u')"
    rm -f /tmp/*.runs /tmp/*.busy /tmp/*.own
    round=0
    while [ "$round" -lt "$3" ]; do
        reset_state
        build mpath_boot mpath-boot assemble
        maps_ours=$(maps)
        save_tables
        reset_state
        build multipath multipath
        maps_theirs=$(maps)
        reset_state
        build floor sh -c "$naive_floor"
        maps_floor=$(maps)
        reset_state
        build mpath_boot_nosync env DM_DISABLE_UDEV=1 mpath-boot assemble
        maps_ours_nosync=$(maps)
        reset_state
        build multipath_nosync env DM_DISABLE_UDEV=1 multipath
        maps_theirs_nosync=$(maps)
        round=$((round + 1))
    done
    for name in mpath_boot multipath floor mpath_boot_nosync multipath_nosync; do
        for what in runs busy own; do
            values=$(sed 's/^ //' "/tmp/$name.$what")
            key=${name}_$size
            [ "$what" = runs ] || key=${what}_$key
            say "runs_$key" "$values"
            say "mean_$key" "$(mean "$values")"
        done
    done
    say "maps_$size" "mpath-boot $maps_ours, multipath $maps_theirs, floor $maps_floor"
    say "maps_nosync_$size" "mpath-boot $maps_ours_nosync, multipath $maps_theirs_nosync"
    unload_devices
}

modprobe sd_mod
cp /etc/multipath/bindings /tmp/bindings.0
cp /etc/multipath/wwids /tmp/wwids.0
sizes=$(cmdline_option mpb.bench.sizes "16x4,64x4")
say sizes "$sizes"
for size in $(echo "$sizes" | tr ',' ' '); do
    bench_size "${size%x*}" "${size#*x}" "$(cmdline_option mpb.bench.rounds 3)"
done

# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the guest scripts (tests/vm/guest/scripts): reporting and
# bounded waits. POSIX sh: the guest's /bin/sh is dash.
# shellcheck shell=sh

say() { echo "MPB-RESULT $1=$2" >/dev/ttyS0; }

# Tells the rig a step is reached; a scenario fault can wait for it. The
# guest's uptime shows in the console where a boot spends its time.
step() { echo "MPB-STEP $1 at $(cut -d' ' -f1 /proc/uptime)" >/dev/ttyS0; }

# The paths initramfs image $1 holds, one a line (usr/sbin/mpath-boot), and
# the file $2 in it on stdout. The rig's images are one gzip'd cpio
# (90-mpb-rig.conf: gzip, no early microcode), which zcat and cpio read in
# a second or two under TCG; lsinitrd, a shell script of many processes,
# took 15-20 s a call.
initrd_paths() { zcat "$1" | cpio -t --quiet 2>/dev/null; }
initrd_file() { zcat "$1" | cpio -i --quiet --to-stdout "$2" 2>/dev/null; }

# A file's lines joined with ";" (results are one line each).
oneline() { tr '\n' ';' <"$1" | sed 's/;$//'; }

# A kernel command line option's value, $2 when absent.
cmdline_option() {
    v=$(tr ' ' '\n' </proc/cmdline | sed -n "s/^$1=//p" | tail -n 1)
    echo "${v:-$2}"
}

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

# The dm name of block device $1 (a path, a link, or a kernel name), else
# its kernel name.
dm_name_of() {
    dev=$(basename "$(readlink -f "/dev/${1#/dev/}")")
    cat "/sys/class/block/$dev/dm/name" 2>/dev/null || echo "$dev"
}

# The path devices of map $1, comma-separated.
slaves_of() {
    for s in "/sys/block/$(dm_of "$1")/slaves"/*; do
        basename "$s"
    done | paste -sd, -
}

# The maps of a text in the shape of `multipath -d -v2` ($1): each map's
# header (the line before "size=": "ACTION: NAME (WWID) DM VENDOR,PRODUCT";
# 0.9.4's dry run prints an empty ACTION), size line and group and path
# tree, one map a line (its lines joined by " | "), maps sorted; nothing
# else of the text (mpath-boot's "would add" and "left out" parts).
map_blocks() {
    awk '/^size=/ { b = prev " | " $0; inb = 1; next }
        inb && (/^[|`]/ || /^  [|`]/) { b = b " | " $0; next }
        { if (inb) print b; inb = 0; prev = $0 }
        END { if (inb) print b }' "$1" | sort
}

# The decisions in map lines from map_blocks: without the header's action
# and dm name (0.9.4's dry run prints ": NAME (WWID) undef", mpath-boot
# "create: NAME (WWID) dm-?") or column padding (an NVMe model's, the
# device names'), and each path as "H:C:T:L DEV MAJ:MIN
# ONLINE" without the dm and checker states (multipath -d runs the path
# checkers: "undef ready running"; mpath-boot has none).
decisions() {
    sed -E 's/^[a-z]*: ([^ ]+( \([^)]*\))?) [^ ]+ /\1 /
        s/([^ |]) {2,}/\1 /g
        s/ ([0-9]+:[0-9]+) +[^ |]+ +[^ |]+ +([^ |]+)( \||$)/ \1 \2\3/g' "$1"
}

# Compares the maps `mpath-boot dry-run` would build with those
# `multipath -d -v2` would (multipathd must be stopped). Reports $1_multipath
# and $1_mpath_boot (the maps, ";" between maps), $1_maps (how many
# multipath-tools would build), $1_same ("yes" when the decisions are the
# same: names, WWIDs, sizes, features, handler, groups, their order and
# priorities, paths; else "no: " and the diff) and $1_text_same (the same
# for the whole text).
compare_dry_runs() {
    modprobe dm_multipath
    mpath-boot dry-run >"/tmp/$1.mpb" 2>"/tmp/$1.mpb.err" || true
    multipath -d -v2 >"/tmp/$1.mp" 2>"/tmp/$1.mp.err" || true
    map_blocks "/tmp/$1.mpb" >"/tmp/$1.mpb.maps"
    map_blocks "/tmp/$1.mp" >"/tmp/$1.mp.maps"
    say "$1_multipath" "$(oneline "/tmp/$1.mp.maps")"
    say "$1_mpath_boot" "$(oneline "/tmp/$1.mpb.maps")"
    say "$1_maps" "$(grep -c . "/tmp/$1.mp.maps")"
    decisions "/tmp/$1.mp.maps" >"/tmp/$1.mp.decisions"
    decisions "/tmp/$1.mpb.maps" >"/tmp/$1.mpb.decisions"
    say "$1_same" "$(same_or_diff "/tmp/$1.mp.decisions" "/tmp/$1.mpb.decisions")"
    say "$1_text_same" "$(same_or_diff "/tmp/$1.mp.maps" "/tmp/$1.mpb.maps")"
}

# "yes" when the maps (lines) in files $1 (multipath-tools') and $2
# (mpath-boot's) are the same, else "no: ", how many maps only each has,
# and the first of each.
same_or_diff() {
    if cmp -s "$1" "$2"; then
        echo yes
    else
        diff "$1" "$2" | grep '^[<>]' >/tmp/same_or_diff || true
        echo "no: $(grep -c '^<' /tmp/same_or_diff) only multipath-tools', $(grep -c '^>' /tmp/same_or_diff) only mpath-boot's; $(grep -m1 '^<' /tmp/same_or_diff);$(grep -m1 '^>' /tmp/same_or_diff)"
    fi
}

# Stops multipathd and its socket (a `multipath` call would start it again).
stop_multipathd() {
    systemctl stop multipathd.socket multipathd.service
}

# The verdict of `mpath-boot udev-check` for disk $1, run as udev runs it:
# with the device's properties from the udev database in its environment.
mpb_verdict() {
    eval "set -- $1 $(udevadm info -q property --export -n "$1" | tr '\n' ' ') ACTION=change"
    dev=$1
    shift
    env -i "$@" /usr/sbin/mpath-boot udev-check "$dev" 2>/dev/null | sed -n 's/^DM_MULTIPATH_DEVICE_PATH="\{0,1\}\([0-9]\)"\{0,1\}$/\1/p'
}

# Writes $1 MiB of random data to block device $2 in 256 KiB chunks
# (O_DIRECT, each synced), runs the command $4 after a quarter of them,
# then reads the data back past the page cache. Reports $3_chunks (chunks
# written) and $3_checksum ("same" or both sums).
write_through() {
    chunks=$(($1 * 4))
    head -c "$(($1 * 1048576))" /dev/urandom >/tmp/writes
    i=0
    while [ "$i" -lt "$chunks" ]; do
        if [ "$i" -eq $((chunks / 4)) ]; then $4; fi
        dd if=/tmp/writes of="$2" bs=256K skip="$i" seek="$i" count=1 oflag=direct conv=notrunc,fsync status=none || break
        i=$((i + 1))
    done
    say "$3_chunks" "$i"
    want=$(sha256sum </tmp/writes | cut -d' ' -f1)
    got=$(dd if="$2" bs=256K count="$chunks" iflag=direct status=none | sha256sum | cut -d' ' -f1)
    if [ "$want" = "$got" ]; then say "$3_checksum" same; else say "$3_checksum" "differs: $want $got"; fi
}

# Appends 64 chunks of 256 KiB of random data to file $1, each synced,
# until a write or sync fails; after 16 it tells the rig to pull a path
# (MPB-STEP pull-path) and gives it 5 s. Reports $2chunks_written.
append_chunks_under_pull() {
    i=0
    while [ "$i" -lt 64 ]; do
        [ "$i" -eq 16 ] && step pull-path && sleep 5
        head -c 262144 /dev/urandom >>"$1" || break
        sync "$1" || break
        i=$((i + 1))
    done
    say "$2chunks_written" "$i"
}

# append_chunks_under_pull, then reads the file back past the page cache.
# Reports $2chunks_written and $2checksum ("same" or both sums).
write_file_under_pull() {
    append_chunks_under_pull "$1" "$2"
    before=$(sha256sum "$1" | cut -d' ' -f1)
    sync
    echo 3 >/proc/sys/vm/drop_caches
    after=$(sha256sum "$1" | cut -d' ' -f1)
    if [ "$before" = "$after" ]; then say "$2checksum" same; else say "$2checksum" "differs: $before $after"; fi
}

# The paths in map $1's table as the kernel has it, by kernel name (the
# device number, "8:16", when no device has it any more), comma-separated.
map_table_paths() {
    for d in $(dmsetup table "$1" | tr ' ' '\n' | grep -E '^[0-9]+:[0-9]+$'); do
        basename "$(readlink -f "/sys/dev/block/$d")"
    done | paste -sd, -
}

# How many kernel log lines say the filesystem or the block layer saw an
# I/O error: ext4 errors and warnings, buffer and block I/O errors.
fs_error_lines() {
    dmesg | grep -cE 'EXT4-fs (error|warning)|Buffer I/O error|I/O error, dev dm-' || true
}

# The fault scenarios' writes (issue 15): write_file_under_pull on
# /var/tmp/mpb-writes (chunks_written, checksum), then what root was
# written on (written_root), the paths the kernel's map mpatha holds
# (root_map_slaves) and those dm-multipath failed (dm_failed_paths).
fault_writes() {
    rm -f /var/tmp/mpb-writes
    write_file_under_pull /var/tmp/mpb-writes ""
    say written_root "$(findmnt -no SOURCE /)"
    say root_map_slaves "$(slaves_of mpatha)"
    say dm_failed_paths "$(dm_failed_paths)"
}

# write_file_under_pull on file $1, then waits (bounded) for dm to fail the
# pulled path: it does when I/O on it errors or multipathd's checker finds
# it, and the writes may all have gone down the other path. Reports, with
# prefix pull_, how long that took, the failed paths and multipathd's
# view; removes the file.
write_under_pull() {
    write_file_under_pull "$1" pull_
    n=0
    while ! dmesg | grep -q 'device-mapper: multipath: .*Failing path' && [ "$n" -lt 60 ]; do
        sleep 1
        n=$((n + 1))
    done
    say pull_fail_wait_seconds "$n"
    say pull_dm_failed_paths "$(dm_failed_paths)"
    say pull_map_paths "$(multipathd show paths raw format "%d:%t" 2>/dev/null | sort | paste -sd, -)"
    rm -f "$1"
}

# The paths the kernel's dm-multipath failed, "8:0,...", from its log.
dm_failed_paths() {
    dmesg | sed -n 's/.*device-mapper: multipath: [0-9:]*: Failing path \([0-9:]*\)\./\1/p' | sort -u | paste -sd, -
}

# ----- installers (install-kickstart.sh, install.sh) ---------------------
# They keep each step's output in the file $log and report the first step
# that failed.
log=${log:-/tmp/install.log}

# Reports step $1 failed with the end of the log, and stops the install.
failed() {
    say install_failed_step "$1"
    say install_failed_log "$(tail -n 5 "$log" | tr '\n' ';')"
    return 1
}

# Runs step $1 (the rest of the arguments), its output in the log.
run() {
    name=$1
    shift
    echo "== $name: $*" >>"$log"
    "$@" >>"$log" 2>&1 || failed "$name"
}

# The name of the multipath map of WWID $1, empty when there is none.
map_of() {
    dm=$(readlink -f "/dev/disk/by-id/dm-uuid-mpath-$1" 2>/dev/null) || return 0
    [ -e "/sys/block/${dm##*/}/dm/name" ] && cat "/sys/block/${dm##*/}/dm/name"
}

# The first sd disk that has a WWID: the target (root is on virtio).
target_path() {
    for d in /sys/block/sd*; do
        [ -e "$d" ] || continue
        [ -n "$(prop "${d##*/}" ID_SERIAL)" ] && echo "${d##*/}" && return
    done
}

# Sets map to the map of the target disk, WWID $1, made by `mpath-boot
# assemble` when multipathd did not make one.
target_map() {
    map=$(map_of "$1")
    if [ -z "$map" ]; then
        run assemble mpath-boot assemble || return 1
        udevadm settle --timeout=60
        map=$(map_of "$1")
    fi
    [ -n "$map" ] || { echo "no map for $1" >>"$log" && failed map; }
}

# Removes the partition maps of map $1.
remove_partition_maps() {
    udevadm settle --timeout=60
    for p in /dev/mapper/"$1"-part*; do
        [ -e "$p" ] || continue
        run remove-part dmsetup remove "${p##*/}" || return 1
    done
}

# Map $1 for use whole: its partition maps removed and its partition table
# wiped (pvcreate refuses a partitioned device).
whole_map() {
    remove_partition_maps "$1" || return 1
    run wipefs wipefs -a "/dev/mapper/$1" || return 1
    udevadm settle --timeout=60
}

# Writes the sfdisk table $2 onto map $1 (its old partition maps removed
# first), then waits for its partition map $1-part$3: made by udev's rules
# on the change event, else by `mpath-boot assemble`, else by kpartx.
partition_map() {
    remove_partition_maps "$1" || return 1
    printf '%b' "$2" >/tmp/table
    run sfdisk sfdisk -q --no-reread --no-tell-kernel "/dev/mapper/$1" </tmp/table || return 1
    udevadm trigger --action=change --settle "/dev/mapper/$1"
    udevadm settle --timeout=60
    [ -e "/dev/mapper/$1-part$3" ] || run assemble-part mpath-boot assemble || return 1
    udevadm settle --timeout=60
    [ -e "/dev/mapper/$1-part$3" ] || run kpartx kpartx -a -p -part "/dev/mapper/$1" || return 1
    [ -e "/dev/mapper/$1-part$3" ] || { echo "no /dev/mapper/$1-part$3" >>"$log" && failed partition; }
}

# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 12: a real SCSI target with ALUA in the guest. LIO (configfs only)
# exports one fileio LUN through two loopback target ports, port A in ALUA
# group tpg_a (active/optimized), port B in tpg_b (active/non-optimized).
# With multipathd stopped, mpath-boot's dry-run must be multipath -d -v2's,
# its assemble must load the table multipath loads, and multipathd started
# afterwards must keep it. Writes go on while port A turns unavailable.
# Then the states are swapped (B active/optimized, A standby) and the
# dry-runs must agree again, B's group first.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

cfg=/sys/kernel/config/target
lun=$cfg/core/fileio_0/mpblun

# The backstore: a 64 MiB file whose unit serial makes the WWID, and the
# two target port groups.
make_backstore() {
    modprobe -a configfs target_core_mod target_core_file tcm_loop scsi_dh_alua
    mountpoint -q /sys/kernel/config || mount -t configfs configfs /sys/kernel/config
    truncate -s 64M /var/tmp/lio.img
    mkdir -p "$lun"
    echo "fd_dev_name=/var/tmp/lio.img,fd_dev_size=67108864" >"$lun/control"
    echo mpbalua0 >"$lun/wwn/vpd_unit_serial"
    echo 1 >"$lun/enable"
    for g in a:1 b:2; do
        mkdir "$lun/alua/tpg_${g%:*}"
        echo "${g#*:}" >"$lun/alua/tpg_${g%:*}/tg_pt_gp_id"
    done
}

sd_disks() { find /sys/block -maxdepth 1 -name 'sd*' -printf '%f\n' | sort; }

# port X: a loopback target port (its own SCSI host) with the backstore as
# LUN 0, in group tpg_X; prints the sd disk that appears, bounded by 30 s.
make_port() {
    tpg=$cfg/loopback/naa.50014050000000${1}1/tpgt_1
    sd_disks >/tmp/sd.before
    mkdir -p "$tpg/lun/lun_0"
    echo "naa.50014050000001${1}1" >"$tpg/nexus"
    ln -s "$lun" "$tpg/lun/lun_0/mpblun"
    echo "tpg_$1" >"$tpg/lun/lun_0/alua_tg_pt_gp"
    n=0
    while [ "$n" -lt 30 ]; do
        new=$(sd_disks | comm -13 /tmp/sd.before -)
        [ -n "$new" ] && echo "$new" && return 0
        sleep 1
        n=$((n + 1))
    done
}

# states A B: sets the ALUA states of the groups (0 active/optimized,
# 1 active/non-optimized, 2 standby, 3 unavailable).
set_states() {
    echo "$1" >"$lun/alua/tpg_a/alua_access_state"
    echo "$2" >"$lun/alua/tpg_b/alua_access_state"
}

state_of() { cat "/sys/block/$1/device/access_state" 2>/dev/null; }

# Rescans both paths (the group or state the kernel knows is stale), waits
# up to 20 s for their access_state to be $1 and $2, and has udev see them
# again. Reports $3 as "A's state,B's state".
rescan() {
    for d in "$pa" "$pb"; do echo 1 >"/sys/block/$d/device/rescan"; done
    n=0
    while [ "$(state_of "$pa"),$(state_of "$pb")" != "$1,$2" ] && [ "$n" -lt 20 ]; do
        sleep 1
        n=$((n + 1))
    done
    udevadm trigger --action=change "/sys/block/$pa" "/sys/block/$pb"
    udevadm settle --timeout=60
    say "$3" "$(state_of "$pa"),$(state_of "$pb")"
}

# The port (A or B) of the first path line of map text $1.
first_port() {
    first=$(grep -m1 -oE ' sd[a-z]+ [0-9]+:[0-9]+ ' "$1" | head -n 1 | awk '{print $1}')
    case $first in "$pa") echo A ;; "$pb") echo B ;; *) echo "none: $first" ;; esac
}

map_table() { dmsetup table "$1" 2>/dev/null; }

# mpath-boot assemble builds the map; multipathd started afterwards must
# keep its table: unchanged, no reload logged.
assemble_and_adopt() {
    run_mpb assemble1 assemble
    map=$(dmsetup ls --target multipath | awk '$1 != "No" {print $1; exit}')
    map_table "$map" >/tmp/table.mpb
    say table_mpath_boot "$(cat /tmp/table.mpb)"
    since=$(date '+%Y-%m-%d %H:%M:%S')
    systemctl start multipathd.service
    sleep 5
    map_table "$map" >/tmp/table.mpathd
    say table_multipathd "$(cat /tmp/table.mpathd)"
    if cmp -s /tmp/table.mpb /tmp/table.mpathd; then say mpathd_table_unchanged yes; else say mpathd_table_unchanged no; fi
    say mpathd_reloads "$(journalctl -b -u multipathd --since "$since" -o cat | grep -E ': (reload|addmap) \[' | oneline /dev/stdin)"
    stop_multipathd
}

# Writes to the map while port A, whose group is in use, turns unavailable;
# reports how dm sees A and B afterwards (A failed, F, when I/O left it).
writes_while_unavailable() {
    write_through 8 "/dev/mapper/$map" unavail "set_states 3 1"
    status=$(dmsetup status "$map")
    say unavail_dm_paths "A:$(path_flag "$pa" "$status"),B:$(path_flag "$pb" "$status")"
    say unavail_state_a "$(state_of "$pa")"
}

# The dm state (A or F) of path device $1 in the status line $2.
path_flag() {
    devnum=$(cat "/sys/block/$1/dev")
    echo "$2" | tr ' ' '\n' | grep -A1 -x "$devnum" | tail -n 1
}

stop_multipathd
make_backstore
pa=$(make_port a)
pb=$(make_port b)
say lio_paths "$(echo "$pa" "$pb" | wc -w)"
set_states 0 1
rescan active/optimized active/non-optimized states1
say dh_states "$(cat "/sys/block/$pa/device/dh_state"),$(cat "/sys/block/$pb/device/dh_state")"
say lio_wwid "$(prop "$pa" ID_SERIAL)"
compare_dry_runs dry1
say dry1_multipath_first "$(first_port /tmp/dry1.mp.maps)"
assemble_and_adopt
writes_while_unavailable
# Swapped: B active/optimized, A standby; no map, so both tools create one.
set_states 2 0
rescan standby active/optimized states2
multipath -f "$map" || dmsetup remove "$map"
compare_dry_runs dry2
say dry2_multipath_first "$(first_port /tmp/dry2.mp.maps)"
say dry2_mpath_boot_first "$(first_port /tmp/dry2.mpb.maps)"

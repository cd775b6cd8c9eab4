#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# dracut pre-pivot hook for the test rig: what the initramfs mounted as root,
# printed before the cleanup hooks run (a boot may hang in those).
sysroot_source() {
    while read -r src mnt _; do
        [ "$mnt" = /sysroot ] && echo "$src" && return
    done < /proc/mounts
}
maps=$(dmsetup ls --target multipath 2> /dev/null | while read -r n _; do [ "$n" = No ] || printf '%s ' "$n"; done)
echo "MPB-INITRD sysroot_source=$(sysroot_source)" > /dev/console
echo "MPB-INITRD maps=${maps% }" > /dev/console
# name:major:minor of each map: the real root reports the same when its
# multipathd adopted the maps without flushing or recreating them.
devs=$(dmsetup ls --target multipath 2> /dev/null | while read -r n dev; do
    # "(254:0)" or "(254, 0)"; no parentheses in patterns inside $( )
    dev=${dev#?}
    dev=${dev%?}
    case $dev in *,*) dev=${dev%%,*}:${dev##* } ;; esac
    [ "$n" = No ] || printf '%s:%s,' "$n" "$dev"
done)
echo "MPB-INITRD map_devs=${devs%,}" > /dev/console
# Per sd disk and partition, as in the real root's report (multipath-tools'
# rules there delete the partition nodes of paths, so they are seen here).
for dev in /sys/class/block/sd*; do
    [ -e "$dev" ] || continue
    n=${dev##*/}
    props=$(udevadm info -q property -n "$n" 2> /dev/null)
    get() { echo "$props" | sed -n "s/^$1=//p"; }
    echo "MPB-INITRD udev_$n=SYSTEMD_READY=$(get SYSTEMD_READY),DM_MULTIPATH_DEVICE_PATH=$(get DM_MULTIPATH_DEVICE_PATH),ID_FS_TYPE=$(get ID_FS_TYPE)" > /dev/console
done
# The dm names of the holders of every sd disk and partition,
# "sda:NAME,sda1:,...": nothing above the map (LVM, a filesystem) may hold
# a path or a path's partition. Shell builtins only.
holders=""
for dev in /sys/class/block/sd*; do
    [ -e "$dev" ] || continue
    names=""
    for h in "$dev"/holders/*; do
        [ -e "$h" ] || continue
        name=${h##*/}
        [ -e "$h/dm/name" ] && read -r name < "$h/dm/name"
        names="$names$name+"
    done
    holders="$holders${dev##*/}:${names%+},"
done
echo "MPB-INITRD holders=${holders%,}" > /dev/console
# dm-crypt's and mdadm's view: each dm-crypt device and what is below it,
# "NAME:SLAVE+SLAVE,..."; each array in /proc/mdstat and its members
# ("md127 : active raid1 dm-3[1] dm-2[0]"), "mdN:NAME+NAME,...". Builtins.
dm_name() {
    name=$1
    [ -e "/sys/class/block/$1/dm/name" ] && read -r name < "/sys/class/block/$1/dm/name"
    echo "$name"
}
crypts=""
for dm in /sys/block/dm-*; do
    uuid=""
    [ -e "$dm/dm/uuid" ] && read -r uuid < "$dm/dm/uuid"
    case $uuid in CRYPT-*) ;; *) continue ;; esac
    slaves=""
    for s in "$dm"/slaves/*; do
        [ -e "$s" ] && slaves="$slaves$(dm_name "${s##*/}")+"
    done
    crypts="$crypts$(dm_name "${dm##*/}"):${slaves%+},"
done
echo "MPB-INITRD crypt_slaves=${crypts%,}" > /dev/console
mds=""
if [ -e /proc/mdstat ]; then
    while read -r md colon _ _ members; do
        case $md$colon in md*:) ;; *) continue ;; esac
        names=""
        for m in $members; do
            names="$names$(dm_name "${m%%\[*}")+"
        done
        mds="$mds$md:${names%+},"
    done < /proc/mdstat
fi
echo "MPB-INITRD md_members=${mds%,}" > /dev/console
# lvm's own view when the initramfs has it (dracut's lvm module): the dm
# name (else the device) of every PV.
if command -v lvm > /dev/null; then
    pvs=""
    for pv in $(lvm pvs --noheadings -o pv_name 2> /dev/null); do
        dev=$(readlink -f "$pv")
        name=${dev##*/}
        [ -e "/sys/class/block/$name/dm/name" ] && read -r name < "/sys/class/block/$name/dm/name"
        pvs="$pvs$name,"
    done
    echo "MPB-INITRD lvm_pvs=${pvs%,}" > /dev/console
fi
# The table of each map as the initramfs leaves it, for the real root to
# compare with its own (/run survives switch-root): a map multipathd
# reloaded in the real root differs. Shell only: the initramfs may have
# no grep or sed.
mkdir -p /run/mpb-initrd
tables=""
dmsetup table --target multipath > /run/mpb-initrd/all 2> /dev/null
while IFS= read -r line; do
    case $line in "No devices"*) continue ;; esac
    printf '%s\n' "$line"
    tables="$tables$line;"
done < /run/mpb-initrd/all > /run/mpb-initrd/tables
rm -f /run/mpb-initrd/all
echo "MPB-INITRD map_tables=${tables%;}" > /dev/console
# MPATH_DEVICE_READY of each map in the udev database, which switch-root
# keeps for dm devices: multipathd 0.9.4 reloads a map at startup when it
# is not 1 ("udev incomplete"), whatever its table.
ready=""
for dm in /sys/block/dm-*; do
    [ -e "$dm/dm/uuid" ] || continue
    read -r uuid < "$dm/dm/uuid"
    case $uuid in mpath-*) ;; *) continue ;; esac
    read -r name < "$dm/dm/name"
    value=""
    while IFS= read -r prop; do
        case $prop in MPATH_DEVICE_READY=*) value=${prop#*=} ;; esac
    done << EOF2
$(udevadm info -q property -n "${dm##*/}" 2> /dev/null)
EOF2
    ready="$ready$name:$value,"
done
echo "MPB-INITRD map_udev_ready=${ready%,}" > /dev/console
# What `mpath-boot diagnose` finds wrong, root mounted and not yet handed
# over: a healthy boot reports nothing. Only where the rig put its reader
# (systems with mpath-boot installed).
if command -v mpath-boot > /dev/null && [ -f /usr/lib/mpb-rig/diag-lib.sh ]; then
    # shellcheck source=tests/vm/guest/mpb-diag-lib.sh
    . /usr/lib/mpb-rig/diag-lib.sh
    mpath-boot diagnose > /run/mpb-initrd/diagnose 2>&1
    # 0: nothing found; 1: findings; else it failed (then no codes either)
    echo "MPB-INITRD diag_status=$?" > /dev/console
    mpb_read_findings /run/mpb-initrd/diagnose
    echo "MPB-INITRD diag_codes=$mpb_codes" > /dev/console
fi

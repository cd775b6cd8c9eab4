# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 14, stack-lvm: Debian's guided LVM layout installed onto the map of
# a two-path disk. The booted system (root on virtio, lvm2 installed) is the
# installer; the data disk is the target: GPT on its map, part1 ext4 /boot,
# part2 an LVM PV with vg0/root (ext4, /) and vg0/swap. While the root LV
# is written a path is pulled (the scenario's fault on "MPB-STEP
# pull-path"): the writes go on and read back the same. The running root is
# copied onto the LV, the target's multipath files written and its own
# dracut (`--add "mpath-boot lvm"`) builds the initramfs in a chroot. The
# rig then boots the disk alone (second_boot = data): /boot is a separate
# partition, so the command line is in its Boot Loader Specification entry.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

# The initramfs names the map mpatha; the installed root's bindings, written
# after the initramfs was built, say sanlvm: the handover renames the map
# and its partition maps under the open LVs.
initrd_alias=mpatha
alias=sanlvm
target=/mnt/sysroot
log=/tmp/install.log

# failed, run, map_of, target_path, target_map and partition_map:
# guest/payload/lib.sh.

# vg0 on the partition map, root and swap on it, the filesystems made and
# mounted at $target (/boot from part1).
make_lvm() {
    run pvcreate pvcreate -ff -y "/dev/mapper/$map-part2" || return 1
    run vgcreate vgcreate vg0 "/dev/mapper/$map-part2" || return 1
    run lvswap lvcreate -y -Zy -L 128M -n swap vg0 || return 1
    run lvroot lvcreate -y -Zy -l 100%FREE -n root vg0 || return 1
    udevadm settle --timeout=60
    run mkfs-root mkfs.ext4 -q -F -L root /dev/vg0/root || return 1
    run mkfs-boot mkfs.ext4 -q -F -L boot "/dev/mapper/$map-part1" || return 1
    run mkswap mkswap -L swap /dev/vg0/swap || return 1
    mkdir -p "$target"
    run mount-root mount /dev/vg0/root "$target" || return 1
    mkdir -p "$target/boot"
    run mount-boot mount "/dev/mapper/$map-part1" "$target/boot" || return 1
    say install_pvs "$(pvs --noheadings -o pv_name,vg_name 2>>"$log" | awk '{print $1 ":" $2}' | paste -sd, -)"
}

# lvm's own view of the raw paths: the kernel is asked to learn the paths'
# new partitions (partx -u; which it has is reported), and lvm, asked for
# every PV, says why it skips the paths and their partitions; with the
# settings that decide it.
lvm_on_paths() {
    for p in $(slaves_of "$map" | tr , ' '); do
        partx -u "/dev/$p" >>"$log" 2>&1
    done
    udevadm settle --timeout=60
    say install_lvmconfig "$(lvmconfig --typeconfig full devices/multipath_component_detection \
        devices/multipath_wwids_file devices/external_device_info_source devices/use_devicesfile \
        devices/obtain_device_list_from_udev 2>&1 | oneline /dev/stdin)"
    say install_path_parts "$(for p in $(slaves_of "$map" | tr , ' '); do
        for d in /sys/class/block/"$p"[0-9]*; do [ -e "$d" ] && echo "${d##*/}:$(claim_of "${d##*/}")"; done
    done | paste -sd' ' -)"
    pvs -vvvv --noheadings -o pv_name >/tmp/pvs.debug 2>&1
    say install_pvs_all "$(pvs --noheadings -o pv_name 2>/dev/null | tr -d ' ' | paste -sd, -)"
    say install_lvm_skips "$(grep -E '/dev/sd[a-z]+[0-9]*:? ' /tmp/pvs.debug | grep -iE 'mpath|multipath|component|skip' |
        sed 's|^.*[a-z-]*[.]c:[0-9]* *||' | sort -u | head -n 8 | oneline /dev/stdin)"
}

# 64 chunks of 256 KiB of random data onto the root LV, each synced; after
# 16 the rig pulls the first path (drive_del): the writes go on through
# the other, dm fails the pulled one, and the data reads back the same
# after the caches are dropped.
write_under_pull() {
    file=$target/mpb-writes
    write_file_under_pull "$file" pull_
    # dm fails the pulled path when I/O on it errors or multipathd's checker
    # finds it: the writes may all have gone down the other path, so wait
    # for it, bounded, and say how long it took.
    n=0
    while ! dmesg | grep -q 'device-mapper: multipath: .*Failing path' && [ "$n" -lt 60 ]; do
        sleep 1
        n=$((n + 1))
    done
    say pull_fail_wait_seconds "$n"
    say pull_dm_failed_paths "$(dm_failed_paths)"
    say pull_map_paths "$(multipathd show paths raw format "%d:%t" 2>/dev/null | sort | paste -sd, -)"
    rm -f "$file"
}

# The running root onto the root LV, as an image-based installer puts its
# image down; the other filesystems' mount points stay empty.
copy_root() {
    echo "== copy" >>"$log"
    tar -C / --one-file-system --xattrs --numeric-owner -cf - . 2>>"$log" |
        tar -C "$target" --xattrs --numeric-owner -xpf - 2>>"$log" || failed copy || return 1
    for d in proc sys dev run tmp mnt; do mkdir -p "$target/$d"; done
    rm -rf "${target:?}/mnt/"* "${target:?}/tmp/"*
    say install_copied_mb "$(df -m --output=used "$target" | tail -n 1 | tr -d ' ')"
    boot_uuid=$(blkid -s UUID -o value "/dev/mapper/$map-part1")
    cat >"$target/etc/fstab" <<EOF
/dev/vg0/root / ext4 errors=remount-ro 0 1
UUID=$boot_uuid /boot ext4 defaults 0 2
/dev/vg0/swap none swap sw 0 0
EOF
    say install_fstab "$(oneline "$target/etc/fstab")"
}

# The target's multipath files: its disk listed, named $1 by the bindings.
multipath_files() {
    printf '# Multipath wwids, Version : 1.0\n/%s/\n' "$wwid" >"$target/etc/multipath/wwids"
    printf '# Multipath bindings, Version : 1.0\n%s %s\n' "$1" "$wwid" >"$target/etc/multipath/bindings"
}

# The target's own dracut in a chroot, with dracut's lvm module and the
# rig's pre-pivot report; the kernel command line in /etc/kernel/cmdline
# and in the Boot Loader Specification entry on /boot, which the rig's
# second boot reads.
build_initramfs() {
    kver=$(uname -r)
    cmdline="root=/dev/vg0/root ro rd.lvm.vg=vg0"
    mkdir -p "$target/etc/kernel" "$target/boot/loader/entries"
    echo "$cmdline" >"$target/etc/kernel/cmdline"
    printf 'title Debian GNU/Linux 12 (mpath-boot stack-lvm)\nlinux /vmlinuz-%s\ninitrd /initrd.img-%s\noptions %s\n' \
        "$kver" "$kver" "$cmdline" >"$target/boot/loader/entries/debian-$kver.conf"
    cp /run/mpb-payload/initrd-report.sh "$target/tmp/initrd-report.sh"
    for d in proc sys dev run; do
        run "bind-$d" mount --bind "/$d" "$target/$d" || return 1
    done
    start=$(date +%s)
    run dracut chroot "$target" dracut --force --no-hostonly --add "mpath-boot lvm" \
        --include /tmp/initrd-report.sh /usr/lib/dracut/hooks/pre-pivot/01-mpb-report.sh \
        "/boot/initrd.img-$kver" "$kver" || return 1
    say install_dracut_seconds $(($(date +%s) - start))
    chroot "$target" lsinitrd "/boot/initrd.img-$kver" >/tmp/initrd.files 2>&1
    say install_initrd_has_mpath_boot "$(grep -c ' usr/sbin/mpath-boot$' /tmp/initrd.files)"
    say install_initrd_has_lvm "$(grep -c ' usr/sbin/lvm$' /tmp/initrd.files)"
    say install_initrd_bindings "$(chroot "$target" lsinitrd -f etc/multipath/bindings "/boot/initrd.img-$kver" |
        grep -v '^#' | oneline /dev/stdin)"
}

unmount_target() {
    for d in run dev sys proc boot; do
        umount "$target/$d" 2>/dev/null
    done
    umount "$target" 2>/dev/null
    vgchange -an vg0 >>"$log" 2>&1
    sync
}

install() {
    dev=$(target_path)
    [ -n "$dev" ] || { echo "no sd disk with an ID_SERIAL" >>"$log" && failed target; } || return 1
    # Multipath's WWID of a SCSI disk is its ID_SERIAL.
    wwid=$(prop "$dev" ID_SERIAL)
    say install_wwid "$wwid"
    target_map "$wwid" || return 1
    say install_map "$map:$(slaves_of "$map")"
    # GPT on the map: part1 256 MiB for /boot, part2 the rest as an LVM PV.
    partition_map "$map" 'label: gpt\n,256M,L,\n,,V,\n' 2 || return 1
    make_lvm || return 1
    lvm_on_paths
    write_under_pull
    step copy-root
    copy_root || return 1
    multipath_files "$initrd_alias"
    step dracut
    build_initramfs || return 1
    # Renamed after the initramfs was built: the handover's job.
    multipath_files "$alias"
}

: >"$log"
if install; then
    unmount_target
    say install_done yes
else
    unmount_target
    say install_done no
fi

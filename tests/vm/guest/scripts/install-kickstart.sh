# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 11: an installer's run onto a SAN disk. The booted system (root on
# virtio) is the installer; the data disk, seen through two paths, is the
# target. The map is partitioned (GPT, one ext4 partition), the running
# root is copied onto it (as an image-based installer would), mpath-boot-ks
# turns a kickstart naming the disk into the target's multipath
# configuration, and the target's own dracut builds its initramfs in a
# chroot. The rig then boots the target alone (second_boot = data): the
# kernel command line it needs is in the target's /etc/kernel/cmdline.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

alias=sanroot
target=/mnt/sysroot
log=/tmp/install.log

# failed, run, map_of, target_path, target_map and partition_map:
# guest/payload/lib.sh.

# The running root onto the new filesystem, as an image-based installer
# puts its image down; the other filesystems' mount points stay empty.
copy_root() {
    run mkfs mkfs.ext4 -q -F -L root "/dev/mapper/$map-part1" || return 1
    mkdir -p "$target"
    run mount mount "/dev/mapper/$map-part1" "$target" || return 1
    echo "== copy" >>"$log"
    start=$(date +%s)
    tar -C / --one-file-system --xattrs --numeric-owner -cf - . 2>>"$log" |
        tar -C "$target" --xattrs --numeric-owner -xpf - 2>>"$log" || failed copy || return 1
    say install_copy_seconds $(($(date +%s) - start))
    for d in proc sys dev run tmp mnt; do mkdir -p "$target/$d"; done
    rm -rf "${target:?}/mnt/"* "${target:?}/tmp/"*
    say install_copied_mb "$(df -m --output=used "$target" | tail -n 1 | tr -d ' ')"
    # Root by the alias the kickstart gives, as the installer set it up.
    echo "/dev/mapper/$alias-part1 / ext4 errors=remount-ro 0 1" >"$target/etc/fstab"
    mkdir -p "$target/etc/kernel"
    echo "root=/dev/mapper/$alias-part1 ro" >"$target/etc/kernel/cmdline"
}

# The kickstart an installer would be given for this disk.
write_kickstart() {
    cat >/tmp/ks.cfg <<EOF
# mpath-boot VM rig: root on the SAN disk $wwid
ignoredisk --only-use=disk/by-id/scsi-$serial
mpath --wwid=$wwid --alias=$alias
EOF
    say install_kickstart "$(oneline /tmp/ks.cfg)"
}

# mpath-boot-ks, run outside the target as an installer does.
run_ks() {
    mpath-boot-ks --kickstart /tmp/ks.cfg --sysroot "$target" >/tmp/ks.out 2>&1
    status=$?
    say install_ks_output "status=$status;$(oneline /tmp/ks.out)"
    for f in etc/multipath.conf etc/multipath/wwids etc/multipath/bindings etc/dracut.conf.d/59-mpath-boot.conf; do
        say "install_ks_$(basename "$f" | tr -c 'a-z0-9\n' _)" "$(grep -v '^#' "$target/$f" 2>/dev/null | oneline /dev/stdin)"
    done
    [ "$status" = 0 ] || { cat /tmp/ks.out >>"$log" && failed mpath-boot-ks; }
}

# The target's own dracut in a chroot: its multipath files and
# 59-mpath-boot.conf decide what goes in.
build_initramfs() {
    kver=$(uname -r)
    for d in proc sys dev run; do
        run "bind-$d" mount --bind "/$d" "$target/$d" || return 1
    done
    start=$(date +%s)
    run dracut chroot "$target" dracut --force "/boot/initrd.img-$kver" "$kver" || return 1
    say install_dracut_seconds $(($(date +%s) - start))
    say install_initrd_has_mpath_boot "$(initrd_paths "$target/boot/initrd.img-$kver" | grep -cx usr/sbin/mpath-boot)"
    say install_initrd_bindings "$(initrd_file "$target/boot/initrd.img-$kver" etc/multipath/bindings |
        grep -v '^#' | oneline /dev/stdin)"
}

unmount_target() {
    for d in run dev sys proc; do
        umount "$target/$d" 2>/dev/null
    done
    umount "$target" 2>/dev/null
    sync
}

install() {
    command -v mpath-boot-ks >/dev/null ||
        { echo "mpath-boot-ks is not installed (the stage has no /usr/sbin/mpath-boot-ks)" >>"$log" && failed mpath-boot-ks; } ||
        return 1
    dev=$(target_path)
    [ -n "$dev" ] || { echo "no sd disk with an ID_SERIAL" >>"$log" && failed target; } || return 1
    # Multipath's WWID of a SCSI disk is its ID_SERIAL, and udev's by-id
    # link is scsi-ID_SERIAL.
    wwid=$(prop "$dev" ID_SERIAL) serial=$(prop "$dev" ID_SERIAL)
    say install_wwid "$wwid"
    target_map "$wwid" || return 1
    say install_map "$map:$(slaves_of "$map")"
    # GPT with one partition over the whole map.
    partition_map "$map" 'label: gpt\n,,L,\n' 1 || return 1
    say install_part_map "$(dmsetup info -c --noheadings -o name,uuid "$map-part1")"
    step copy-root
    copy_root || return 1
    write_kickstart
    run_ks || return 1
    step dracut
    build_initramfs
}

: >"$log"
if install; then
    unmount_target
    say install_done yes
else
    unmount_target
    say install_done no
fi

# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the LVM stack installers (install-lvm.sh, install-luks-lvm.sh)
# after install.sh: Debian's guided LVM layout on one PV, vg0 with LVs root
# (ext4, /) and swap.
# shellcheck shell=sh

# vg0 on device $1, root and swap on it, root mounted at $target.
make_vg0() {
    run pvcreate pvcreate -ff -y "$1" || return 1
    run vgcreate vgcreate vg0 "$1" || return 1
    run lvswap lvcreate -y -Zy -L 128M -n swap vg0 || return 1
    run lvroot lvcreate -y -Zy -l 100%FREE -n root vg0 || return 1
    udevadm settle --timeout=60
    run mkfs-root mkfs.ext4 -q -F -L root /dev/vg0/root || return 1
    run mkswap mkswap -L swap /dev/vg0/swap || return 1
    mount_root /dev/vg0/root || return 1
    say install_pvs "$(pv_names)"
    # shellcheck disable=SC2034 # read by install.sh
    cmdline="root=/dev/vg0/root ro rd.lvm.vg=vg0"
}

vg0_fstab() {
    echo "/dev/vg0/root / ext4 errors=remount-ro 0 1"
    echo "/dev/vg0/swap none swap sw 0 0"
}

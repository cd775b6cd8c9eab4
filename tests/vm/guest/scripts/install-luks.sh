# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 14, stack-luks: root on LUKS2 on the partition map of a two-path
# disk (payload/install.sh does the install): GPT on the map, part1 ext4
# /boot, part2 LUKS2 (payload/luks.sh) with ext4 inside, mounted by UUID.
# The target's dracut adds its crypt module; crypttab names the LUKS
# device by UUID with a keyfile.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh
# shellcheck source=tests/vm/guest/payload/install.sh
. /run/mpb-payload/install.sh
# shellcheck source=tests/vm/guest/payload/luks.sh
. /run/mpb-payload/luks.sh

stack=luks
dracut_modules="mpath-boot crypt"
packages_check=systemd-cryptsetup
# Renamed at the handover, under the open LUKS device.
initrd_aliases=mpatha
aliases=sanluks

layout() {
    partition_map "$map" 'label: gpt\n,256M,L,\n,,L,\n' 2 || return 1
    make_luks "$map-part2" || return 1
    run mkfs-root mkfs.ext4 -q -F -L root "/dev/mapper/$crypt" || return 1
    mount_root "/dev/mapper/$crypt" || return 1
    make_boot "$map-part1" || return 1
    cmdline="root=UUID=$(blkid -s UUID -o value "/dev/mapper/$crypt") ro"
}

fstab() {
    fstab_uuid "/dev/mapper/$crypt" / 1
    fstab_uuid "/dev/mapper/$map-part1" /boot 2
}

target_files() { luks_files; }

close_stack() { close_luks; }

install_stack

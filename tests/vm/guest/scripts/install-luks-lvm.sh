# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 14, stack-luks-lvm: anaconda's encrypted autopart shape on the
# partition map of a two-path disk (payload/install.sh does the install):
# GPT on the map, part1 ext4 /boot, part2 LUKS2 (payload/luks.sh) holding
# an LVM PV with vg0/root (ext4, /) and vg0/swap. The target's dracut adds
# its crypt and lvm modules.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh
# shellcheck source=tests/vm/guest/payload/install.sh
. /run/mpb-payload/install.sh
# shellcheck source=tests/vm/guest/payload/luks.sh
. /run/mpb-payload/luks.sh
# shellcheck source=tests/vm/guest/payload/lvm.sh
. /run/mpb-payload/lvm.sh

stack=luks-lvm
dracut_modules="mpath-boot crypt lvm"
packages_check="systemd-cryptsetup lvm"
# Renamed at the handover, under LUKS and the LVs on it.
initrd_aliases=mpatha
aliases=sanluks

layout() {
    partition_map "$map" 'label: gpt\n,256M,L,\n,,L,\n' 2 || return 1
    make_luks "$map-part2" || return 1
    make_vg0 "/dev/mapper/$crypt" || return 1
    make_boot "$map-part1"
}

fstab() {
    vg0_fstab
    fstab_uuid "/dev/mapper/$map-part1" /boot 2
}

target_files() { luks_files; }

close_stack() { vgchange -an vg0 && close_luks; }

install_stack

# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 14, stack-lvm: Debian's guided LVM layout installed onto the map of
# a two-path disk (payload/install.sh does the install): GPT on the map,
# part1 ext4 /boot, part2 an LVM PV with vg0/root (ext4, /) and vg0/swap.
# /boot is a separate partition, so the rig's second boot reads the
# command line from its Boot Loader Specification entry.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh
# shellcheck source=tests/vm/guest/payload/install.sh
. /run/mpb-payload/install.sh
# shellcheck source=tests/vm/guest/payload/lvm.sh
. /run/mpb-payload/lvm.sh

stack=lvm
dracut_modules="mpath-boot lvm"
packages_check=lvm
# The initramfs names the map mpatha; the installed root's bindings say
# sanlvm: the handover renames the map and its partition maps under the
# open LVs.
initrd_aliases=mpatha
aliases=sanlvm

# vg0 on the partition map's part2, /boot on part1.
layout() {
    partition_map "$map" 'label: gpt\n,256M,L,\n,,V,\n' 2 || return 1
    make_vg0 "/dev/mapper/$map-part2" || return 1
    make_boot "$map-part1" || return 1
    lvm_on_paths
}

# lvm's own view of the raw paths: the kernel is asked to learn the paths'
# new partitions (partx -u), and lvm, asked for every PV, says why it
# skips the paths and their partitions; with the settings that decide it.
lvm_on_paths() {
    for p in $(slaves_of "$map" | tr , ' '); do
        partx -u "/dev/$p" >>"$log" 2>&1
    done
    udevadm settle --timeout=60
    say install_lvmconfig "$(lvmconfig --typeconfig full devices/multipath_component_detection \
        devices/multipath_wwids_file devices/external_device_info_source devices/use_devicesfile \
        devices/obtain_device_list_from_udev 2>&1 | oneline /dev/stdin)"
    pvs -vvvv --noheadings -o pv_name >/tmp/pvs.debug 2>&1
    say install_pvs_all "$(pvs --noheadings -o pv_name 2>/dev/null | tr -d ' ' | paste -sd, -)"
    say install_lvm_skips "$(grep -E '/dev/sd[a-z]+[0-9]*:? ' /tmp/pvs.debug | grep -iE 'mpath|multipath|component|skip' |
        sed 's|^.*[a-z-]*[.]c:[0-9]* *||' | sort -u | head -n 8 | oneline /dev/stdin)"
}

fstab() {
    vg0_fstab
    fstab_uuid "/dev/mapper/$map-part1" /boot 2
}

target_files() { :; }

close_stack() { vgchange -an vg0; }

install_stack

# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 14, stack-luns: a server's root LUN and data LUNs, four paths each
# (payload/install.sh does the install). LUN 1: GPT, part1 ext4 / (with
# /boot in it). LUN 2: GPT, part1 ext4 /var, part2 an LVM PV. LUN 3: the
# whole map an LVM PV, as data LUNs often are. VG data spans LUN 2's part2
# and LUN 3, LV vol (ext4) at /data. fstab mounts all by UUID; every WWID
# is in the target's wwids, so its boot waits for a LUN that comes late.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh
# shellcheck source=tests/vm/guest/payload/install.sh
. /run/mpb-payload/install.sh

stack=luns
dracut_modules=mpath-boot
packages_check=""
# The same names in the initramfs and the root: nothing to rename.
initrd_aliases="mpatha mpathb mpathc"
aliases="mpatha mpathb mpathc"

layout() {
    # shellcheck disable=SC2086 # one map a word
    set -- $maps
    [ $# = 3 ] || { echo "three LUNs expected, found: $maps" >>"$log" && failed luns; } || return 1
    partition_map "$1" 'label: gpt\n,,L,\n' 1 || return 1
    partition_map "$2" 'label: gpt\n,512M,L,\n,,V,\n' 2 || return 1
    whole_map_links "$3" || return 1
    whole_map "$3" || return 1
    run pvcreate pvcreate -ff -y "/dev/mapper/$2-part2" "/dev/mapper/$3" || return 1
    run vgcreate vgcreate data "/dev/mapper/$2-part2" "/dev/mapper/$3" || return 1
    run lvvol lvcreate -y -Zy -l 100%FREE -n vol data || return 1
    udevadm settle --timeout=60
    say install_pvs "$(pv_names)"
    run mkfs-root mkfs.ext4 -q -F -L root "/dev/mapper/$1-part1" || return 1
    run mkfs-var mkfs.ext4 -q -F -L var "/dev/mapper/$2-part1" || return 1
    run mkfs-data mkfs.ext4 -q -F -L data /dev/data/vol || return 1
    mount_root "/dev/mapper/$1-part1" || return 1
    mkdir -p "$target/var" "$target/data"
    run mount-var mount "/dev/mapper/$2-part1" "$target/var" || return 1
    run mount-data mount /dev/data/vol "$target/data" || return 1
    cmdline="root=UUID=$(blkid -s UUID -o value "/dev/mapper/$1-part1") ro"
}

# A filesystem on the whole of map $1 (no partition table), a change event
# on each of its paths: the filesystem's by-uuid link must point at the
# map, never at a path, and no path may carry its UUID in udev's database.
# With mpath-boot's rules alone: multipath-tools' 56-dm-mpath.rules gives
# its maps link_priority=50 ("Multipath maps should take precedence over
# their members"), which the mpath-boot initramfs does not have, so an
# override in /etc/udev/rules.d takes that line out. Checked first with
# 61-mpath-boot.rules' link lines taken out as well, to show what they
# prevent, then with them.
whole_map_links() {
    whole_map "$1" || return 1
    run mkfs-whole mkfs.ext4 -q -F "/dev/mapper/$1" || return 1
    uuid=$(blkid -s UUID -o value "/dev/mapper/$1")
    rules=/etc/udev/rules.d
    if [ -e /lib/udev/rules.d/56-dm-mpath.rules ]; then
        grep -v 'link_priority=50' /lib/udev/rules.d/56-dm-mpath.rules >"$rules/56-dm-mpath.rules"
    fi
    grep -v -e 'link_priority=-100' -e 'ENV{ID_FS_UUID}=""' /usr/lib/udev/rules.d/61-mpath-boot.rules \
        >"$rules/61-mpath-boot.rules"
    udevadm control --reload
    udevadm trigger --action=change --settle "/dev/mapper/$1"
    links_after_path_events "$1" install_whole_without_
    rm "$rules/61-mpath-boot.rules"
    links_after_path_events "$1" install_whole_
    rm -f "$rules/56-dm-mpath.rules"
    udevadm control --reload
    udevadm trigger --action=change --settle "/dev/mapper/$1"
}

# Reloads udev's rules, sends a change event to each path of map $1 and
# reports where the by-uuid link of $uuid points ($2link) and each path's
# ID_FS_UUID ($2path_uuids). The paths' buffers are dropped first: the
# filesystem was written through the map, and blkid reads a path through
# its own page cache, which still holds what was probed before.
links_after_path_events() {
    udevadm control --reload
    for p in $(slaves_of "$1" | tr , ' '); do
        blockdev --flushbufs "/dev/$p"
        udevadm trigger --action=change "/dev/$p"
    done
    udevadm settle --timeout=60
    say "$2link" "$(basename "$(readlink -f "/dev/disk/by-uuid/$uuid")")"
    say "$2path_uuids" "$(for p in $(slaves_of "$1" | tr , ' '); do
        echo "$p:$(prop "$p" ID_FS_UUID)"
    done | paste -sd, -)"
}

fstab() {
    # shellcheck disable=SC2086 # one map a word
    set -- $maps
    fstab_uuid "/dev/mapper/$1-part1" / 1
    fstab_uuid "/dev/mapper/$2-part1" /var 2
    fstab_uuid /dev/data/vol /data 2
}

target_files() { :; }

close_stack() { vgchange -an data; }

install_stack

# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 14, stack-md: root on an MD RAID1 mirror whose legs are the
# partition maps of two two-path LUNs (payload/install.sh does the install):
# GPT on each map, part1 256 MiB (ext4 /boot on the first LUN, unused on
# the second), part2 a RAID member; the mirror (metadata 1.2) holds ext4 /,
# mounted by UUID. The target's mdadm.conf is Debian's with the array's
# ARRAY line and no DEVICE line (so mdadm's own scans see every partition
# in /proc/partitions, the paths' too); its dracut adds the mdraid module
# and rd.md.uuid names the array.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh
# shellcheck source=tests/vm/guest/payload/install.sh
. /run/mpb-payload/install.sh

stack=md
dracut_modules="mpath-boot mdraid"
packages_check=mdadm
# The same names in the initramfs and the root: nothing to rename.
initrd_aliases="mpatha mpathb"
aliases="mpatha mpathb"
md=/dev/md/root

layout() {
    # shellcheck disable=SC2086 # one map a word
    set -- $maps
    [ $# = 2 ] || { echo "two LUNs expected, found: $maps" >>"$log" && failed luns; } || return 1
    for m in "$@"; do
        partition_map "$m" 'label: gpt\n,256M,L,\n,,R,\n' 2 || return 1
    done
    # --assume-clean: the legs are blank, and a resync under TCG would
    # slow both boots down.
    run mdcreate mdadm --create "$md" --run --assume-clean --level=1 --raid-devices=2 \
        --metadata=1.2 --name=root "/dev/mapper/$1-part2" "/dev/mapper/$2-part2" || return 1
    udevadm settle --timeout=60
    # mdadm's own view of the legs, by dm name
    say install_md_legs "$(mdadm --detail "$md" | awk '/active sync/ {print $NF}' | while read -r d; do
        dm_name_of "$d"
    done | sort | paste -sd, -)"
    run mkfs-root mkfs.ext4 -q -F -L root "$md" || return 1
    mount_root "$md" || return 1
    make_boot "$1-part1" || return 1
    md_uuid=$(mdadm --detail --export "$md" | sed -n 's/^MD_UUID=//p')
    cmdline="root=UUID=$(blkid -s UUID -o value "$md") ro rd.md.uuid=$md_uuid"
}

fstab() {
    fstab_uuid "$md" / 1
    fstab_uuid "/dev/mapper/${maps%% *}-part1" /boot 2
}

# Debian's mdadm.conf, as its installer leaves it, with the array.
target_files() {
    mkdir -p "$target/etc/mdadm"
    {
        echo "HOMEHOST <system>"
        echo "MAILADDR root"
        mdadm --detail --scan
    } >"$target/etc/mdadm/mdadm.conf"
    say install_mdadm_conf "$(oneline "$target/etc/mdadm/mdadm.conf")"
    includes="$includes
/etc/mdadm/mdadm.conf /etc/mdadm.conf"
}

close_stack() { mdadm --stop "$md"; }

install_stack

# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the stack installers (tests/vm/guest/scripts/install-*.sh,
# issue 14), after lib.sh: what every install onto multipath maps shares.
# The booted system (root on virtio) is the installer; its sd disks (data
# disks, serials data0..) are the target's LUNs. The running root is copied
# onto the stack, as an image-based installer puts its image down; the
# target's multipath files are written and its own dracut builds its
# initramfs in a chroot. The rig then boots the target alone
# (second_boot = data).
#
# A stack installer sets
#   stack            its name (the loader entry's title)
#   dracut_modules   the target dracut's --add
#   initrd_aliases   each LUN's map name in the initramfs's bindings,
#   aliases          and in the installed root's (where they differ the
#                    handover renames, under whatever the stack opened)
#   packages_check   commands whose presence in the initramfs is reported
# and defines
#   layout           partitions the maps ($maps: the LUNs' maps, in WWID
#                    order), makes the stack and its filesystems, mounts root
#                    at $target and what lies below it; sets cmdline, the
#                    target's kernel command line
#   fstab            prints the target's fstab
#   target_files     writes the stack's own files into the target (crypttab,
#                    mdadm.conf, keys) and adds to includes ("SRC DST" lines,
#                    SRC in the target: dracut --include in its chroot)
#   close_stack      deactivates the stack once the target is unmounted
# shellcheck shell=sh
# shellcheck disable=SC2154 # the stack installer and lib.sh set the rest

target=/mnt/sysroot
includes=""

# The WWIDs (ID_SERIAL) of the sd disks, each once, sorted: the target's
# LUNs (root is on virtio).
target_wwids() {
    for d in /sys/block/sd*; do
        [ -e "$d" ] && prop "${d##*/}" ID_SERIAL
    done | sed '/^$/d' | sort -u | paste -sd' ' -
}

# Sets wwids and maps (the LUNs' maps, made by `mpath-boot assemble` when
# multipathd did not make them), map to the first.
target_maps() {
    wwids=$(target_wwids)
    [ -n "$wwids" ] || { echo "no sd disk with an ID_SERIAL" >>"$log" && failed target; } || return 1
    say install_wwids "$(echo "$wwids" | tr ' ' ,)"
    all="" maps=""
    for w in $wwids; do
        target_map "$w" || return 1
        all="$all $map:$(slaves_of "$map")"
        maps="${maps:+$maps }$map"
    done
    map=${maps%% *}
    say install_maps "${all# }"
}

# The dm name (else the device) of each PV lvm lists, "NAME:VG,...".
pv_names() {
    pvs --noheadings -o pv_name,vg_name 2>>"$log" | while read -r pv vg; do
        echo "$(dm_name_of "$pv"):$vg"
    done | paste -sd, -
}

# Mounts the target's root, filesystem device $1, at $target.
mount_root() {
    mkdir -p "$target"
    run mount-root mount "$1" "$target"
}

# An ext4 /boot on partition map $1, mounted under the target's root.
make_boot() {
    run mkfs-boot mkfs.ext4 -q -F -L boot "/dev/mapper/$1" || return 1
    mkdir -p "$target/boot"
    run mount-boot mount "/dev/mapper/$1" "$target/boot"
}

# fstab's line for a filesystem by UUID: device $1 at $2, fsck pass $3.
fstab_uuid() {
    echo "UUID=$(blkid -s UUID -o value "$1") $2 ext4 defaults 0 $3"
}

# The running root onto the target, with the stack's fstab; the other
# filesystems' mount points stay empty.
copy_root() {
    echo "== copy" >>"$log"
    tar -C / --one-file-system --xattrs --numeric-owner -cf - . 2>>"$log" |
        tar -C "$target" --xattrs --numeric-owner -xpf - 2>>"$log" || failed copy || return 1
    for d in proc sys dev run tmp mnt; do mkdir -p "$target/$d"; done
    rm -rf "${target:?}/mnt/"* "${target:?}/tmp/"*
    say install_copied_mb "$(df -m --output=used "$target" | tail -n 1 | tr -d ' ')"
    fstab >"$target/etc/fstab"
    say install_fstab "$(oneline "$target/etc/fstab")"
}

# The target's multipath files: every LUN listed, named by $1 (one name a
# LUN, in WWID order) in the bindings.
multipath_files() {
    printf '# Multipath wwids, Version : 1.0\n' >"$target/etc/multipath/wwids"
    printf '# Multipath bindings, Version : 1.0\n' >"$target/etc/multipath/bindings"
    # shellcheck disable=SC2086 # one name a word
    set -- $1
    for w in $wwids; do
        printf '/%s/\n' "$w" >>"$target/etc/multipath/wwids"
        printf '%s %s\n' "$1" "$w" >>"$target/etc/multipath/bindings"
        shift
    done
}

# The target's own dracut in a chroot, with the stack's modules, its
# includes and the rig's pre-pivot report (which runs diagnose); the kernel command line in
# /etc/kernel/cmdline and in a Boot Loader Specification entry on /boot
# (the rig's second boot reads the one or the other).
build_initramfs() {
    kver=$(uname -r)
    mkdir -p "$target/etc/kernel" "$target/boot/loader/entries"
    echo "$cmdline" >"$target/etc/kernel/cmdline"
    printf 'title Debian GNU/Linux 12 (mpath-boot stack-%s)\nlinux /vmlinuz-%s\ninitrd /initrd.img-%s\noptions %s\n' \
        "$stack" "$kver" "$kver" "$cmdline" >"$target/boot/loader/entries/debian-$kver.conf"
    say install_cmdline "$cmdline"
    cp /run/mpb-payload/initrd-report.sh /run/mpb-payload/diag-lib.sh "$target/tmp/"
    for d in proc sys dev run; do
        run "bind-$d" mount --bind "/$d" "$target/$d" || return 1
    done
    set -- --include /tmp/initrd-report.sh /usr/lib/dracut/hooks/pre-pivot/01-mpb-report.sh \
        --include /tmp/diag-lib.sh /usr/lib/mpb-rig/diag-lib.sh
    while read -r src dst; do
        [ -n "$src" ] && set -- "$@" --include "$src" "$dst"
    done <<EOF
$includes
EOF
    start=$(date +%s)
    run dracut chroot "$target" dracut --force --no-hostonly --add "$dracut_modules" "$@" \
        "/boot/initrd.img-$kver" "$kver" || return 1
    say install_dracut_seconds $(($(date +%s) - start))
    initrd_paths "$target/boot/initrd.img-$kver" >/tmp/initrd.files
    say install_initrd_has "$(for c in mpath-boot $packages_check; do
        grep -q "^usr/.*/$c$" /tmp/initrd.files && printf '%s ' "$c"
    done | sed 's/ $//')"
    say install_initrd_includes "$(echo "$includes" | while read -r _ dst; do
        [ -n "$dst" ] && grep -qx "${dst#/}" /tmp/initrd.files && printf '%s ' "$dst"
    done | sed 's/ $//')"
    say install_initrd_bindings "$(initrd_file "$target/boot/initrd.img-$kver" etc/multipath/bindings |
        grep -v '^#' | oneline /dev/stdin)"
}

# The installed system's own boot writes to its root while the rig pulls a
# path (mpb-report runs this, last): the checks and what they use.
installed_check() {
    mkdir -p "$target/usr/local/lib/mpb-rig"
    cp /run/mpb-payload/lib.sh "$target/usr/local/lib/mpb-rig/lib.sh"
    cp /run/mpb-payload/installed-check.sh "$target/usr/local/lib/mpb-rig/installed-check.sh"
}

unmount_target() {
    for d in run dev sys proc; do
        umount "$target/$d" 2>/dev/null
    done
    umount -R "$target" 2>/dev/null
    close_stack >>"$log" 2>&1
    sync
}

install_system() {
    target_maps || return 1
    layout || return 1
    step copy-root
    copy_root || return 1
    multipath_files "$initrd_aliases"
    target_files || return 1
    installed_check
    step dracut
    build_initramfs || return 1
    # Renamed after the initramfs was built: the handover's job.
    multipath_files "$aliases"
}

# Installs, and reports install_done.
install_stack() {
    : >"$log"
    if install_system; then
        unmount_target
        say install_done yes
    else
        unmount_target
        say install_done no
    fi
}

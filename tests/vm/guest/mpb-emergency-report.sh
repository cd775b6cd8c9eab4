#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# dracut emergency hook for the test rig (99-mpb-diagnose.sh, after
# mpath-boot's own 59): nobody types in the emergency shell of a VM
# scenario, so this does what an administrator would there -- optionally
# mounts the real root, runs `mpath-boot diagnose` -- prints the report
# and its capture on the console for the rig, and powers off, so a boot
# that fails on purpose ends in seconds instead of at the rig's timeout.
# Sourced by dracut-emergency (source_hook): no `exit`, no `local`, names
# start with mpb_. Shell builtins only besides mount, udevadm and
# mpath-boot: the initramfs may have no grep or sed.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/mpb-diag-lib.sh
. /usr/lib/mpb-rig/diag-lib.sh

# One line on the console, kept whole: printf, as dash's echo would turn
# the capture's "\n" escapes into line breaks.
mpb_say() { printf '%s\n' "$1" >/dev/console; }

# Each line of file $2, prefixed with $1, on the console.
mpb_print_file() {
    while IFS= read -r mpb_line || [ -n "$mpb_line" ]; do
        printf '%s %s\n' "$1" "$mpb_line"
    done <"$2" >/dev/console
}

mpb_sysroot_mounted() {
    while read -r _ mpb_mnt _; do
        [ "$mpb_mnt" = /sysroot ] && return 0
    done </proc/mounts
    return 1
}

# With mpb.diagnose_mount on the kernel command line, mounts the root file
# system read-only on /sysroot, so diagnose compares the initramfs with the
# real root: from the first partition map when one exists (the root disk's
# map), else from the first path's partition, as an administrator would.
mpb_mount_root() {
    read -r mpb_cmdline </proc/cmdline
    case " $mpb_cmdline " in *" mpb.diagnose_mount "*) ;; *) return 0 ;; esac
    mpb_sysroot_mounted && return 0
    mpb_dev=/dev/sda1
    for mpb_map in /dev/mapper/*-part1; do
        if [ -e "$mpb_map" ]; then
            mpb_dev=$mpb_map
            break
        fi
    done
    mkdir -p /sysroot
    if mount -o ro "$mpb_dev" /sysroot; then
        mpb_say "MPB-INITRD diag_mounted=$mpb_dev"
    else
        mpb_say "MPB-INITRD diag_mounted=failed: $mpb_dev"
    fi
}

# "yes" when mpath-boot's own emergency hook (59, before this one) put the
# report at the end of dracut's rdsosreport.txt.
mpb_in_rdsosreport() {
    mpb_marked=no
    [ -f /run/initramfs/rdsosreport.txt ] || { echo no && return 0; }
    while IFS= read -r mpb_line; do
        case $mpb_line in
        "+ mpath-boot diagnose") mpb_marked=marker ;;
        Findings) [ "$mpb_marked" = marker ] && mpb_marked=yes ;;
        esac
    done </run/initramfs/rdsosreport.txt
    [ "$mpb_marked" = yes ] && echo yes || echo no
}

mpb_emergency_report() {
    # Only the report on the console: kernel messages would land inside
    # its lines.
    echo 1 >/proc/sys/kernel/printk
    # The maps mpath-boot builds come with udev events: let them finish.
    udevadm settle --timeout=30
    mpb_mount_root
    mpath-boot diagnose --capture /run/mpb-diag.json >/run/mpb-diag.txt 2>&1
    mpb_say "MPB-INITRD diag_status=$?"
    mpb_print_file MPB-DIAG /run/mpb-diag.txt
    mpb_read_findings /run/mpb-diag.txt
    mpb_say "MPB-INITRD diag_codes=$mpb_codes"
    mpb_say "MPB-INITRD diag_findings=$mpb_findings"
    if [ -f /run/mpb-diag.json ]; then mpb_print_file MPB-CAPTURE /run/mpb-diag.json; fi
    mpb_say "MPB-INITRD diag_in_rdsosreport=$(mpb_in_rdsosreport)"
    mpb_say "MPB-INITRD diag_done=yes"
    # -f: no service is stopped, the manager kills, unmounts and powers off.
    poweroff -f
}

mpb_emergency_report

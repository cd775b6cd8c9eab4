#!/bin/sh
# dracut pre-pivot hook for the test rig: what the initramfs mounted as root,
# printed before the cleanup hooks run (a boot may hang in those).
sysroot_source() {
    while read -r src mnt _; do
        [ "$mnt" = /sysroot ] && echo "$src" && return
    done < /proc/mounts
}
maps=$(dmsetup ls --target multipath 2> /dev/null | while read -r n _; do [ "$n" = No ] || printf '%s ' "$n"; done)
echo "MPB-INITRD sysroot_source=$(sysroot_source)" > /dev/console
echo "MPB-INITRD maps=${maps% }" > /dev/console

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An image-based install: the root file system is already on the map and
# mounted at TARGET; mpath-boot-ks writes the installed system's multipath
# files from the kickstart KS, then the installed system's own dracut
# builds its initramfs in a chroot.
#   image-install.sh KS TARGET [mpath-boot-ks options...]
set -eu

ks=$1 target=$2
shift 2
mpath-boot-ks --kickstart "$ks" --sysroot "$target" "$@"
chroot "$target" dracut --force --regenerate-all

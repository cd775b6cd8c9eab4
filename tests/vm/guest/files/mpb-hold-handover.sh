#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Test rig, initramfs only (mpb-hold-handover.service): the initqueue has
# ended and root is mounted; the scenario plugs in a path on this step, and
# mpath-boot-handover.service waits until the path is there and udev has
# handled it (bounded: 90 s, then 30 s).
echo "MPB-STEP hold-handover" > /dev/console
n=0
while [ ! -e /sys/block/sdb ] && [ "$n" -lt 90 ]; do
    sleep 1
    n=$((n + 1))
done
udevadm settle --timeout=30
came=no
[ -e /sys/block/sdb ] && came=yes
echo "MPB-INITRD hold_path_came=$came" > /dev/console

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck disable=SC2154 # dracut sets moddir, initdir, the module lists and unit dirs
# dracut module: mpath-boot builds the multipath maps in the initramfs
# (udev callout, initqueue assembly, handover before switch-root).

# A dm device whose UUID says it is a multipath map (or a partition map on one).
is_mpath_map() {
    local uuid
    uuid=$(cat "/sys/dev/block/$1/dm/uuid" 2>/dev/null) || return 1
    [[ $uuid == mpath-* || $uuid == part*-mpath-* ]]
}

requested() {
    [[ " $dracutmodules $add_dracutmodules $force_add_dracutmodules " == *" mpath-boot "* ]]
}

# dracut's multipath module would start multipathd and its own rules beside
# ours; it is checked after us (59 < 90), so omitting it here still counts.
replace_multipath_module() {
    [[ " $omit_dracutmodules " == *" multipath "* ]] && return
    omit_dracutmodules+=" multipath "
    dinfo "mpath-boot: takes the place of dracut's multipath module, which is omitted"
}

# As dracut's multipath module: a generic image (Debian's default) gets it
# whenever it is installed, so installing the package is enough; a hostonly
# one when a host device sits on a multipath map, or when asked for.
check() {
    require_binaries mpath-boot || return 1
    if [[ $hostonly || $mount_needs ]] && ! requested; then
        for_each_host_dev_and_slaves is_mpath_map || return 255
    fi
    replace_multipath_module
    return 0
}

depends() {
    echo rootfs-block dm systemd
}

cmdline() {
    echo "rd.driver.pre=dm_multipath"
}

installkernel() {
    hostonly='' instmods dm-multipath dm-service-time dm-round-robin dm-queue-length \
        dm-historical-service-time scsi_dh_alua scsi_dh_emc scsi_dh_rdac scsi_dh_hp_sw
}

# mpath-boot loads libudev, libdevmapper and libblkid with dlopen(), and a
# static build (--enable-static-binary) only beside the glibc it was built
# with: an initramfs whose binary cannot load them could not assemble.
# dracut stops here; the old image stays.
check_libraries() {
    local out status=0
    out=$("$(find_binary mpath-boot)" self-test 2>&1) || status=$?
    ((status == 0)) && return 0
    ((status <= 128)) || out="crashed (signal $((status - 128))) ${out}"
    dfatal "mpath-boot: self-test failed: ${out//$'\n'/; }"
    dfatal "mpath-boot: the binary cannot load this system's libudev, libdevmapper or libblkid (missing, or built with another glibc?): rebuild or reinstall mpath-boot, then run dracut again"
    exit 1
}

install() {
    check_libraries
    inst_multiple mpath-boot
    # Loaded with dlopen(), so not found by ldd. libdevmapper: by the
    # commands that talk to device-mapper, assemble, handover and status
    # (dry-run, capture and disable-queueing too, without --replay).
    # libudev: by those that enumerate the block devices, the same but
    # status, and udev-check (when find_multipaths smart needs a second
    # path) and wait (while a WWID has no map); and by assemble, which waits
    # for udev to handle the uevents it triggers. libblkid: by assemble and
    # handover, which read the maps' partition tables.
    inst_libdir_file libudev.so.1 libdevmapper.so.1.02.1 libblkid.so.1
    inst_rules 56-mpath-boot-dm.rules 59-mpath-boot-partitions.rules 61-mpath-boot.rules \
        "$moddir/62-mpath-boot-initqueue.rules"
    inst_script "$moddir/mpath-boot-queue.sh" /sbin/mpath-boot-queue
    # sg3-utils' rules give paths the SCSI_IDENT_* properties the default
    # blacklist exceptions ask for (as multipath-tools' own setup does).
    inst_rules 55-scsi-sg3_id.rules
    inst_multiple -o sg_inq
    inst_multiple -o /etc/multipath.conf /etc/multipath/bindings /etc/multipath/wwids \
        /etc/multipath/conf.d/*.conf /etc/mpath-boot.conf
    inst_hook cmdline 59 "$moddir/parse-mpath-boot.sh"
    inst_hook emergency 59 "$moddir/mpath-boot-emergency.sh"
    inst_simple "$moddir/mpath-boot-handover.service" "$systemdsystemunitdir/mpath-boot-handover.service"
    $SYSTEMCTL -q --root "$initdir" enable mpath-boot-handover.service
    mkdir -p "$initdir/etc/cmdline.d"
    cmdline >"$initdir/etc/cmdline.d/59mpath-boot.conf"
    dracut_need_initqueue
}

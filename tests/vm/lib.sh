# SPDX-License-Identifier: GPL-2.0-or-later
# The VM rig's building blocks (sourced by tests/vm/run): Debian's kernel,
# a Debian root made by mmdebstrap, a GPT disk image, initramfs images made
# by the machine's dracut, and bounded QEMU boots. Every artifact is cached
# under $cache by a hash of its inputs and rebuilt only when they change;
# the cache is the machine's (MPB_VM_CACHE, default /var/cache/mpath-boot/vm),
# so every clone on it reuses what another built. What the boots leave (console
# logs, results) goes to $runs (MPB_VM_RUNS, default build/vm-runs).
# shellcheck shell=bash

vm_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${MPB_VM_CACHE:-/var/cache/mpath-boot/vm}
runs=${MPB_VM_RUNS:-$vm_dir/../../build/vm-runs}
root_uuid=5a1d0c0e-7e57-4b00-8a11-0000000000a1

log() { printf 'vm: %s\n' "$*" >&2; }

# A short hash of files' contents and of strings.
key_of() {
    local x
    for x in "$@"; do
        if [[ -f "$x" ]]; then sha256sum <"$x"; else printf '%s\n' "$x"; fi
    done | sha256sum | cut -c1-16
}

# Debian's current kernel package, unpacked with its module index.
# Prints the directory, named kernel-<version>: callers run it in $(...),
# so nothing it sets reaches them, and take the version from the name.
prepare_kernel() {
    local pkg kver dir tmp
    pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
    kver=${pkg#linux-image-}
    dir="$cache/kernel-$kver"
    if [[ ! -f "$dir/done" ]]; then
        log "fetching $pkg"
        tmp=$(mktemp -d "$cache/tmp.XXXXXX")
        (cd "$tmp" && apt-get download -q "$pkg" >/dev/null 2>&1)
        rm -rf "$dir" && mkdir -p "$dir"
        dpkg -x "$tmp"/*.deb "$dir"
        depmod -b "$dir" "$kver"
        rm -rf "$tmp"
        touch "$dir/done"
    fi
    touch "$dir"
    echo "$dir"
}

# What every guest root leaves out: manuals, translations and documents
# (dpkg's path-exclude, also for what the guests install later; the
# package's own documents stay, package-lifecycle checks their purge), and
# usrmerge, whose perl is 47 MB (a root made merged-/usr from the start has
# usr-is-merged instead). A smaller root is a cheaper image, and a cheaper
# copy where an installer copies it (under TCG, 116 s for 436 MB).
rootfs_options=(--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*'
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/doc/*'
    --dpkgopt='path-include=/usr/share/doc/mpath-boot/*')

# The Debian root as a tarball, from the package list in tests/vm/packages
# and the packages EXTRA names (a scenario's `packages`): a root with extra
# packages is a tarball of its own, so the other scenarios' guests stay
# without them (lvm2's udev rules, say).
prepare_rootfs() {
    local extra=${1:-} tar packages
    tar="$cache/rootfs-$(key_of "$vm_dir/packages" "${rootfs_options[*]}" ${extra:+"$extra"}).tar"
    (
        flock 9
        if [[ ! -f "$tar" ]]; then
            # shellcheck disable=SC2086 # a list of package names
            packages=$({ grep -v '^#' "$vm_dir/packages" && printf '%s\n' $extra; } | paste -sd, -)
            log "building the Debian root (mmdebstrap: $packages)"
            mmdebstrap --quiet --format=tar --variant=minbase "${rootfs_options[@]}" \
                --include="$packages" bookworm "$tar.part" >&2
            mv "$tar.part" "$tar"
        fi
        touch "$tar"
    ) 9>"$tar.lock"
    echo "$tar"
}

# Kernel modules the real root loads itself (the initramfs has its own),
# unless the root has the kernel's package (packages = linux-image-amd64).
copy_modules() {
    local kdir=$1 root=$2 m="$1/lib/modules/$kver"
    [[ ! -e $root/lib/modules/$kver/modules.dep ]] || return 0
    mkdir -p "$root/lib/modules/$kver/kernel"
    # The SCSI core, virtio-scsi, scsi_debug and the device handlers, not
    # the HBA drivers' directories; ext4 and the few filesystems systemd
    # mounts, not the other 50 (together 51 of 85 MB). drivers/target and
    # fs/configfs: LIO, a SCSI target in the guest (scenarios alua-*);
    # drivers/nvme: NVMe controllers (nvme_paths).
    (cd "$m/kernel" && cp -a --parents drivers/scsi/*.ko drivers/scsi/device_handler drivers/md drivers/block \
        drivers/virtio drivers/target drivers/nvme block fs/ext4 fs/jbd2 fs/mbcache.ko fs/configfs fs/autofs \
        fs/fuse fs/efivarfs fs/binfmt_misc.ko lib crypto arch "$root/lib/modules/$kver/kernel/")
    cp -a "$m"/modules.order "$m"/modules.builtin* "$root/lib/modules/$kver/"
    depmod -b "$root" "$kver"
}

# The guest's own files: the overlay in guest/root, fstab, the report and
# demo units enabled (each runs only when the kernel command line asks), no
# serial getty (it would hang up ttyS0 under the reports), and no
# mdadm-shutdown.service where mdadm is installed: at every power-off it
# runs a whole dracut (70 s under TCG) to make a shutdown initramfs that
# dracut-shutdown.service already restores from the boot's own (with the
# mdraid module's shutdown hook when the system needs it). Masked too:
# units no test looks at that hold up multi-user.target, after which the
# report starts: e2scrub_reap (60 s under TCG where lvm2 is installed: it
# lists every LV), the gettys and the housekeeping timers.
configure_root() {
    local root=$1 unit
    cp -a "$vm_dir/guest/root/." "$root/"
    echo "UUID=$root_uuid / ext4 errors=remount-ro 0 1" >"$root/etc/fstab"
    for unit in serial-getty@ttyS0.service mdadm-shutdown.service e2scrub_reap.service e2scrub_all.timer \
        getty-static.service getty@.service apt-daily.timer apt-daily-upgrade.timer fstrim.timer dpkg-db-backup.timer; do
        ln -sf /dev/null "$root/etc/systemd/system/$unit"
    done
    mkdir -p "$root/etc/systemd/system/multi-user.target.wants"
    ln -sf ../mpb-report.service "$root/etc/systemd/system/multi-user.target.wants/mpb-report.service"
    ln -sf ../mpb-demo.service "$root/etc/systemd/system/multi-user.target.wants/mpb-demo.service"
}

# Writes the raw disk IMG: GPT, one ext4 partition made from the folder
# ROOT (no loop devices).
make_disk_image() {
    local root=$1 img=$2 part="$1.part"
    truncate -s 1535M "$part"
    mkfs.ext4 -q -F -U "$root_uuid" -L root -d "$root" "$part"
    # 1 MiB before the partition for the GPT, 1 MiB after for its backup
    truncate -s 1537M "$img.part"
    printf 'label: gpt\nstart=2048, size=%s, type=L, name=root\n' $((1535 * 2048)) |
        sfdisk -q "$img.part"
    dd if="$part" of="$img.part" bs=1M seek=1 conv=notrunc,sparse status=none
    rm -f "$part"
    mv "$img.part" "$img"
}

# The guest root as a folder: Debian, the kernel's modules, the overlay.
unpack_root() {
    local kdir=$1 tar=$2 root
    root=$(mktemp -d "$cache/tmp.XXXXXX")
    tar -C "$root" -xf "$tar"
    copy_modules "$kdir" "$root"
    configure_root "$root"
    echo "$root"
}

guest_files_key() {
    local guest_files
    mapfile -t guest_files < <(find "$vm_dir/guest/root" -type f | sort)
    key_of "$vm_dir/lib.sh" "${guest_files[@]}"
}

# The stock root disk (no mpath-boot installed).
prepare_image() {
    local kdir=$1 tar=$2 img root
    img="$cache/disk-$(key_of "$tar" "$kver" "$(guest_files_key)").img"
    if [[ ! -f "$img" ]]; then
        log "making the disk image"
        root=$(unpack_root "$kdir" "$tar")
        make_disk_image "$root" "$img"
        rm -rf "$root"
    fi
    touch "$img"
    echo "$img"
}

# Runs the guest root's own dracut inside it (chroot, private mounts), as an
# installed system builds its initramfs: ARGS are dracut's.
dracut_in_root() {
    local root=$1
    shift
    # shellcheck disable=SC2016 # expanded by the inner shell
    unshare --mount --fork -- sh -c 'root=$1; shift
        mount --rbind /dev "$root/dev" && mount -t proc proc "$root/proc" &&
        mount -t sysfs sysfs "$root/sys" && exec chroot "$root" dracut "$@"' sh "$root" "$@"
}

# Runs "$@" in ROOT (chroot) with a policy-rc.d that keeps maintainer
# scripts from stopping or starting any service of the root.
in_root_without_services() {
    local root=$1
    shift
    local status=0
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod +x "$root/usr/sbin/policy-rc.d"
    chroot "$root" "$@" || status=$?
    rm "$root/usr/sbin/policy-rc.d"
    return $status
}

# Installs the project's Debian package ($MPB_DEB, else $MPB_STAGE.deb, as
# tools/stage leaves it) into ROOT with dpkg, as an administrator would.
install_package() {
    local root=$1 deb=${MPB_DEB:-${MPB_STAGE:?}.deb}
    local out
    cp "$deb" "$root/tmp/mpath-boot.deb"
    out=$(in_root_without_services "$root" dpkg -i /tmp/mpath-boot.deb 2>&1) ||
        { echo "$out" >&2; return 1; }
    rm "$root/tmp/mpath-boot.deb"
}

# A guest system with the project's package installed (install_package)
# and its initramfs made by its own dracut with `--add ADD`. INCLUDES ("SRC
# DST" lines) go into the initramfs only, replacing what the root has there;
# ROOT_FILES ("SRC DST" lines) into the root before the initramfs is built;
# the packages PURGE names are removed from the root first. Prints the disk image and the
# initramfs, one per line.
prepare_installed_system() {
    local kdir=$1 tar=$2 add=$3 includes=$4 root_files=$5 purge=${6:-} key img rd root src dst n=0 args=()
    local stage=${MPB_STAGE:?MPB_STAGE: the package unpacked by tools/stage}
    key=$(key_of "$tar" "$kver" "$(guest_files_key)" "$add" "$includes" "$root_files" "$purge" \
        "$vm_dir/guest/mpb-initrd-report.sh" "$vm_dir/guest/mpb-emergency-report.sh" "$vm_dir/guest/mpb-diag-lib.sh" \
        "$(cd "$stage" && find . -type f -print0 | sort -z | xargs -0 sha256sum)" \
        "$(dpkg-deb --ctrl-tarfile "${MPB_DEB:-$stage.deb}" | sha256sum)" \
        "$(awk 'NF {print $1}' <<<"$includes$root_files" | xargs -r cat)")
    img="$cache/system-$key.img" rd="$cache/system-$key.initrd"
    (
        flock 9
        if [[ ! -f "$img" ]]; then
            log "making a system with mpath-boot installed (dracut --add '$add' inside it)"
            root=$(unpack_root "$kdir" "$tar")
            install_package "$root"
            if [[ -n $purge ]]; then
                # What the purge removes of the overlay is put back.
                # shellcheck disable=SC2086 # a list of package names
                in_root_without_services "$root" dpkg --purge $purge >&2
                configure_root "$root"
            fi
            while read -r src dst; do
                [[ -n "$src" ]] && install -D -m 0644 "$src" "$root/$dst"
            done <<<"$root_files"
            mkdir -p "$root/tmp/includes"
            args+=(--include /tmp/includes/report /usr/lib/dracut/hooks/pre-pivot/01-mpb-report.sh)
            cp "$vm_dir/guest/mpb-initrd-report.sh" "$root/tmp/includes/report"
            # A boot that fails on purpose reports from the emergency shell
            # (mpath-boot diagnose) and powers off; both hooks read its
            # findings with the same shell functions.
            args+=(--include /tmp/includes/emergency /usr/lib/dracut/hooks/emergency/99-mpb-diagnose.sh)
            cp "$vm_dir/guest/mpb-emergency-report.sh" "$root/tmp/includes/emergency"
            args+=(--include /tmp/includes/diag-lib /usr/lib/mpb-rig/diag-lib.sh)
            cp "$vm_dir/guest/mpb-diag-lib.sh" "$root/tmp/includes/diag-lib"
            # dracut --include never replaces a file a module installed: the
            # initramfs-only files stand in the root while dracut runs, as
            # if it had been built before they were changed (and are
            # included, for those no module takes).
            while read -r src dst; do
                [[ -n "$src" ]] || continue
                n=$((n + 1))
                if [[ -e "$root/$dst" ]]; then
                    cp -a "$root/$dst" "$root/tmp/includes/$n"
                fi
                install -D -m 0644 "$src" "$root/$dst"
                args+=(--include "$dst" "$dst")
            done <<<"$includes"
            dracut_in_root "$root" --quiet --force --no-hostonly --kver "$kver" --add "$add" \
                "${args[@]}" /tmp/initrd.img >&2
            mv "$root/tmp/initrd.img" "$rd.part"
            n=0
            while read -r src dst; do
                [[ -n "$src" ]] || continue
                n=$((n + 1))
                rm -f "$root/$dst"
                if [[ -e "$root/tmp/includes/$n" ]]; then
                    mv "$root/tmp/includes/$n" "$root/$dst"
                fi
            done <<<"$includes"
            rm -rf "$root/tmp/includes"
            make_disk_image "$root" "$img.tmp"
            rm -rf "$root"
            mv "$rd.part" "$rd"
            mv "$img.tmp" "$img"
        fi
        touch "$img" "$rd"
    ) 9>"$cache/system-$key.lock"
    printf '%s\n%s\n' "$img" "$rd"
}

# An initramfs from the machine's dracut for Debian's kernel, with the
# dracut modules and files a scenario names (`include` lines: SRC DST).
prepare_initrd() {
    local kdir=$1 add=$2 includes=$3 key img args=() src dst
    # The machine's dracut and multipath-tools go into the image too.
    key=$(key_of "$kver" "$add" "$includes" "$(dpkg-query -W dracut-core multipath-tools kpartx udev)" \
        "$vm_dir/guest/mpb-initrd-report.sh" "$vm_dir/guest/root/etc/dracut.conf.d/90-mpb-rig.conf" \
        "$vm_dir/guest/root/etc/multipath.conf" "$vm_dir/guest/root/etc/multipath/wwids" \
        "$vm_dir/guest/root/etc/multipath/bindings")
    img="$cache/initrd-$key.img"
    # Compressed as the guests' own dracut does (in place of the machine's
    # /etc/dracut.conf, which Debian ships with comments only).
    args+=(--conf "$vm_dir/guest/root/etc/dracut.conf.d/90-mpb-rig.conf")
    args+=(--include "$vm_dir/guest/mpb-initrd-report.sh" /usr/lib/dracut/hooks/pre-pivot/01-mpb-report.sh)
    # The guest's multipath configuration, as its own dracut would take it.
    args+=(--include "$vm_dir/guest/root/etc/multipath.conf" /etc/multipath.conf)
    args+=(--include "$vm_dir/guest/root/etc/multipath" /etc/multipath)
    # What an mpath-boot installed on this machine would add to a generic
    # image (its module goes in by itself there) stays out.
    args+=(--omit mpath-boot)
    while read -r src dst; do
        [[ -n "$src" ]] && args+=(--include "$src" "$dst")
    done <<<"$includes"
    # Scenarios running side by side may want the same image: one builds it.
    (
        flock 9
        if [[ ! -f "$img" ]]; then
            log "building an initramfs (dracut --add '$add')"
            dracut --quiet --force --no-hostonly --kver "$kver" --kmoddir "$kdir/lib/modules/$kver" \
                --add "$add" "${args[@]}" "$img.part" >&2
            mv "$img.part" "$img"
        fi
        touch "$img"
    ) 9>"$img.lock"
    echo "$img"
}

# Sends a monitor command through QMP.
qmp() {
    printf '%s\n' '{"execute":"qmp_capabilities"}' \
        "{\"execute\":\"human-monitor-command\",\"arguments\":{\"command-line\":\"$2\"}}" |
        socat -t 2 - "UNIX-CONNECT:$1" >/dev/null
}

# The machine's cache is kept under MPB_VM_CACHE_GIB GiB (default 24, a
# few full runs' worth): every artifact is touched when used, and the least
# recently used go first, but none used in the last two hours (another
# clone's run may be using it).
prune_cache() {
    local limit=$((${MPB_VM_CACHE_GIB:-24} * 1024 * 1024)) total kb path
    # Runs side by side (tools/test's benchmarks) prune one at a time; a
    # file another run removes meanwhile (its temporary directory) is no
    # error, and an entry used since the listing (touched) is kept.
    (
        flock 9
        total=$(du -sk "$cache" 2>/dev/null | cut -f1) || true
        while ((total > limit)) && read -r _ path; do
            [[ -n $(find "$path" -maxdepth 0 -mmin +120 2>/dev/null) ]] || continue
            kb=$(du -sk "$path" 2>/dev/null | cut -f1) || true
            rm -rf "$path"
            total=$((total - ${kb:-0}))
        done < <(find "$cache" -mindepth 1 -maxdepth 1 -mmin +120 ! -name prune.lock -printf '%T@ %p\n' | sort -n)
    ) 9>"$cache/prune.lock"
}

# What every boot shares: sets `cache` and `runs` to their absolute paths,
# `kdir` and `kver` to Debian's kernel, and `image` to the root disk image.
prepare_base() {
    mkdir -p "$cache" "$runs"
    cache=$(cd "$cache" && pwd) runs=$(cd "$runs" && pwd)
    prune_cache
    kdir=$(prepare_kernel)
    kver=${kdir##*/kernel-}
    # shellcheck disable=SC2034 # read by the scripts that source this file
    image=$(prepare_image "$kdir" "$(prepare_rootfs "")")
}

# A blank data volume of SIZE MiB (default 256): GPT with one ext4
# partition (mkfs at the partition's offset, no loop device), for scenarios
# whose data disk has several paths.
prepare_data_disk() {
    local size=${1:-256} img="$cache/data.img"
    [[ $size == 256 ]] || img="$cache/data-${size}M.img"
    # Scenarios running side by side may both want it: one makes it.
    (
        flock 9
        if [[ ! -f "$img" ]]; then
            # 1 MiB before the partition for the GPT, 1 MiB after for its backup
            truncate -s $((size + 2))M "$img.part"
            printf 'label: gpt\nstart=2048, size=%s, type=L, name=data\n' $((size * 2048)) |
                sfdisk -q "$img.part"
            mkfs.ext4 -q -F -L data -E offset=1048576 "$img.part" "${size}M"
            mv "$img.part" "$img"
        fi
        touch "$img"
    ) 9>"$img.lock"
    echo "$img"
}

# Copies what boots the system installed on the disk image IMG out of its
# first partition (ext4, read with debugfs; nothing is mounted) into DIR:
# the newest /boot/initrd.img-KVER as initrd, /boot/vmlinuz-KVER as kernel
# (the rig's own when /boot has none and KVER is the rig's), and
# /etc/kernel/cmdline as cmdline. A first partition with no /boot/initrd.img-*
# is a separate /boot (root elsewhere, on LVM say): the files are at its
# top and the command line is the `options` line of its Boot Loader
# Specification entry, /loader/entries/*.conf, as a boot loader reads it.
# A third argument is the command line instead (a boot loader's fixed
# entry). Prints what is missing when it fails.
extract_boot_files() {
    local img=$1 dir=$2 cmdline=${3:-} start fs rd kv boot=/boot entry
    start=$(partx -g -o START -n 1 "$img" 2>/dev/null) || { echo "the installed disk has no partition"; return 1; }
    fs="$img?offset=$((start * 512))"
    rd=$(newest_initrd "$fs" /boot)
    if [[ -z $rd ]]; then
        boot="" rd=$(newest_initrd "$fs" /)
    fi
    [[ -n $rd ]] || { echo "no /boot/initrd.img-* on the installed disk"; return 1; }
    kv=${rd#initrd.img-}
    debugfs -R "dump $boot/$rd $dir/initrd" "$fs" 2>/dev/null
    debugfs -R "dump $boot/vmlinuz-$kv $dir/kernel" "$fs" 2>/dev/null
    if [[ ! -s $dir/kernel && $kv == "$kver" ]]; then
        cp "$kdir/boot/vmlinuz-$kver" "$dir/kernel"
    fi
    if [[ -n $cmdline ]]; then
        echo "$cmdline" >"$dir/cmdline"
    elif [[ -n $boot ]]; then
        debugfs -R "dump /etc/kernel/cmdline $dir/cmdline" "$fs" 2>/dev/null
    else
        entry=$(debugfs -R 'ls -p /loader/entries' "$fs" 2>/dev/null | awk -F/ '$6 ~ /[.]conf$/ {print $6}' | sort -V | tail -n 1)
        [[ -z $entry ]] || debugfs -R "cat /loader/entries/$entry" "$fs" 2>/dev/null |
            sed -n 's/^options[[:space:]]\{1,\}//p' >"$dir/cmdline"
    fi
    [[ -s $dir/initrd ]] || { echo "$boot/$rd on the installed disk is empty"; return 1; }
    [[ -s $dir/kernel ]] || { echo "no $boot/vmlinuz-$kv on the installed disk"; return 1; }
    [[ -s $dir/cmdline ]] || { echo "no /etc/kernel/cmdline (or /loader/entries/*.conf on a separate /boot) on the installed disk"; return 1; }
}

# The newest initrd.img-KVER in folder DIR of the filesystem FS (debugfs).
newest_initrd() {
    debugfs -R "ls -p $2" "$1" 2>/dev/null | awk -F/ '$6 ~ /^initrd[.]img-/ {print $6}' | sort -V | tail -n 1
}

# The package DEB again, with a higher version (VERSION+upgrade1), as
# OUT: the same files repacked (dpkg-deb -R, then -b), what an upgrade
# installs.
repack_higher() {
    local deb=$1 out=$2 tmp version
    tmp=$(mktemp -d "$cache/tmp.XXXXXX")
    dpkg-deb -R "$deb" "$tmp/pkg"
    version=$(dpkg-deb -f "$deb" Version)
    sed -i "s/^Version: .*/Version: $version+upgrade1/" "$tmp/pkg/DEBIAN/control"
    dpkg-deb -b "$tmp/pkg" "$out" >/dev/null
    rm -rf "$tmp"
}

# A small ext4 image with what a scenario's guest script needs: the
# project's files (MPB_STAGE: its package unpacked, tools/stage) as stage/,
# or with KIND packages the package itself (MPB_DEB) as
# packages/install.deb and a higher version of it (repack_higher) as
# packages/upgrade.deb; the script as script, guest/payload/*.sh, the
# initramfs report hook as initrd-report.sh (an installer puts it into its
# target's initramfs) and the reader of diagnose's findings as
# diag-lib.sh. The guest's report unit mounts it read-only (virtio serial
# mpbpayload) when the kernel command line has mpb.payload, copies stage/
# (when there is one) over /, and runs the script.
prepare_payload() {
    local script=$1 kind=${2:-stage} key img dir stage=${MPB_STAGE:?MPB_STAGE: the package unpacked by tools/stage}
    local deb=${MPB_DEB:-$stage.deb} what
    if [[ $kind == packages ]]; then what=$(sha256sum <"$deb"); else
        what=$(cd "$stage" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
    fi
    key=$(key_of "$script" "$vm_dir"/guest/payload/*.sh "$vm_dir/guest/mpb-initrd-report.sh" "$vm_dir/guest/mpb-diag-lib.sh" \
        "$kind" "$what")
    img="$cache/payload-$key.img"
    (
        flock 9
        if [[ ! -f "$img" ]]; then
            dir=$(mktemp -d "$cache/tmp.XXXXXX")
            if [[ $kind == packages ]]; then
                mkdir "$dir/packages"
                cp "$deb" "$dir/packages/install.deb"
                repack_higher "$deb" "$dir/packages/upgrade.deb"
            else
                cp -a "$stage" "$dir/stage"
            fi
            cp "$script" "$dir/script"
            cp "$vm_dir"/guest/payload/*.sh "$dir/"
            cp "$vm_dir/guest/mpb-initrd-report.sh" "$dir/initrd-report.sh"
            cp "$vm_dir/guest/mpb-diag-lib.sh" "$dir/diag-lib.sh"
            truncate -s 64M "$img.part"
            mkfs.ext4 -q -F -L mpbpayload -d "$dir" "$img.part"
            rm -rf "$dir"
            mv "$img.part" "$img"
        fi
        touch "$img"
    ) 9>"$cache/payload.lock"
    echo "$img"
}

# The image of data disk K (0 when not given) next to vm_data_disk, the
# first one's.
data_image() { if ((${1:-0} == 0)); then echo "${vm_data_disk:?}"; else echo "${vm_data_disk%.img}$1.img"; fi; }

# Adds to `qemu` the vm_data_disks data disks, vm_data_paths scsi-hd paths
# each (see qemu_command).
data_devices() {
    local k i id
    for ((k = 0; k < ${vm_data_disks:-1}; k++)); do
        if ((k == 0)); then id=d; else id=d$k; fi
        for ((i = 0; i < ${vm_data_paths:-0}; i++)); do
            qemu+=(-drive "if=none,id=${id}path$i,file=$(data_image "$k"),format=raw,file.locking=off")
            [[ $k == "${vm_late_disk:-}" ]] ||
                qemu+=(-device "scsi-hd,bus=scsi0.0,drive=${id}path$i,id=${id}dev$i,serial=data$k")
        done
    done
}

# Adds to `qemu` an NVMe subsystem with vm_nvme_paths controllers sharing
# one namespace on vm_data_disk, as a dual-controller NVMe array is seen:
# one subsystem NQN, one namespace UUID (the WWID), two controllers.
nvme_devices() {
    local i
    ((${vm_nvme_paths:-0} > 0)) || return 0
    qemu+=(-drive "if=none,id=nvmens,file=$vm_data_disk,format=raw,file.locking=off"
        -device "nvme-subsys,id=nvmesubsys,nqn=nqn.2026-12.org.mpath-boot:data0")
    for ((i = 0; i < vm_nvme_paths; i++)); do
        qemu+=(-device "nvme,id=nvme$i,serial=mpbnvme0,subsys=nvmesubsys")
    done
    qemu+=(-device "nvme-ns,drive=nvmens,bus=nvme0,nsid=1,shared=on,uuid=5a1d0c0e-7e57-4b00-8a11-0000000000d0")
}

# Sets `qemu` to the command line booting DISK with INITRD, the serial
# console in OUT/console.log and a QMP socket at OUT/qmp.sock, CMDLINE added
# to the kernel's. Disks, from the vm_* settings:
#   vm_root_disk=multipath: the root image through vm_paths scsi-hd devices
#     (dev0.., drives path0..) with serial mpath0; =virtio: on virtio-blk;
#     =none: no root image, and CMDLINE says where root is;
#   vm_data_disk/vm_data_paths: a data image through that many scsi-hd
#     devices (ddev0.., drives dpath0..) with serial data0; with
#     vm_data_disks=N, N such images (data_image), disk K (K >= 1) through
#     devices dKdev0.. (drives dKpath0..) with serial dataK; the devices of
#     disk vm_late_disk are left out (a fault adds them: device_add);
#   vm_scsi_hotplug=off: the guest hears of no scsi-hd plugged or unplugged;
#   vm_data_disk/vm_nvme_paths: the data image as one shared namespace
#     (nvme-ns, nsid 1) of one NVMe subsystem reached through that many
#     controllers (nvme0..);
#   vm_payload: a payload image (prepare_payload) on virtio-blk, read-only;
#   vm_paused=yes: QEMU starts stopped (-S), for faults before the firmware;
#   vm_smp=N: N virtual CPUs (default 1);
#   vm_kernel: the kernel (default Debian's, from prepare_base).
# All scsi-hd devices of one image share its raw file, with locking off.
# Under TCG the kernel's page zeroing at allocation (Debian enables
# init_on_alloc) and proactive compaction of a full page cache cost minutes:
# an installer's boot spent 200 s in kcompactd after copying its root. Both
# are memory housekeeping that nothing under test depends on.
guest_tuning="init_on_alloc=0 sysctl.vm.compaction_proactiveness=0"

qemu_command() {
    local disk=$1 initrd=$2 out=$3 cmdline=$4 i root_arg="root=UUID=$root_uuid "
    [[ ${vm_root_disk:-multipath} != none ]] || root_arg=""
    # -nodefaults: no VGA, NIC, floppy, CD-ROM or parallel port. The guests
    # talk through the serial console and QMP, and a root with all of
    # Debian's modules (package-lifecycle) loaded their drivers under TCG in
    # every boot.
    qemu=(qemu-system-x86_64 -accel tcg -cpu max -m 1024 -smp "${vm_smp:-1}" -nodefaults -display none -no-reboot
        -monitor none -kernel "${vm_kernel:-$kdir/boot/vmlinuz-$kver}" -initrd "$initrd"
        -append "${root_arg}console=ttyS0 panic=-1 $guest_tuning $cmdline"
        -serial "file:$out/console.log" -qmp "unix:$out/qmp.sock,server=on,wait=off"
        -device "virtio-scsi-pci,id=scsi0,hotplug=${vm_scsi_hotplug:-on}")
    [[ ${vm_paused:-no} == yes ]] && qemu+=(-S)
    case ${vm_root_disk:-multipath} in
    virtio) qemu+=(-drive "if=none,id=root,file=$disk,format=raw" -device "virtio-blk-pci,drive=root") ;;
    multipath)
        for ((i = 0; i < ${vm_paths:-2}; i++)); do
            qemu+=(-drive "if=none,id=path$i,file=$disk,format=raw,file.locking=off"
                -device "scsi-hd,bus=scsi0.0,drive=path$i,id=dev$i,serial=mpath0")
        done
        ;;
    esac
    data_devices
    nvme_devices
    if [[ -n ${vm_payload:-} ]]; then
        qemu+=(-drive "if=none,id=payload,file=$vm_payload,format=raw,readonly=on"
            -device "virtio-blk-pci,drive=payload,serial=mpbpayload")
    fi
}

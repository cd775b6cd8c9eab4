# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 15, fault 3: under no_path_retry 5 both root paths' drives are
# deleted for good (the scenario's faults on "MPB-STEP pull-path") while
# root is written. The map queues for 5 checks, then multipathd turns
# queueing off: the writes fail, the filesystem sees errors, and the boot
# must still power off. Once the paths are gone nothing more comes off
# root, so what runs afterwards, here, in mpb-report and in the shutdown,
# is read into the page cache first, and the caches are not dropped: what
# was written cannot be read back, and only the chunks are counted. The
# unit files are read too: systemd loads poweroff.target only when asked,
# and from a dead root that fails ("Unit poweroff.target failed to load
# properly ... Input/output error"), as on any system whose root is gone.
# Reports the features before and after the fault (lost_features,
# failed_features), the chunks of 256 KiB appended and synced before the
# writes failed (chunks_written), how many kernel log lines show an I/O
# error (fs_error_lines), multipathd's journal lines about the map
# (recovery_log, queueing_off_log) and whether systemd took the power-off
# request (poweroff_request).
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

# Reads the executables and libraries the rest of the boot needs.
preload() {
    for tool in journalctl dmesg grep head sync findmnt paste sed tr cut sort basename readlink \
        udevadm dmsetup multipathd systemctl cat awk mawk sh; do
        cat "$(command -v "$tool")" >/dev/null 2>&1 || true
    done
    cat /usr/lib/systemd/systemd-* /usr/local/sbin/mpb-report /usr/sbin/mpath-boot /usr/bin/mount \
        /usr/bin/umount /usr/lib/x86_64-linux-gnu/*.so* /usr/lib/x86_64-linux-gnu/systemd/*.so \
        >/dev/null 2>&1 || true
    find /etc/systemd /run/systemd /usr/lib/systemd /usr/local/lib/systemd -type f \
        -exec cat {} + >/dev/null 2>&1 || true
    journalctl --version >/dev/null
    systemctl --version >/dev/null
}

preload
say lost_features "$(dmsetup table mpatha | cut -d' ' -f4-5)"
file=/var/tmp/mpb-writes
rm -f "$file"
append_chunks_under_pull "$file" ""
say fs_error_lines "$(fs_error_lines)"
journalctl -b -o cat -u multipathd.service >/run/mpb-multipathd.log 2>&1 || true
say recovery_log "$(grep -m1 '^mpatha: Entering recovery mode' /run/mpb-multipathd.log || true)"
say queueing_off_log "$(grep -m1 '^mpatha: Disable queueing' /run/mpb-multipathd.log || true)"
say failed_features "$(dmsetup table mpatha | cut -d' ' -f4-5)"
# The power-off is asked for here, while what it needs is still cached
# (mpb-report asks again). The shutdown it starts sends SIGTERM to this
# service at once, which could kill the report of its status (seen in CI:
# poweroff_request missing, the guest powered off); ignoring it keeps the
# report, and this script ends right after.
trap '' TERM
say poweroff_request "$(systemctl --no-block poweroff >/dev/null 2>&1; echo "status=$?")"

# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 15, fault 2: under no_path_retry queue both root paths are
# unplugged for 20 s, then plugged in again (the scenario's faults on
# "MPB-STEP pull-path"), while root is written. The map queues the writes
# meanwhile; multipathd puts the new paths into it and the writes go on.
# Reports the map's features, the fault scenarios' writes and how long
# they took (writes_seconds), how many disks the kernel removed
# (removed_disks), multipathd's last lines about the map (mpathd_log,
# for the reader), the paths in the table at the end (back_table_paths;
# the kernel gives the new disks the freed names) and how many kernel log
# lines show an I/O error (fs_error_lines: none may).
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

say queue_features "$(dmsetup table mpatha | cut -d' ' -f4-5)"
start=$(date +%s)
fault_writes
# The writes waited out the 20 s without a path: they took longer.
say writes_seconds $(($(date +%s) - start))
# Both disks went away (sd logs each removal), and what multipathd said.
say removed_disks "$(dmesg | grep -c 'Synchronizing SCSI cache' || true)"
say mpathd_log "$(journalctl -b -o cat -u multipathd.service | grep mpatha | tail -n 8 | paste -sd';' -)"
say back_table_paths "$(map_table_paths mpatha)"
say fs_error_lines "$(fs_error_lines)"

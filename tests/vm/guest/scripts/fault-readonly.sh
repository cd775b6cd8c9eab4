# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 15, fault 5: one path of the root volume is write-protected (QEMU
# readonly=on). Reports the kernel's ro flag of each path (ro_paths), the
# reason `mpath-boot dry-run` gives for leaving sdb out (dry_run_sdb), then
# the fault scenarios' writes to root.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

say ro_paths "$(for d in sda sdb; do printf '%s:%s\n' "$d" "$(cat "/sys/block/$d/ro")"; done | paste -sd, -)"
mpath-boot dry-run >/tmp/dry-run 2>&1 || true
say dry_run_sdb "$(sed -n 's/^  sdb: //p' /tmp/dry-run)"
fault_writes

# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 5, scenario 3: a path is pulled (the scenario's fault on
# "MPB-STEP pull-path": drive_del) while the guest writes to root: the
# writes go on through the other path, dm fails the pulled path,
# and what was written reads back the same after the caches are dropped.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

file=/var/tmp/mpb-writes
rm -f "$file"
write_file_under_pull "$file" ""
# The kernel's dm-multipath says which path it failed (multipathd may
# reinstate it later: drive_del leaves a device that answers TUR).
say dm_failed_paths "$(dm_failed_paths)"
say pulled_root "$(findmnt -no SOURCE /)"

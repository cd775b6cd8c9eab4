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
# 64 chunks of 256 KiB of random data, each synced; the pull comes after 16.
i=0
while [ "$i" -lt 64 ]; do
    [ "$i" -eq 16 ] && step pull-path && sleep 5
    head -c 262144 /dev/urandom >>"$file" || break
    sync "$file" || break
    i=$((i + 1))
done
say chunks_written "$i"
before=$(sha256sum "$file" | cut -d' ' -f1)
sync
echo 3 >/proc/sys/vm/drop_caches
after=$(sha256sum "$file" | cut -d' ' -f1)
if [ "$before" = "$after" ]; then
    say checksum same
else
    say checksum "differs: $before $after"
fi
# The kernel's dm-multipath says which path it failed (multipathd may
# reinstate it later: drive_del leaves a device that answers TUR).
say dm_failed_paths "$(dmesg | sed -n 's/.*device-mapper: multipath: [0-9:]*: Failing path \([0-9:]*\)\./\1/p' | sort -u | paste -sd, -)"
say pulled_root "$(findmnt -no SOURCE /)"

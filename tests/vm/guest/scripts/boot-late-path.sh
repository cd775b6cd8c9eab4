# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 5, scenario 2: root came up on the map with its only path; the
# second path is plugged in (the scenario's faults on "MPB-STEP add-path")
# and multipathd in the real root adds it to the map root is mounted from.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

say degraded_paths "$(slaves_of mpatha)"
step add-path
if wait_for_device sdb 90; then
    n=0
    while [ "$(slaves_of mpatha)" != "sda,sdb" ] && [ "$n" -lt 60 ]; do
        sleep 1
        n=$((n + 1))
    done
fi
say late_paths "$(slaves_of mpatha)"
say late_claim_sdb "$(claim_of sdb)"
say late_root "$(findmnt -no SOURCE /)"

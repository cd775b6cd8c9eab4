# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 5, scenario 2: root came up on the map with the path of the
# initqueue and the one plugged in before the handover; a third path is
# plugged in (the scenario's faults on "MPB-STEP add-path") and multipathd
# in the real root adds it to the map root is mounted from.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

say root_paths "$(slaves_of mpatha)"
step add-path
if wait_for_device sdc 90; then
    n=0
    while [ "$(slaves_of mpatha)" != "sda,sdb,sdc" ] && [ "$n" -lt 60 ]; do
        sleep 1
        n=$((n + 1))
    done
fi
say late_paths "$(slaves_of mpatha)"
say late_claim_sdc "$(claim_of sdc)"
say late_root "$(findmnt -no SOURCE /)"

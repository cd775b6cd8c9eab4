#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# dracut emergency hook (sourced by dracut-emergency just after it wrote
# rdsosreport.txt, before the shell): adds mpath-boot's report to that file
# and tells each console where multipath problems are explained.
mpath_boot_emergency() {
    local report=/run/initramfs/rdsosreport.txt tty _
    if [ -f "$report" ]; then
        {
            echo
            echo "+ mpath-boot diagnose"
            mpath-boot diagnose 2>&1
        } >>"$report"
    fi
    while read -r tty _; do
        echo 'mpath-boot: "mpath-boot diagnose" explains multipath problems (its report is in /run/initramfs/rdsosreport.txt)' >"/dev/$tty"
    done </proc/consoles
}
mpath_boot_emergency

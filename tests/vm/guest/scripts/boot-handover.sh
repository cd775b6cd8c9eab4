# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 5, scenario 4: what the handover left for the real root besides its
# record (which mpb-report reports): its line in the kernel log.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

say handover_log "$(dmesg --notime | grep -m1 'rename: ')"

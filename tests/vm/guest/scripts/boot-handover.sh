# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 5, scenario 4: what the handover left for the real root: its record
# in /run/mpath-boot (which switch-root carries over) and its line in the
# kernel log.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

record=/run/mpath-boot/handover.json
say handover_actions "$(sed -n 's/^ *"action": "\([a-z-]*\)",*$/\1/p' "$record" | paste -sd, -)"
say handover_names "$(sed -n 's/^ *"name_\(before\|after\)": "\([^"]*\)",*$/\2/p' "$record" | paste -sd, -)"
say handover_log "$(dmesg --notime | grep -m1 'rename: ')"

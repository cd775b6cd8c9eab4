# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 4, with multipath-tools installed beside mpath-boot (multipathd
# masked): both rule sets give each path the same verdict, assemble builds
# the data disk's map with both paths, status shows them active, udev keeps
# systemd off the paths and their partitions, a second assemble changes
# nothing.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

# "mpath-boot=V,multipath-tools=V" for each path: ours from the udev
# database, theirs from multipath -u as the next event would run it.
verdicts() {
    for d in sda sdb; do
        say "verdicts_$1_$d" "mpath-boot=$(prop "$d" MPATH_BOOT_PATH),multipath-tools=$(mpath_tools_verdict "$d")"
    done
}

# systemd 252 has no "udevadm verify": udevadm test reports what it cannot
# parse as "FILE:LINE Invalid ..., ignoring"; list such lines of our files,
# and check our callout is run.
# A canary rules file with a bad key shows the check can see a problem.
rule_problems() {
    udevadm test /sys/class/block/sda >/tmp/udevtest 2>&1
    grep -E 'mpath-boot[a-z-]*\.rules:[0-9]+' /tmp/udevtest | grep -iE 'invalid|unknown|ignor|error|fail' |
        paste -sd';' -
}
rules_check() {
    mkdir -p /run/udev/rules.d
    echo 'ENV{MPB_CANARY}=="1", FROBNICATE="1"' >/run/udev/rules.d/99-mpath-boot-canary.rules
    say rules_canary "$(rule_problems)"
    rm /run/udev/rules.d/99-mpath-boot-canary.rules
    say rules_problems "$(rule_problems)"
    say rules_callout "$(grep -c 'mpath-boot udev-check sda' /tmp/udevtest)"
}

retrigger
rules_check
verdicts before

# The live dry-run, and the same decision replayed from a capture.
mpath-boot dry-run >/tmp/dry.live 2>&1
say dry_run_live "$(head -n 1 /tmp/dry.live)"
run_mpb capture capture /tmp/snap.json
mpath-boot dry-run --replay /tmp/snap.json >/tmp/dry.replay 2>&1
if cmp -s /tmp/dry.live /tmp/dry.replay; then
    say replay_matches_live yes
else
    say replay_matches_live "no: $(diff /tmp/dry.live /tmp/dry.replay | oneline /dev/stdin)"
fi

run_mpb assemble1 assemble
verdicts after
say map_paths "$(slaves_of mpathb)"
say part_map "$(dmsetup info -c --noheadings -o name,uuid mpathb-part1)"
say bindings "$(grep -v '^#' /etc/multipath/bindings | paste -sd, -)"
say wwids "$(grep -v '^#' /etc/multipath/wwids | paste -sd, -)"
mpath-boot status >/tmp/status
say status_header "$(head -n 1 /tmp/status)"
say status_active_paths "$(grep -c ' active undef running' /tmp/status)"
say status_json_active "$(mpath-boot status --json | grep -c '"dm_state": "active"')"
udevadm settle --timeout=60
for d in sda sdb sda1 sdb1; do
    say "claim_$d" "$(claim_of "$d")"
done

dmsetup table | sort >/tmp/tables.before
run_mpb assemble2 assemble
dmsetup table | sort >/tmp/tables.after
if cmp -s /tmp/tables.before /tmp/tables.after; then
    say tables_unchanged yes
else
    say tables_unchanged no
fi

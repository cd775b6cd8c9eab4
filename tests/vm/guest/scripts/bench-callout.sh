# SPDX-License-Identifier: GPL-2.0-or-later
# bench/callout, in the guest: each tool's udev callout on the same path
# device (the data disk's only path, not in wwids, no map yet, multipathd
# running), with the environment udev would hand it. The kernel command
# line's mpb.bench.rounds=N (bench/callout --quick: 3) runs N times what
# is run 9 (peak RSS) and 20 (wall time) times by default.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

dev=sda
rss_runs=$(cmdline_option mpb.bench.rounds 9) wall_runs=$(cmdline_option mpb.bench.rounds 20)
say device "$dev $(prop "$dev" ID_SERIAL)"
# KEY='value' lines, as udev passes the device's properties to a program.
eval "set -- $(udevadm info -q property --export -n "$dev" | tr '\n' ' ') ACTION=change"

ours() { env -i "$@" /usr/sbin/mpath-boot udev-check "$dev"; }
theirs() { env -i "$@" /sbin/multipath -u "$dev"; }

say verdict_mpath_boot "$(ours "$@" 2>/dev/null | paste -sd, -)"
say verdict_multipath "$(theirs "$@" 2>/dev/null | paste -sd, -)"

# Instructions: callgrind's "Collected : N".
collected() { sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$1"; }
env -i "$@" valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.ours \
    /usr/sbin/mpath-boot udev-check "$dev" >/dev/null 2>/tmp/vg.ours
env -i "$@" valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.theirs \
    /sbin/multipath -u "$dev" >/dev/null 2>/tmp/vg.theirs
say ir_mpath_boot "$(collected /tmp/vg.ours)"
say ir_multipath "$(collected /tmp/vg.theirs)"

# Peak RSS in KiB (GNU time's %M): the median of the runs each, interleaved,
# and the range (one run alone varies by a tenth, with what the page cache
# holds around the pages a run touches).
# peak PROPERTIES... /usr/bin/time -o /tmp/rss -f %M COMMAND...: its %M.
peak() { env -i "$@" >/dev/null 2>&1; tail -n 1 /tmp/rss; }
: >/tmp/rss.ours
: >/tmp/rss.theirs
for _ in $(seq "$rss_runs"); do
    peak "$@" /usr/bin/time -o /tmp/rss -f %M /usr/sbin/mpath-boot udev-check "$dev" >>/tmp/rss.ours
    peak "$@" /usr/bin/time -o /tmp/rss -f %M /sbin/multipath -u "$dev" >>/tmp/rss.theirs
done
median() { sort -n "$1" | sed -n "$(((rss_runs + 1) / 2))p"; }
range() { sort -n "$1" | sed -n '1p;$p' | paste -sd- -; }
say rss_mpath_boot "$(median /tmp/rss.ours)"
say rss_multipath "$(median /tmp/rss.theirs)"
say rss_range_mpath_boot "$(range /tmp/rss.ours)"
say rss_range_multipath "$(range /tmp/rss.theirs)"

# Wall time: the runs each, interleaved, mean in ms.
now() { date +%s%N; }
t_ours=0 t_theirs=0
for _ in $(seq "$wall_runs"); do
    a=$(now); ours "$@" >/dev/null 2>&1; b=$(now); theirs "$@" >/dev/null 2>&1; c=$(now)
    t_ours=$((t_ours + b - a)) t_theirs=$((t_theirs + c - b))
done
say ms_mpath_boot "$((t_ours / wall_runs / 1000000))"
say ms_multipath "$((t_theirs / wall_runs / 1000000))"

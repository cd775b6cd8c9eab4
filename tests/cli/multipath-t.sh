# SPDX-License-Identifier: GPL-2.0-or-later
# multipath -t on a file of the test's own, for the CLI tests (sourced after
# lib.sh). multipath -t reads /etc/multipath.conf and /etc/multipath/conf.d,
# with no option to read another file. The host's /etc stays untouched: in a
# private mount namespace (unshare -m; util-linux makes its mounts private,
# so nothing propagates back), an overlay over /etc takes the file from an
# upper directory in $work, and a tmpfs over /etc/multipath hides any conf.d
# of the host. Everything is gone when the namespace's last process exits.
# Needs root, unshare, overlayfs and multipath; a test is skipped (77)
# without them.
# shellcheck shell=bash
# shellcheck disable=SC2154 # $work comes from lib.sh

skip() {
    echo "SKIP: $*" >&2
    exit 77
}

# multipath_t CONF [CONFD]: runs `multipath -t` reading CONF as
# /etc/multipath.conf (and the *.conf files of the directory CONFD as
# /etc/multipath/conf.d), stdout and stderr into $work/out and $work/err.
multipath_t() {
    cp "$1" "$work/upper/multipath.conf"
    rm -rf "$work/ovl" && mkdir "$work/ovl"
    # shellcheck disable=SC2016 # expanded by the inner shell
    unshare -m sh -c 'mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1,workdir=$2" /etc &&
        mount -t tmpfs none /etc/multipath &&
        if [ -n "$3" ]; then mkdir /etc/multipath/conf.d && cp "$3"/*.conf /etc/multipath/conf.d/; fi &&
        exec multipath -t' \
        sh "$work/upper" "$work/ovl" "${2:-}" >"$work/out" 2>"$work/err"
}

# The top-level section NAME of $work/out, its first occurrence.
section() {
    awk -v open="$1 {" '$0 == open { on = 1 } on { print } on && $0 == "}" { exit }' "$work/out"
}

# Whether multipath -t can be run so: root, multipath, an overlay over /etc
# in a mount namespace; the test is skipped otherwise.
multipath_t_usable() {
    [[ $(id -u) -eq 0 ]] || skip "needs root for a private mount namespace"
    command -v multipath >/dev/null || skip "multipath (multipath-tools) is not installed"
    mkdir -p "$work/upper/multipath" "$work/ovl"
    set +e
    # shellcheck disable=SC2016 # expanded by the inner shell
    unshare -m sh -c 'mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1,workdir=$2" /etc' \
        sh "$work/upper" "$work/ovl" 2>"$work/err"
    status=$?
    set -e
    [[ $status -eq 0 ]] || skip "no overlay over /etc in a mount namespace: $(cat "$work/err")"
}

# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the command-line tests (sourced). Each test runs the built
# binary ($MPATH_BOOT) on fixtures ($FIXTURES) and exits non-zero on the
# first failed check.
# shellcheck shell=bash

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# run ARGS...: runs mpath-boot, keeping stdout, stderr and the exit status.
run() {
    set +e
    "$MPATH_BOOT" "$@" >"$work/out" 2>"$work/err"
    status=$?
    set -e
}

expect_status() {
    [[ $status -eq $1 ]] || fail "exit status $status, expected $1; stderr: $(cat "$work/err")"
}

# expect_file WHICH EXPECTED_FILE: stdout or stderr equals a file.
expect_file() {
    diff -u "$2" "$work/$1" || fail "$1 differs from $2"
}

# expect_text WHICH TEXT: stdout or stderr is exactly TEXT (plus newline).
expect_text() {
    printf '%s\n' "$2" | diff -u - "$work/$1" || fail "$1 is not the expected text"
}

expect_line() {
    grep -qxF -- "$2" "$work/$1" || fail "$1 lacks the line: $2 (got: $(cat "$work/$1"))"
}

expect_empty() {
    [[ ! -s "$work/$1" ]] || fail "$1 is not empty: $(cat "$work/$1")"
}

# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by tools/test and tools/demo (sourced, not run).
# shellcheck shell=bash

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$top/build"

# Every compiler run of the tools (build/, tools/fuzz's build and
# distcheck's, which take CXX from here) goes through ccache, with one cache
# for the machine: a fresh clone on a machine that built the tree before
# compiles only what changed. Paths under the clone are hashed relative to
# it, so clones in other folders share the cache. In depend mode ccache
# takes the headers from the compiler's own -MD output (automake's
# dependency tracking) instead of running the preprocessor once more on a
# miss, so a cold cache costs next to nothing.
use_ccache() {
    command -v ccache >/dev/null || return 0
    export CCACHE_DIR=${CCACHE_DIR:-/var/cache/mpath-boot/ccache} CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1 CCACHE_DEPEND=1
    export CXX="ccache ${CXX:-g++}" FUZZ_CXX="ccache clang++"
}

# Configures (once) and builds the tree in build/, warnings as errors.
build_tree() {
    "$top/tools/setup"
    use_ccache
    if [[ ! -x "$top/configure" || "$top/configure.ac" -nt "$top/configure" ]]; then
        (cd "$top" && autoreconf -fi)
    fi
    mkdir -p "$build"
    if [[ ! -f "$build/Makefile" ]]; then
        (cd "$build" && "$top/configure" --enable-werror --quiet --prefix=/usr --sysconfdir=/etc)
    fi
    make -C "$build" -j"$(nproc)" --no-print-directory
}

# Installs the built tree into build/vm-stage (stripped), the project as a
# VM guest gets it (MPB_STAGE of the rig).
stage_project() {
    rm -rf "$build/vm-stage"
    make -C "$build" --no-print-directory install-strip DESTDIR="$build/vm-stage" >/dev/null
}

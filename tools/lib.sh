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

# The tree's files as git knows them (tracked, and new ones not ignored),
# NUL-separated, relative to the top.
tree_files() {
    local file
    git -C "$top" ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' file; do
            [[ -e "$top/$file" ]] && printf '%s\0' "$file"
        done
}

# The tree's files copied to $1.
copy_tree() {
    mkdir -p "$1"
    tree_files | tar -C "$top" --null -T - -cf - | tar -C "$1" -xf -
}

# The hash of the tree's files (those copy_tree copies), names and contents.
tree_hash() {
    tree_files | (cd "$top" && xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}

# Builds the Debian source and binary packages (debian/) from a copy of the
# tree in $1 (dpkg-buildpackage writes its results beside the source tree
# and builds in it), without the test suite (tools/test runs it), its
# output in $2; prints the binary package's path. A package $1 holds from
# the same tree (tree_hash) is used as it is: tools/test's package check
# and check-vm's stage build it once.
build_deb() {
    local out=$1 log=$2 version src hash deb
    version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
    deb="$out/mpath-boot_${version}_$(dpkg --print-architecture).deb"
    hash=$(tree_hash)
    if [[ -f $deb && $(cat "$out/tree.sha256" 2>/dev/null) == "$hash" ]]; then
        echo "$deb"
        return 0
    fi
    rm -rf "$out"
    src="$out/mpath-boot-$version"
    copy_tree "$src"
    use_ccache
    (cd "$src" && DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" dpkg-buildpackage -us -uc) >"$log" 2>&1 || return 1
    echo "$hash" >"$out/tree.sha256"
    echo "$deb"
}

# The project as a VM guest gets it: the Debian package, built (build_deb)
# and copied to $1/vm-stage.deb (MPB_DEB of the rig, which installs it with
# dpkg), and its files unpacked into $1/vm-stage (MPB_STAGE: what the
# payload copies and the host-side replays run).
stage_project() {
    local dir=$1 deb
    if ! deb=$(build_deb "$dir/deb" "$dir/deb.log"); then
        tail -n 30 "$dir/deb.log" >&2
        echo "stage: the package did not build; its whole output is in $dir/deb.log" >&2
        return 1
    fi
    rm -rf "$dir/vm-stage" "$dir/vm-stage.deb"
    dpkg-deb -x "$deb" "$dir/vm-stage"
    # The guests' roots merge /lib into /usr (Debian 12): `cp -a stage/. /`
    # cannot copy a lib/ directory onto their /lib symlink.
    if [[ -d "$dir/vm-stage/lib" ]]; then
        cp -a "$dir/vm-stage/lib/." "$dir/vm-stage/usr/lib/"
        rm -rf "$dir/vm-stage/lib"
    fi
    cp "$deb" "$dir/vm-stage.deb"
}

# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the benchmarks (sourced): stage the build for the guest, boot
# one rig scenario, read its results.
# shellcheck shell=bash

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$bench_dir/.." && pwd)
build="$top/build"

# Builds the tree (tools/lib.sh) and installs it into the payload stage,
# unless the caller did and says where (MPB_STAGE: tools/test runs the
# benchmarks side by side on the stage `make check-vm` made).
stage_build() {
    if [[ -z ${MPB_STAGE:-} ]]; then
        # shellcheck source=tools/lib.sh
        source "$top/tools/lib.sh"
        build_tree >&2
        stage_project "$build"
        export MPB_STAGE="$build/vm-stage"
    fi
    export MPB_VM_RUNS="${MPB_VM_RUNS:-$build/vm-runs}"
}

# Boots bench/NAME.scn and prints its results file ("key=value" lines).
run_bench_vm() {
    local name=$1
    "$top/tests/vm/run" "$bench_dir/$name.scn" >&2 || true
    cat "$MPB_VM_RUNS/$name/results"
}

# The value of KEY in a results text.
value_of() { sed -n "s/^$2=//p" <<<"$1" | tail -n 1; }

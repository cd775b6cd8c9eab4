# SPDX-License-Identifier: GPL-2.0-or-later
# The fault scenarios' writes (issue 15): 16 MiB appended to a file on root
# in synced 256 KiB chunks ("MPB-STEP pull-path" after a quarter of them,
# for a scenario whose fault waits for it), read back past the page cache:
# whatever the fault did to the paths, nothing written may be lost.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

fault_writes

# SPDX-License-Identifier: GPL-2.0-or-later
# Put into an installed system by the stack installers (payload/install.sh)
# and run by its mpb-report, after the boot facts are reported: 16 MiB
# written to a file on the root while the rig pulls the first path of the
# first LUN (the scenario's second_fault on "MPB-STEP pull-path"); the data
# reads back the same.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /usr/local/lib/mpb-rig/lib.sh

write_under_pull /mpb-writes

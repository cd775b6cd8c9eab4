# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the rig's initramfs hooks (mpb-initrd-report.sh,
# mpb-emergency-report.sh) from /usr/lib/mpb-rig/diag-lib.sh: reads the
# findings out of a report of `mpath-boot diagnose`. Shell builtins only:
# the initramfs may have no grep or sed. No `local` (not POSIX), so every
# name starts with mpb_ to stay out of the way of the hook runner's own.
# shellcheck shell=sh

# SUBJECT, SUBJECT -> SUBJECT,SUBJECT (one result value, no spaces).
mpb_commas() {
    mpb_list=$1
    while :; do
        case $mpb_list in
        *", "*) mpb_list="${mpb_list%%, *},${mpb_list#*, }" ;;
        *) break ;;
        esac
    done
    printf '%s' "$mpb_list"
}

# Sets mpb_codes (CODE,CODE...) and mpb_findings
# (CODE:SUBJECT,SUBJECT;CODE:...) from the finding lines of the report in
# file $1: after the line "Findings", "  N. CODE: SUBJECT, SUBJECT...".
# Message and remedy lines are indented deeper, so never match.
mpb_read_findings() {
    mpb_codes="" mpb_findings="" mpb_in=no
    while IFS= read -r mpb_line || [ -n "$mpb_line" ]; do
        if [ "$mpb_line" = Findings ]; then
            mpb_in=yes
            continue
        fi
        [ "$mpb_in" = yes ] || continue
        case $mpb_line in "  "[0-9]*". "*": "*) ;; *) continue ;; esac
        mpb_rest=${mpb_line#*. }
        mpb_code=${mpb_rest%%: *}
        mpb_codes="$mpb_codes${mpb_codes:+,}$mpb_code"
        mpb_findings="$mpb_findings${mpb_findings:+;}$mpb_code:$(mpb_commas "${mpb_rest#*: }")"
    done <"$1"
}

# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the LUKS stack installers (install-luks.sh, install-luks-lvm.sh)
# after install.sh: LUKS2 on a partition map, opened as luks-UUID
# (anaconda's name), with a keyfile the target's crypttab names by UUID and
# its initramfs holds (the test's stand-in for a passphrase).
# shellcheck shell=sh
# shellcheck disable=SC2154 # install.sh sets target

key=/etc/keys/root.key

# Formats and opens partition map $1: sets luks_uuid and crypt (the opened
# device's name). PBKDF2 at its lowest cost: argon2's memory and time
# would be most of a boot under TCG, and the key is random anyway.
make_luks() {
    head -c 64 /dev/urandom >/tmp/root.key
    run luksformat cryptsetup luksFormat --batch-mode --type luks2 --pbkdf pbkdf2 \
        --pbkdf-force-iterations 1000 --key-file /tmp/root.key "/dev/mapper/$1" || return 1
    luks_uuid=$(cryptsetup luksUUID "/dev/mapper/$1")
    crypt=luks-$luks_uuid
    run luksopen cryptsetup open --key-file /tmp/root.key "/dev/mapper/$1" "$crypt" || return 1
    udevadm settle --timeout=60
    say install_crypt_slaves "$(for s in $(slaves_of "$crypt" | tr , ' '); do
        dm_name_of "$s"
    done | paste -sd+ -)"
}

# The key and the crypttab entry into the target, and both into its
# initramfs: dracut's crypt module copies crypttab only when it builds
# host-only.
luks_files() {
    mkdir -p "$target/etc/keys"
    install -m 0400 /tmp/root.key "$target$key"
    echo "$crypt UUID=$luks_uuid $key luks,discard" >"$target/etc/crypttab"
    say install_crypttab "$(oneline "$target/etc/crypttab")"
    includes="$includes
/etc/crypttab /etc/crypttab
$key $key"
}

close_luks() { cryptsetup close "$crypt"; }

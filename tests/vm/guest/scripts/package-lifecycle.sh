# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian package's life on a system that boots root from a two-path
# disk with dracut's multipath module (multipath-tools installed), one step
# per boot (scenario package-lifecycle: second_boot = root, boots = 4), the
# step done kept in /var/lib/mpb-rig/lifecycle:
#   boot 1: install the package (dpkg -i): the update-initramfs trigger has
#           Debian's dracut rebuild /boot's initramfs, now with mpath-boot;
#   boot 2: (root on the map through mpath-boot) upgrade to a higher
#           version: rebuilt again, the administrator's change to the
#           conffile kept, the shutdown unit not restarted;
#   boot 3: purge it: rebuilt with dracut's multipath module again,
#           /etc/mpath-boot.conf and every file of the package gone,
#           multipath-tools' configuration kept;
#   boot 4: (the multipath module's initramfs) nothing of it is left.
# shellcheck shell=sh
# shellcheck source=tests/vm/guest/payload/lib.sh
. /run/mpb-payload/lib.sh

state=/var/lib/mpb-rig/lifecycle
initrd=/boot/initrd.img-$(uname -r)
unit=mpath-boot-shutdown.service

# Those of dracut's modules mpath-boot and multipath the initramfs holds
# (dracut lists its modules in the image's modules.txt).
initrd_modules() {
    initrd_file "$initrd" usr/lib/dracut/modules.txt | grep -xE 'mpath-boot|multipath' | paste -sd, -
}

# Runs dpkg ARGS and reports, as STEP_*: dpkg's exit status, whether dpkg
# ran dracut's trigger, whether the initramfs is newer than the start, the
# two modules it holds and the package's version now (empty: none).
dpkg_step() {
    name=$1
    shift
    touch /tmp/"$name".start
    dpkg "$@" >/tmp/"$name".out 2>&1
    status=$?
    say "${name}_status" "$status"
    # what went wrong, for the verdict
    [ "$status" = 0 ] || say "${name}_output" "$(tail -n 5 /tmp/"$name".out | paste -sd';' -)"
    say "${name}_trigger" "$(grep -c '^Processing triggers for dracut' /tmp/"$name".out)"
    say "${name}_initrd_rebuilt" "$(find "$initrd" -newer /tmp/"$name".start | grep -c .)"
    say "${name}_initrd_modules" "$(initrd_modules)"
    say "${name}_version" "$(dpkg-query -W -f '${Status} ${Version}' mpath-boot 2>/dev/null |
        sed -n 's/^install ok installed //p')"
}

# The paths of FILES that exist, comma-separated.
present() {
    for f in "$@"; do [ ! -e "$f" ] || printf '%s\n' "$f"; done | paste -sd, -
}

install_package() {
    say before_initrd_modules "$(initrd_modules)"
    dpkg_step install -i /run/mpb-payload/packages/install.deb
    say install_shutdown_unit "$(systemctl is-enabled $unit),$(systemctl is-active $unit)"
    echo installed >"$state"
}

upgrade_package() {
    echo "# the administrator's line, kept across upgrades" >>/etc/mpath-boot.conf
    started=$(systemctl show -P ActiveEnterTimestampMonotonic $unit)
    dpkg_step upgrade -i /run/mpb-payload/packages/upgrade.deb
    say upgrade_conf_kept "$(grep -c "the administrator's line" /etc/mpath-boot.conf)"
    if [ "$(systemctl show -P ActiveEnterTimestampMonotonic $unit)" = "$started" ]; then
        say upgrade_shutdown_unit "$(systemctl is-active $unit),not restarted"
    else
        say upgrade_shutdown_unit "$(systemctl is-active $unit),restarted"
    fi
    echo upgraded >"$state"
}

purge_package() {
    dpkg_step purge --purge mpath-boot
    say purge_left "$(present /etc/mpath-boot.conf /usr/sbin/mpath-boot /usr/sbin/mpath-boot-ks \
        /usr/lib/dracut/modules.d/59mpath-boot /lib/systemd/system/$unit \
        /etc/systemd/system/multi-user.target.wants/$unit /usr/share/doc/mpath-boot \
        /lib/udev/rules.d/61-mpath-boot.rules)"
    say purge_kept "$(present /etc/multipath.conf /etc/multipath/wwids /etc/multipath/bindings)"
    echo purged >"$state"
}

mkdir -p "${state%/*}"
case $(cat "$state" 2>/dev/null) in
"") install_package ;;
installed) upgrade_package ;;
upgraded) purge_package ;;
purged) say lifecycle_left "$(dpkg-query -W -f '${Status}' mpath-boot 2>/dev/null)" ;;
esac

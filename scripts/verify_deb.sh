#!/usr/bin/env bash
# Checks the package the way a user meets it, on a fresh Debian 12 (a debootstrap chroot):
# apt-get install resolves its dependencies, `attention-lab --walkthrough` runs, the man page
# formats, Qt's Chinese texts came along, and the menu's command (the Exec= line of the installed
# .desktop file) opens the window under Xvfb — in English and in 简体中文; the screenshots are copied
# to build-deb/menu-start-en.png and build-deb/menu-start-zh_CN.png to look at.
# Needs root, debootstrap and Debian's archive. Usage: bash scripts/verify_deb.sh [CHROOT] (default
# /tmp/chroot-deb, created when missing; it installs Xvfb and scrot in the chroot, never on the host).
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-/tmp/chroot-deb}
deb=$(ls -1 build-deb/attention-lab_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "verify_deb: no build-deb/attention-lab_*.deb; run scripts/package.sh first" >&2; exit 1; }
id=io.github.attentionlab.AttentionLab

[ -x "$root/usr/bin/apt-get" ] || debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
cp /etc/resolv.conf "$root/etc/resolv.conf"
cat > "$root/etc/apt/sources.list" <<'LIST'
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
LIST
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
mountpoint -q "$root/dev" || mount --bind /dev "$root/dev"
trap 'umount "$root/dev" "$root/proc" 2>/dev/null || true' EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

cp "$deb" "$root/tmp/"
in_root apt-get update -qq
in_root apt-get install -y -q "/tmp/$(basename "$deb")"
echo "verify_deb: --walkthrough"; in_root attention-lab --walkthrough | head -5
in_root dpkg -L qt6-translations-l10n | grep -q qtbase_zh_CN.qm && echo "verify_deb: qtbase_zh_CN.qm installed"
in_root apt-get install -y -q --no-install-recommends xvfb xauth scrot groff-base >/dev/null
in_root sh -c 'groff -man -Tutf8 -ww -z /usr/share/man/man1/attention-lab.1.gz 2>&1 || zcat /usr/share/man/man1/attention-lab.1.gz | groff -man -Tutf8 -ww -z' \
  && echo "verify_deb: the man page formats"

# The menu's command: Exec= of the installed desktop entry, without field codes (%f, %U, …).
exec_line=$(in_root sed -n 's/^Exec=//p' "/usr/share/applications/$id.desktop" | sed 's/ *%[a-zA-Z]//g')
echo "verify_deb: starting \"$exec_line\" as the menu would"
for lang in en zh_CN; do
  in_root sh -c "mkdir -p /root/.config/AttentionLab && printf '[ui]\nlanguage=$lang\n' > /root/.config/AttentionLab/AttentionLab.conf"
  in_root xvfb-run -a -s "-screen 0 1280x800x24" sh -c \
    "$exec_line & app=\$!; sleep 10; kill -0 \$app && scrot /tmp/menu-start-$lang.png; status=\$?; kill \$app; exit \$status"
  cp "$root/tmp/menu-start-$lang.png" build-deb/
  echo "verify_deb: build-deb/menu-start-$lang.png"
done

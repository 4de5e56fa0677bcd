#!/usr/bin/env bash
# Installs the Debian package on a fresh, minimal Debian and removes it again, as a clinic's IT
# person would with apt:
# - a minimal Debian of this machine's release is made with debootstrap in target/fresh-debian;
# - `apt install ./needle-guide_….deb` there brings everything the package depends on;
# - `--version`, `check`, the desktop entry, the icons, the metainfo and the kiosk's example unit;
# - the window opens and is painted, with only the libraries the package brought (on a private
#   Xvfb, reached over 127.0.0.1; a screenshot is kept in target/fresh-debian-window.png);
# - `apt remove` then `apt purge` leave none of the package's files behind.
# Usage: scripts/deb-fresh-install.sh [needle-guide_….deb]
# With no package given, builds one with scripts/build-deb.sh. Needs root or sudo (debootstrap
# and chroot) and the network (Debian's mirror); installs debootstrap, xvfb, xdotool and
# imagemagick when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
source scripts/xvfb.sh
mapfile -t needed < <(missing_window_tools)
command -v debootstrap >/dev/null || needed+=(debootstrap)
scripts/apt-install.sh "${needed[@]}"
deb=${1:-}
if [ -z "$deb" ]; then
    scripts/build-deb.sh >&2
    deb=$(ls -t target/debian/needle-guide_*.deb | head -1)
fi
version=$(dpkg-deb --field "$deb" Version)
release=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")

root=target/fresh-debian
$sudo rm -rf "$root"
started=$(date +%s)
$sudo debootstrap --variant=minbase "$release" "$root" http://deb.debian.org/debian >"$root.log" 2>&1 ||
    { tail -20 "$root.log" >&2; echo "debootstrap failed (log: $root.log)" >&2; exit 1; }
echo "a fresh Debian $release made in $(( $(date +%s) - started )) s"
# Runs a command in the fresh Debian, with a clean environment.
inside() {
    $sudo chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
$sudo cp "$deb" "$root/tmp/"
package=/tmp/$(basename "$deb")

failed=0
# Runs a check (a command and its arguments, its output hidden) and says how it went.
check() {
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then
        echo "ok: $what"
    else
        echo "FAILED: $what"
        failed=$((failed + 1))
    fi
}

started=$(date +%s)
inside apt-get update -q >/dev/null
inside apt-get install -y -q "$package" >"$root.install.log" 2>&1 ||
    { tail -20 "$root.install.log" >&2; echo "apt install failed" >&2; exit 1; }
echo "apt install ./$(basename "$deb"): $(( $(date +%s) - started )) s, $(grep -c '^Setting up' "$root.install.log") packages set up"

check "--version prints needle-guide ${version%-*}" \
    test "$(inside needle-guide --version)" = "needle-guide ${version%-*}"
# The built-in clinic.ron names no number, so `check` says NOT READY FOR PATIENTS with exit 3 (a
# broken file is 1); over a clinic with numbers (the tests' made-up one) it passes.
not_ready() {
    local code=0
    inside needle-guide check >/dev/null 2>&1 || code=$?
    [ "$code" -eq 3 ]
}
check "check: the built-in content is sound but NOT READY FOR PATIENTS (exit 3)" not_ready
$sudo mkdir -p "$root/tmp/test-clinic"
$sudo cp tests/fixtures/test-clinic/clinic.ron "$root/tmp/test-clinic/"
check "check: with a clinic's numbers the content is ready" inside needle-guide check /tmp/test-clinic
files=$(inside dpkg --listfiles needle-guide)
for file in /usr/bin/needle-guide \
    /usr/share/applications/needle-guide.desktop \
    /usr/share/icons/hicolor/256x256/apps/needle-guide.png \
    /usr/share/icons/hicolor/scalable/apps/needle-guide.svg \
    /usr/share/metainfo/org.needleguide.needle_guide.metainfo.xml \
    /usr/share/doc/needle-guide/examples/needle-guide-kiosk.service; do
    check "installed $file" grep -qx "$file" <<<"$files"
done

start_xvfb 1280x800 tcp
started=$(date +%s%N)
# The app notes its process id inside, for stopping it there: from outside it may be another
# user's process.
inside env DISPLAY="127.0.0.1$display" \
    sh -c 'echo $$ >/tmp/app.pid; exec needle-guide --page risks' 2>"$root.window.log" &
app=$!
# Its own lines: when the window opened, and the screenshot.
if window_painted "$started" target/fresh-debian-window.png; then
    echo "ok: the window opens and is painted"
else
    echo "FAILED: the window (its messages: $root.window.log)"
    failed=$((failed + 1))
fi
$sudo kill "$(cat "$root/tmp/app.pid")" 2>/dev/null || true
wait $app 2>/dev/null || true

# apt's "Can not write log (Is /dev/pts mounted?)" is about its terminal log, not the package.
inside apt-get remove -y -q needle-guide >"$root.remove.log" 2>&1 ||
    { cat "$root.remove.log" >&2; echo "apt remove failed" >&2; exit 1; }
# A package without configuration files is gone after remove; purge whatever else is kept.
if inside dpkg-query --show needle-guide >/dev/null 2>&1; then
    inside apt-get purge -y -q needle-guide >>"$root.remove.log" 2>&1
fi
left=()
while read -r file; do
    [ -f "$root$file" ] && left+=("$file")
done <<<"$files"
check "apt remove and purge leave none of its files" test ${#left[@]} -eq 0
[ ${#left[@]} -eq 0 ] || printf '  left: %s\n' "${left[@]}"
check "dpkg knows it no more" test -z "$(inside dpkg-query --show --showformat='${Status}' needle-guide 2>/dev/null || true)"

[ "$failed" -eq 0 ] || { echo "$failed checks failed" >&2; exit 1; }
echo "all checks passed"

#!/usr/bin/env bash
# Smoke test of the Windows program under Wine, in a private Xvfb:
# - `--version`, `text` (both languages) and `check` print what the Linux build prints;
# - `handout -o` writes the same file as on Linux;
# - the window opens on the risks page, and is painted (a screenshot is kept in target/wine/).
# Usage: scripts/wine-smoke.sh [needle-guide.exe]
# With no program given, builds one with scripts/build-windows.sh. Installs what it needs (Debian's
# wine, xvfb, xdotool, imagemagick and the MinGW compiler) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/xvfb.sh
source scripts/wine/wine.sh
mapfile -t needed < <(missing_window_tools)
command -v x86_64-w64-mingw32-gcc >/dev/null || needed+=(gcc-mingw-w64-x86-64)
scripts/apt-install.sh "${needed[@]}"
# Wine with the X libraries it recommends (its window driver uses XRandR, XInput, XRender …), as
# it was tried here.
command -v wine >/dev/null || scripts/apt-install.sh --recommends wine
exe=${1:-}
if [ -z "$exe" ]; then
    scripts/build-windows.sh >&2
    exe=${CARGO_TARGET_DIR:-target}/x86_64-pc-windows-gnu/release/needle-guide.exe
fi
# The Linux build to compare with: the release build, which CI has already made for
# stale-pixels.sh (a debug build would be one more program to link).
linux=$(app_binary)

start_xvfb 1280x800
work=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; kill $xvfb_pid 2>/dev/null; rm -rf "$work"' EXIT
place_program "$exe" "$work"
export DISPLAY=$display WINEPREFIX=$work/prefix
started=$(date +%s)
make_wine_prefix "$WINEPREFIX"
echo "wine prefix made in $(( $(date +%s) - started )) s"

failed=0
same() {
    local what=$1
    shift
    if diff -u <("$linux" "$@" 2>&1) <(cd "$work" && wine needle-guide.exe "$@" 2>&1) >"$work/diff"; then
        echo "same as Linux: $what"
    else
        echo "DIFFERENT from Linux: $what"
        head -20 "$work/diff"
        failed=$((failed + 1))
    fi
}
same "--version" --version
same "text" text
same "text --lang es" text --lang es
same "check" check
same "check of a missing folder" check --content no-such-folder
"$linux" handout -o "$work/linux.pdf"
(cd "$work" && wine needle-guide.exe handout -o windows.pdf)
if cmp -s "$work/linux.pdf" "$work/windows.pdf"; then
    echo "same as Linux: handout -o ($(stat -c %s "$work/windows.pdf") bytes)"
else
    echo "DIFFERENT from Linux: handout -o"
    failed=$((failed + 1))
fi

# The program carries its icon and its version information (Explorer's Properties → Details).
resources=$(x86_64-w64-mingw32-windres -i "$work/needle-guide.exe" -J coff -O rc 2>/dev/null)
version=$("$linux" --version | awk '{print $2}')
if grep -q "RT_GROUP_ICON" <<<"$resources" &&
    grep -q "\"ProductName\", \"Dry Needling Guide\"" <<<"$resources" &&
    grep -q "\"FileVersion\", \"$version\"" <<<"$resources"; then
    echo "icon and version information $version in the program"
else
    echo "NO ICON OR VERSION INFORMATION in the program"
    failed=$((failed + 1))
fi
# Built for the window: Explorer opens no console window beside it.
headers=$(x86_64-w64-mingw32-objdump -p "$work/needle-guide.exe")
if grep -q "Subsystem.*Windows GUI" <<<"$headers"; then
    echo "a window program: no console window from Explorer"
else
    echo "A CONSOLE PROGRAM: Explorer would open a console window beside it"
    failed=$((failed + 1))
fi

# The window: its title names the page, and the page background is painted.
started=$(date +%s%N)
(cd "$work" && wine needle-guide.exe --page risks 2>"$work/window.log") &
if ! window_painted "$started" target/wine/window.png; then
    cat "$work/window.log"
    failed=$((failed + 1))
fi
[ "$failed" -eq 0 ] || { echo "$failed checks failed" >&2; exit 1; }
echo "all checks passed"

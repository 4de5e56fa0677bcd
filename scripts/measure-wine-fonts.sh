#!/usr/bin/env bash
# The Windows program's first painted frame under Wine, with C:\Windows\Fonts empty (Wine's own
# fonts live elsewhere) and with the Noto fonts of this machine copied into it, side by side:
# each run starts every program given once with each, in turn. Prints every run and the medians.
# Usage: scripts/measure-wine-fonts.sh RUNS PROGRAM.exe ...
# Needs what scripts/wine-smoke.sh installs, and fonts-noto-core and fonts-noto-cjk.
set -euo pipefail
runs=$1
shift
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/wine/wine.sh"
start_xvfb 1280x800
work=$(mktemp -d)
trap 'for p in "$work"/prefix-*; do WINEPREFIX=$p wineserver -k 2>/dev/null || true; done; kill $xvfb_pid 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=$display
for fonts in none noto; do
    make_wine_prefix "$work/prefix-$fonts"
    # Kept running between starts, as on a PC the system is already up.
    WINEPREFIX=$work/prefix-$fonts wineserver -p
done
cp /usr/share/fonts/truetype/noto/*.ttf /usr/share/fonts/opentype/noto/*.ttc \
    "$work/prefix-noto/drive_c/windows/Fonts/"
echo "C:\\Windows\\Fonts with Noto: $(ls "$work/prefix-noto/drive_c/windows/Fonts" | wc -l) files"
for index in $(seq $#); do
    mkdir "$work/$index"
    place_program "${!index}" "$work/$index"
done
# Wine puts the window at +5+23 without a window manager: a pixel of the page background there.
frame_pixel="1240 400"
declare -A frames
for run in $(seq "$runs"); do
    line="run $run:"
    for index in $(seq $#); do
        for fonts in none noto; do
            ms=$(cd "$work/$index" && WINEPREFIX=$work/prefix-$fonts first_frame_ms wine needle-guide.exe --page risks) || ms=failed
            # The program runs on under Wine's loader; end it before the next start.
            pkill -f "$work/$index/needle-guide.exe" 2>/dev/null || pkill -f needle-guide.exe || true
            sleep 0.5
            frames["$index $fonts"]+=" $ms"
            line+=" ${!index} $fonts ${ms} ms;"
        done
    done
    echo "$line"
done
for index in $(seq $#); do
    for fonts in none noto; do
        # shellcheck disable=SC2086
        echo "${!index}, $fonts: median $(median ${frames["$index $fonts"]//failed/}) ms of${frames["$index $fonts"]}"
    done
done

#!/usr/bin/env bash
# The first painted frame with the machine's fonts and with the same machine limited to the DejaVu
# fonts, side by side: each run starts every binary given once with each set of fonts, in turn,
# under one Xvfb (1280×800). Prints every run and each pairing's median.
# Usage: scripts/measure-fonts.sh [runs] [binary ...]   With no binary, the release build.
# "DejaVu only" is a fontconfig file naming only DejaVu's folder (FONTCONFIG_FILE), which is what
# iced's text system reads on Linux. Needs xvfb, xdotool, python3 and fonts-dejavu-core.
set -euo pipefail
runs=${1:-6}
shift || true
source "$(dirname "$0")/xvfb.sh"
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=("$(app_binary "")")
start_xvfb 1280x800
dejavu=$(mktemp --suffix=.conf)
trap 'kill $xvfb_pid 2>/dev/null; rm -f "$dejavu"' EXIT
printf '<?xml version="1.0"?>\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir></fontconfig>\n' >"$dejavu"
echo "fonts installed: $(fc-list 2>/dev/null | wc -l) faces (fc-list)"
declare -A frames
for run in $(seq "$runs"); do
    line="run $run:"
    for binary in "${binaries[@]}"; do
        for fonts in all dejavu; do
            if [ $fonts = all ]; then
                ms=$(first_frame_ms env -u FONTCONFIG_FILE "$binary") || ms=failed
            else
                ms=$(first_frame_ms env FONTCONFIG_FILE="$dejavu" "$binary") || ms=failed
            fi
            frames["$binary $fonts"]+=" $ms"
            line+=" $(basename "$binary") $fonts ${ms} ms;"
        done
    done
    echo "$line"
done
for binary in "${binaries[@]}"; do
    for fonts in all dejavu; do
        # shellcheck disable=SC2086
        echo "$binary, $( [ $fonts = all ] && echo "all fonts" || echo "DejaVu only"):" \
            "median $(median ${frames["$binary $fonts"]//failed/}) ms of${frames["$binary $fonts"]}"
    done
done

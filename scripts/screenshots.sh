#!/usr/bin/env bash
# Screenshots of the real window under Xvfb, one per page, for looking at the app as a patient
# would. Usage: scripts/screenshots.sh [WIDTHxHEIGHT] [OUT_DIR] [page ids...]
# Needs xvfb, imagemagick and xdotool (apt-get install xvfb imagemagick xdotool).
set -euo pipefail
size=${1:-1280x800}
out=${2:-target/screenshots/$size}
shift $(( $# > 2 ? 2 : $# ))
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(home about compare conditions before risks after warning-signs sources questions glossary key-points condition/lateral-epicondylitis)
mkdir -p "$out"
source "$(dirname "$0")/xvfb.sh"
binary=$(app_binary)
start_xvfb "$size"
for page in "${pages[@]}"; do
    DISPLAY=$display "$binary" --page "$page" ${LANG_FLAG:-} &
    app=$!
    wait_for_window $app || { echo "the app showed no window for $page" >&2; exit 1; }
    sleep 0.5
    # No window manager here: make the window fill the screen, as a maximised window would.
    DISPLAY=$display xdotool search --sync --onlyvisible --name . windowsize %@ "${size%x*}" "${size#*x}" >/dev/null
    sleep 1
    DISPLAY=$display import -window root "$out/${page//\//_}.png"
    kill $app
    wait $app 2>/dev/null || true
done
echo "screenshots in $out"

#!/usr/bin/env bash
# Screenshots of the real window under Xvfb, one per page, for looking at the app as a patient
# would. Usage: scripts/screenshots.sh [WIDTHxHEIGHT] [OUT_DIR] [page ids...]
# Needs xvfb, imagemagick and xdotool (apt-get install xvfb imagemagick xdotool).
set -euo pipefail
size=${1:-1280x800}
out=${2:-target/screenshots/$size}
shift $(( $# > 2 ? 2 : $# ))
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(home about compare conditions risks warning-signs before after glossary key-points condition/lateral-epicondylitis)
cargo build --release --quiet
mkdir -p "$out"
# The first display number nobody else is using.
n=90
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
display=:$n
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
for page in "${pages[@]}"; do
    DISPLAY=$display ./target/release/needle-guide --page "$page" ${LANG_FLAG:-} &
    app=$!
    sleep 1.5
    # No window manager here: make the window fill the screen, as a maximised window would.
    DISPLAY=$display xdotool search --sync --onlyvisible --name . windowsize %@ "${size%x*}" "${size#*x}" >/dev/null
    sleep 1
    DISPLAY=$display import -window root "$out/${page//\//_}.png"
    kill $app
    wait $app 2>/dev/null || true
done
echo "screenshots in $out"

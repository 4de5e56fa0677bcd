#!/usr/bin/env bash
# Taps through the teach-back check in the real window under Xvfb (1280×800, English), from the
# plan `cargo run --example tap_plan` prints, and saves a screenshot of the summary.
# Usage: scripts/tap-check.sh [OUT_PNG]   Needs xvfb, xdotool and imagemagick.
set -euo pipefail
out=${1:-target/screenshots/check-summary.png}
mkdir -p "$(dirname "$out")"
plan=$(mktemp)
cargo run -q --example tap_plan > "$plan"
source "$(dirname "$0")/xvfb.sh"
binary=$(app_binary)
start_xvfb 1280x800
DISPLAY=$display "$binary" --page teach-back &
app=$!
wait_for_window $app || { echo "the app showed no window" >&2; exit 1; }
sleep 1
DISPLAY=$display xdotool search --sync --onlyvisible --name . windowsize %@ 1280 800 >/dev/null
sleep 1
taps=0
while read -r x y words; do
    DISPLAY=$display xdotool mousemove "$x" "$y" click 1
    taps=$((taps + 1))
    sleep 0.3
done < "$plan"
DISPLAY=$display import -window root "$out"
kill $app
wait $app 2>/dev/null || true
rm -f "$plan"
echo "$taps taps; the summary is in $out"

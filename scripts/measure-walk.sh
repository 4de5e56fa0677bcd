#!/usr/bin/env bash
# Peak memory of the release app after a therapist's worst day, in a real window under Xvfb:
# every page, at 100% and at 200% text, presenting, quick jump; several passes, at 1920×1080.
# Usage: scripts/measure-walk.sh [passes] [binary]   Needs xvfb and xdotool.
set -euo pipefail
passes=${1:-6}
source "$(dirname "$0")/xvfb.sh"
binary=$(app_binary "${2:-}")
start_xvfb 1920x1080
DISPLAY=$display "$binary" &
app=$!
wait_for_window $app || { echo "the app showed no window" >&2; exit 1; }
window=$(DISPLAY=$display xdotool search --onlyvisible --name . | head -1)
# No window manager here: size the window to the screen and give it the keyboard by hand.
DISPLAY=$display xdotool windowsize "$window" 1920 1080 windowfocus "$window"
sleep 1
peak() { awk '/VmHWM/ {print $2}' "/proc/$app/status"; }
keys() { DISPLAY=$display xdotool key --delay 150 "$@"; }
pages=11 # the ten pages and the condition page reached from them
echo "at start: peak RSS $(( $(peak) / 1024 )) MB"
for pass in $(seq "$passes"); do
    keys $(printf 'Right %.0s' $(seq $pages)) $(printf 'Left %.0s' $(seq $pages))
    keys ctrl+equal ctrl+equal ctrl+equal ctrl+equal # the largest text
    keys $(printf 'Right %.0s' $(seq $pages)) F5 $(printf 'Left %.0s' $(seq $pages))
    keys ctrl+k && DISPLAY=$display xdotool type --delay 100 pain && keys Escape
    keys F5 ctrl+0
    echo "after pass $pass: peak RSS $(( $(peak) / 1024 )) MB"
done
kill $app
wait $app 2>/dev/null || true

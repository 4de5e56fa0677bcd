#!/usr/bin/env bash
# Starts the kiosk again and again under Xvfb, with no window manager and then under openbox, and
# checks each start: the window fills the screen, and the kiosk laid out for that screen, the same
# way every time. Needs xvfb, xdotool, x11-utils and openbox
# (apt-get install xvfb xdotool x11-utils openbox). scripts/kiosk-starts-cage.sh does the same
# under cage.
#
#   scripts/kiosk-starts.sh [RUNS] [WIDTHxHEIGHT] [BINARY]     default: 20 1280x800, a release build
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/kiosk-lib.sh

runs=${1:-20}
size=${2:-1280x800}
app=$(app_binary "${3:-}")
start_xvfb "$size"

failed=0
layouts=()
for wm in none openbox; do
    wm_pid=
    if [ "$wm" = openbox ]; then
        DISPLAY=$display openbox >/dev/null 2>&1 &
        wm_pid=$!
        for _ in $(seq 200); do
            DISPLAY=$display xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break
            sleep 0.05
        done
    fi
    for run in $(seq "$runs"); do
        log=$(mktemp)
        if ! start_x_kiosk "$app" "$log"; then
            echo "$wm, start $run: no window"; failed=1; rm -f "$log"; continue
        fi
        # Give a window manager time to settle.
        sleep 0.7
        geometry=$(x_window_geometry)
        layout=$(kiosk_layout "$log")
        kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true
        rm -f "$log"
        verdict=ok
        [ "$geometry" = "$size" ] || verdict="WRONG: the window is not the screen"
        [ "${layout%%,*}" = "screen ${size/x/×}" ] || verdict="WRONG: the screen logged is not the screen"
        [ -n "$layout" ] || verdict="WRONG: no layout logged"
        echo "$wm, start $run: window $geometry; $layout: $verdict"
        [ "$verdict" = ok ] || failed=1
        layouts+=("$layout")
    done
    [ -z "$wm_pid" ] || kill "$wm_pid"
done

distinct=$(printf '%s\n' "${layouts[@]}" | sort -u | wc -l)
echo "$((2 * runs)) starts, $distinct distinct layout(s)"
[ "$distinct" -eq 1 ] || failed=1
exit "$failed"

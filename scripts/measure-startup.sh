#!/usr/bin/env bash
# Start-up of the release build under Xvfb (no GPU): time to the first window, time to its first
# painted frame, and peak memory. Each is timed in its own runs, so one observer does not slow
# the other's measurement.
# Usage: scripts/measure-startup.sh [runs] [binary]   Needs xvfb, xdotool and python3.
# With no binary, builds and measures target/release/needle-guide.
set -euo pipefail
runs=${1:-5}
source "$(dirname "$0")/xvfb.sh"
binary=$(app_binary "${2:-}")
start_xvfb 1280x800
echo "binary: $(stat -c %s "$binary") bytes"
failed=0
for run in $(seq "$runs"); do
    start=$(date +%s%N)
    DISPLAY=$display "$binary" &
    app=$!
    # The window is up once X has a viewable window with a name: the app is the only client.
    if ! wait_for_window $app; then
        echo "run $run: the app exited without showing a window"
        failed=$((failed + 1))
        continue
    fi
    shown=$(date +%s%N)
    sleep 2
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
    stop_app $app
    echo "run $run: first window $(( (shown - start) / 1000000 )) ms, peak RSS $(( peak / 1024 )) MB"
done
frames=()
for run in $(seq "$runs"); do
    if ms=$(first_frame_ms "$binary"); then
        echo "run $run: first frame painted $ms ms"
        frames+=("$ms")
    else
        echo "run $run: no frame painted within 10 s"
        failed=$((failed + 1))
    fi
done
[ ${#frames[@]} -eq 0 ] || echo "first frame: median $(median "${frames[@]}") ms"
[ "$failed" -eq 0 ] || { echo "$failed of $((runs * 2)) runs failed" >&2; exit 1; }

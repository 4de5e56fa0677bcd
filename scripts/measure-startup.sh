#!/usr/bin/env bash
# Time to first window and peak memory of the release build under Xvfb (no GPU).
# Usage: scripts/measure-startup.sh [runs] [binary]   Needs xvfb and xdotool.
# With no binary, builds and measures target/release/needle-guide.
set -euo pipefail
runs=${1:-5}
binary=${2:-}
if [ -z "$binary" ]; then
    cargo build --release --quiet
    binary=target/release/needle-guide
fi
# The first display number nobody else is using.
n=90
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
display=:$n
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
echo "binary: $(stat -c %s "$binary") bytes"
for run in $(seq "$runs"); do
    start=$(date +%s%N)
    DISPLAY=$display "$binary" &
    app=$!
    # The window is up once X has a viewable window with a name: the app is the only client.
    until DISPLAY=$display xdotool search --onlyvisible --name . >/dev/null 2>&1; do :; done
    shown=$(date +%s%N)
    sleep 2
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
    kill $app
    wait $app 2>/dev/null || true
    echo "run $run: first window $(( (shown - start) / 1000000 )) ms, peak RSS $(( peak / 1024 )) MB"
done

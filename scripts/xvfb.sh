# Sourced by the scripts that run the real window under Xvfb.
# Where these scripts are, whatever folder a caller later changes to.
scripts_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Needs xvfb and xdotool, and imagemagick for window_painted: missing_window_tools names the
# packages this machine lacks.

# The Debian packages of the tools these functions use (Xvfb, xdotool, ImageMagick's import and
# convert) that this machine lacks, one a line: for scripts/apt-install.sh.
missing_window_tools() {
    command -v Xvfb >/dev/null || echo xvfb
    command -v xdotool >/dev/null || echo xdotool
    command -v import >/dev/null || echo imagemagick
}

# Prints the app to run: the binary given, or else a fresh release build's.
app_binary() {
    if [ -n "${1:-}" ]; then
        echo "$1"
    else
        cargo build --release --quiet --bin needle-guide >&2
        echo target/release/needle-guide
    fi
}

# Starts a private Xvfb of the size given (WIDTHxHEIGHT), sets $display to it, and stops it
# when the script ends. With "tcp" after the size it also listens on 127.0.0.1 (port 6000 + the
# display number), for a program in a chroot, which cannot see the host's X socket.
start_xvfb() {
    local size=$1 listen="-nolisten tcp" n=90
    [ "${2:-}" = tcp ] && listen="-listen tcp"
    # The first display number nobody else is using.
    while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
    display=:$n
    # -noreset: without it Xvfb resets whenever its last client leaves, and the next app would
    # start against a server that is busy resetting (slower, or no display at all).
    # shellcheck disable=SC2086
    Xvfb "$display" -screen 0 "${size}x24" $listen -noreset >/dev/null 2>&1 &
    xvfb_pid=$!
    trap 'kill $xvfb_pid 2>/dev/null' EXIT
    # Wait until the server answers, not a fixed time: a busy machine can take over a second.
    local tries
    for tries in $(seq 200); do
        DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && return 0
        sleep 0.05
    done
    echo "Xvfb on $display did not start" >&2
    exit 1
}

# Waits until the app ($1, a pid) shows a window on $display; fails if the app exits first.
wait_for_window() {
    until DISPLAY=$display xdotool search --onlyvisible --name . >/dev/null 2>&1; do
        kill -0 "$1" 2>/dev/null || return 1
    done
}

# Waits up to 30 s for the guide's window on $display (its title has "Dry Needling"), then until
# the page background is painted right of the page's text, halfway down; keeps a screenshot of
# the screen in $2. $1 is when the program was started (date +%s%N). Says what it found and fails
# if there is no window or it stays unpainted. Needs imagemagick.
window_painted() {
    local started=$1 screenshot=$2 window="" background="" X Y WIDTH HEIGHT
    for _ in $(seq 300); do
        window=$(DISPLAY=$display xdotool search --onlyvisible --name "Dry Needling" 2>/dev/null | head -1 || true)
        [ -n "$window" ] && break
        sleep 0.1
    done
    if [ -z "$window" ]; then
        echo "NO WINDOW within 30 s"
        return 1
    fi
    echo "window open in $(( ($(date +%s%N) - started) / 1000000 )) ms: $(DISPLAY=$display xdotool getwindowname "$window")"
    mkdir -p "$(dirname "$screenshot")"
    for _ in $(seq 50); do
        sleep 0.2
        eval "$(DISPLAY=$display xdotool getwindowgeometry --shell "$window")"
        DISPLAY=$display import -window root "$screenshot"
        # On the screen: a pixel off it would read as the nearest edge's colour.
        background=$(convert "$screenshot" -format "%[hex:p{$((X + WIDTH - 40)),$((Y + HEIGHT / 2))}]" info:)
        [ "${background:0:6}" = "F3F6F7" ] && break
    done
    if [ "${background:0:6}" = "F3F6F7" ]; then
        echo "window painted (${WIDTH}×${HEIGHT}); screenshot: $screenshot"
    else
        echo "WINDOW NOT PAINTED: the pixel right of the page's text is #$background"
        return 1
    fi
}

# Ends the app ($1, a pid) and waits a moment, so the next run meets a quiet server.
stop_app() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    sleep 0.5
}

# Runs the command given (the app, with any `env` before it) on $display and prints the
# milliseconds from its start to its first painted frame: the page background, which the app
# paints at the bottom right of its 1280×800 window (or at $frame_pixel, "X Y", where the caller
# sets it). Fails if no frame is painted within 10 s.
first_frame_ms() {
    local watch watcher start app painted="" pixel
    read -r -a pixel <<<"${frame_pixel:-1270 790}"
    watch=$(mktemp)
    DISPLAY=$display "$scripts_dir/first-frame.py" "${pixel[@]}" f3f6f7 >"$watch" &
    watcher=$!
    until grep -q ready "$watch"; do
        # A watcher that cannot start (no display) says why on stderr; give up, not spin.
        kill -0 $watcher 2>/dev/null || { rm -f "$watch"; return 1; }
        sleep 0.01
    done
    start=$(date +%s%N)
    # Its messages ("reading aloud with …") would fill the figures' lines.
    DISPLAY=$display "$@" 2>/dev/null &
    app=$!
    if wait $watcher; then
        painted=$(tail -1 "$watch")
    fi
    stop_app $app
    rm -f "$watch"
    [ -n "$painted" ] || return 1
    echo $(( (painted - start) / 1000000 ))
}

# The median of the numbers given.
median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

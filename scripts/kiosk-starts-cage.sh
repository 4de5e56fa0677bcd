#!/usr/bin/env bash
# Starts the kiosk again and again under cage, as its unit runs it, at each screen size, and
# checks each start:
# - it logged the screen it found, and that is the output's size;
# - it asked for no minimum size (winit's own floor of 2×1 asks for nothing) and drew no buffer
#   larger than the screen (WAYLAND_DEBUG=client shows set_min_size and create_buffer);
# - what it shows is the layout drawn for that size: its screenshot is the kiosk's own under Xvfb
#   at that size, pixel for pixel, and it logged the same layout.
# cage runs headless (wlroots' pixman renderer), and the output is rotated (-r -r, or -r once
# for a portrait screen): without a rotation headless cage repaints only the first buffer. A
# small library made here gives the headless output the size wanted (wlroots has no setting
# for it). Needs cage, grim, gcc, xvfb, xdotool and imagemagick. cage refuses to run as root:
# run this as an ordinary user, or as root with KIOSK_USER set to an ordinary user.
#
#   scripts/kiosk-starts-cage.sh [RUNS] [BINARY] [WIDTHxHEIGHT...]
#       default: 6 starts of each of 1280x720 1280x800 1920x1080 3840x2160 1080x1920, a release build
#       (the small panels: scripts/kiosk-starts-cage.sh 2 "" 800x480 1024x600 480x800)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/kiosk-lib.sh

runs=${1:-6}
app=$(app_binary "${2:-}")
shift 2 || shift $#
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x720 1280x800 1920x1080 3840x2160 1080x1920)
if [ "$(id -u)" = 0 ] && [ -z "${KIOSK_USER:-}" ]; then
    echo "cage refuses to run as root: set KIOSK_USER to an ordinary user" >&2
    exit 2
fi

# Everything cage's user needs, in a folder it can read.
work=$(mktemp -d)
chmod 755 "$work"
cp "$app" "$work/needle-guide"
cp -r "$kiosk_clinic" "$work/clinic"
chmod -R a+rX "$work"
cat >"$work/headless-size.c" <<'C'
/* Gives wlroots' headless outputs the size in WLR_HEADLESS_SIZE (WIDTHxHEIGHT). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
struct wlr_backend;
struct wlr_output;
struct wlr_output *wlr_headless_add_output(struct wlr_backend *backend, unsigned width, unsigned height) {
    struct wlr_output *(*real)(struct wlr_backend *, unsigned, unsigned) =
        (struct wlr_output *(*)(struct wlr_backend *, unsigned, unsigned))dlsym(RTLD_NEXT, "wlr_headless_add_output");
    const char *size = getenv("WLR_HEADLESS_SIZE");
    if (size) sscanf(size, "%ux%u", &width, &height);
    return real(backend, width, height);
}
C
gcc -shared -fPIC -O2 -o "$work/headless-size.so" "$work/headless-size.c" -ldl

cage_pid=
# Ends cage; the kiosk and cage's Xwayland end with it. Headless and turned, cage does not always
# end on SIGTERM, so after a moment it is killed.
stop_cage() {
    [ -n "$cage_pid" ] || return 0
    kill -TERM "$cage_pid" 2>/dev/null || true
    for _ in $(seq 40); do kill -0 "$cage_pid" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$cage_pid" 2>/dev/null || true
    for _ in $(seq 40); do kill -0 "$cage_pid" 2>/dev/null || break; sleep 0.05; done
    cage_pid=
}
cleanup() {
    stop_cage
    [ -z "${xvfb_pid:-}" ] || kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Runs a shell command as cage's user.
as_kiosk_user() {
    if [ -n "${KIOSK_USER:-}" ]; then
        su "$KIOSK_USER" -s /bin/bash -c "$1"
    else
        bash -c "$1"
    fi
}

# The sizes of the create_buffer requests in a WAYLAND_DEBUG log, WIDTHxHEIGHT a line.
buffers() {
    sed -n 's/.*create_buffer(new id wl_buffer@[0-9]*, [0-9]*, \([0-9]*\), \([0-9]*\),.*/\1x\2/p' "$1"
}

failed=0
summary=()
for size in "${sizes[@]}"; do
    width=${size%x*} height=${size#*x}
    # The layout drawn for this size: the kiosk under Xvfb, with no window manager.
    start_xvfb "$size"
    trap cleanup EXIT
    reference_log=$work/x.log
    if ! start_x_kiosk "$app" "$reference_log"; then
        echo "$size: the kiosk showed no window under X"; exit 1
    fi
    sleep 1.5
    DISPLAY=$display import -window root "$work/x.png"
    reference=$(kiosk_layout "$reference_log")
    kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true
    kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=
    echo "$size under X: $reference"

    # A portrait screen is a landscape output turned once; a landscape one is turned twice.
    if [ "$height" -gt "$width" ]; then
        output=${height}x${width} turn="-r"
    else
        output=$size turn="-r -r"
    fi
    good=0
    for run in $(seq "$runs"); do
        log=$work/cage.log
        runtime=$work/run-$size-$run
        mkdir "$runtime"
        [ -z "${KIOSK_USER:-}" ] || chown "$KIOSK_USER" "$runtime"
        chmod 700 "$runtime"
        : >"$log"
        : >"$work/cage.pid"
        chmod 666 "$log" "$work/cage.pid"
        as_kiosk_user "cd '$work' || exit 1; env -u DISPLAY -u WAYLAND_DISPLAY XDG_RUNTIME_DIR='$runtime' \
            WLR_BACKENDS=headless WLR_HEADLESS_OUTPUTS=1 WLR_LIBINPUT_NO_DEVICES=1 \
            WLR_RENDERER=pixman WLR_HEADLESS_SIZE=$output LD_PRELOAD='$work/headless-size.so' \
            WAYLAND_DEBUG=client cage -d $turn -- '$work/needle-guide' --kiosk \
            --content '$work/clinic' >>'$log' 2>&1 & echo \$! >'$work/cage.pid'"
        cage_pid=$(cat "$work/cage.pid")
        for _ in $(seq 400); do grep -q "kiosk screen" "$log" && break; sleep 0.05; done
        # Its last frames, then the screen as cage shows it.
        sleep 1.5
        as_kiosk_user "XDG_RUNTIME_DIR='$runtime' WAYLAND_DISPLAY=wayland-0 grim '$runtime/shot.png'" || true
        stop_cage

        layout=$(kiosk_layout "$log")
        minimum=$(grep -o 'set_min_size([0-9]*, [0-9]*)' "$log" | grep -v 'set_min_size([0-2], [0-1])' | sort -u | tr '\n' ' ' || true)
        too_big=$(buffers "$log" | awk -F x -v w="$width" -v h="$height" '$1 > w || $2 > h' | sort -u | tr '\n' ' ')
        # The window's buffers (a cursor's are 24×24 or less), largest last.
        drawn=$(buffers "$log" | awk -F x '$1 > 24' | sort -t x -n -k1,1 -k2,2 -u | tr '\n' ' ')
        differ=unknown
        [ -f "$runtime/shot.png" ] && differ=$(compare -metric AE "$work/x.png" "$runtime/shot.png" null: 2>&1 || true)
        verdict=ok
        [ "${layout%%,*}" = "screen ${width}×${height}" ] || verdict="WRONG: the screen logged is not the output's"
        [ "$layout" = "$reference" ] || verdict="WRONG: not the layout drawn under X ($reference)"
        [ -z "$minimum" ] || verdict="WRONG: asked for a minimum size: $minimum"
        [ -z "$too_big" ] || verdict="WRONG: buffers larger than the screen: $too_big"
        [ "$differ" = 0 ] || verdict="WRONG: the screen differs from X's in $differ pixels"
        echo "$size, start $run: ${layout:-nothing logged}; buffers ${drawn:-none}; $verdict"
        if [ "$verdict" = ok ]; then good=$((good + 1)); else failed=1; cp "$runtime/shot.png" "/tmp/kiosk-cage-$size-$run.png" 2>/dev/null || true; cp "$log" "/tmp/kiosk-cage-$size-$run.log"; fi
        rm -rf "$runtime"
    done
    summary+=("$size: $good of $runs starts fit, as under X ($reference)")
done
printf '%s\n' "${summary[@]}"
exit "$failed"

#!/usr/bin/env bash
# The real window shows what the guide drew: under Xvfb, at 1280×800 and 1920×1080, in the
# consult room and at the kiosk, in English and Spanish, every page is scrolled down and back up
# (with the wheel, and at the kiosk with a pressed pointer dragged as a finger, which scrolls it
# as a touch does), then the next page
# is opened and the guide comes back. Screenshots before and after are compared: no pixel may
# differ. Then the window is resized, hidden and shown again, and covered and uncovered, and must
# come back exactly as it was. Prints the count of differing pixels for every page; fails if any
# is not 0. Keeps the screenshots of any difference in target/stale-pixels.
#
#   scripts/stale-pixels.sh [BINARY]      default: a release build
#
# Needs xvfb, xdotool, imagemagick and x11-utils (xmessage, the covering window); installs those
# missing with scripts/apt-install.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/xvfb.sh
# shellcheck disable=SC2046
scripts/apt-install.sh $(missing_window_tools) $(command -v xmessage >/dev/null || echo x11-utils)

app=$(app_binary "${1:-}")
out=target/stale-pixels
rm -rf "$out"
mkdir -p "$out"
pages=(home about compare conditions before risks after warning-signs sources questions glossary key-points teach-back)
failed=0

# Shorthands on $display.
x() { DISPLAY=$display xdotool "$@"; }
shot() { DISPLAY=$display import -window root "$1"; }
# The count of pixels that differ between two screenshots.
differ() { compare -metric AE "$1" "$2" null: 2>&1 | cut -d' ' -f1 || true; }
# Moves the pointer to a point given as fractions of the screen's width and height.
point_at() { x mousemove "$(awk -v f="$1" -v w="$width" 'BEGIN { printf "%d", f * w }')" \
    "$(awk -v f="$2" -v h="$height" 'BEGIN { printf "%d", f * h }')"; }
settle() { sleep "${1:-0.4}"; }

# Compares two screenshots; says the count for `what` and keeps both where they differ.
check() {
    local what=$1 before=$2 after=$3 count
    count=$(differ "$before" "$after")
    if [ "$count" = 0 ]; then
        printf '  %-44s 0\n' "$what"
    else
        printf '  %-44s %s  DIFFERENT\n' "$what" "$count"
        cp "$before" "$out/${what// /_}-before.png"
        cp "$after" "$out/${what// /_}-after.png"
        failed=1
    fi
}

# Scrolls the page on screen down and back up with the wheel, and at the kiosk with a dragged
# pointer; then opens the next page and comes back with `next` and `back` (functions).
walk_page() {
    local name=$1 mode=$2 before after
    before=$(mktemp --suffix=.png) after=$(mktemp --suffix=.png)
    point_at 0.6 0.5
    settle
    shot "$before"
    for _ in 1 2 3 4 5 6; do x click 5; sleep 0.15; done
    settle 0.2
    for _ in 1 2 3 4 5 6; do x click 4; sleep 0.15; done
    settle
    shot "$after"
    check "$name: wheel down and up" "$before" "$after"
    if [ "$mode" = kiosk ]; then
        point_at 0.6 0.7
        x mousedown 1
        for fraction in 0.65 0.55 0.45 0.35 0.45 0.55 0.65 0.75 0.8; do
            point_at 0.6 "$fraction"
            sleep 0.05
        done
        x mouseup 1
        # A drag that ends lower than it started leaves the page at its top: the first frame.
        point_at 0.6 0.5
        settle
        shot "$after"
        check "$name: dragged down and up" "$before" "$after"
    fi
    "next_$mode"
    settle
    "back_$mode"
    point_at 0.6 0.5
    settle
    shot "$after"
    check "$name: next page and back" "$before" "$after"
    rm -f "$before" "$after"
}

# The consult room turns pages with the keyboard.
next_consult() { x key Right; }
back_consult() { x key alt+Left; }
# The kiosk has no keyboard: its Next and Back buttons are at the foot of the screen, right and
# left. Home has no Next: its first tile leads on.
next_kiosk() { point_at 0.93 0.94; x click 1; }
back_kiosk() { point_at 0.07 0.94; x click 1; }

# Starts the guide in `mode` and `lang` on the screen, walks every page, then checks that the
# window comes back whole after being resized, hidden and covered.
run() {
    local mode=$1 lang=$2 pid window flags=(--lang "$lang")
    # The kiosk starts only with a clinic's numbers: the tests' made-up clinic gives them.
    [ "$mode" = kiosk ] && flags+=(--kiosk --content tests/fixtures/test-clinic)
    echo "$mode, $lang, ${width}×${height}:"
    DISPLAY=$display "$app" "${flags[@]}" 2>/dev/null &
    pid=$!
    wait_for_window "$pid" || { echo "  no window"; failed=1; return; }
    window=$(x search --sync --onlyvisible --name . | head -1)
    # No window manager: the consult window fills the screen, as a maximised one would.
    x windowsize "$window" "$width" "$height"
    settle 1
    if [ "$mode" = kiosk ]; then
        # The welcome screen, then home.
        point_at 0.5 0.5; x click 1; settle
    fi
    local index
    for index in "${!pages[@]}"; do
        walk_page "${pages[$index]}" "$mode"
        if [ "$mode" = kiosk ] && [ "$index" = 0 ]; then
            # Home's first tile is "What it is".
            point_at 0.2 0.3; x click 1
        else
            "next_$mode"
        fi
        settle
    done
    local before after
    before=$(mktemp --suffix=.png) after=$(mktemp --suffix=.png)
    point_at 0.6 0.5; settle; shot "$before"
    if [ "$mode" = consult ]; then
        x windowsize "$window" $((width * 3 / 4)) $((height * 3 / 4)); settle
        x windowsize "$window" "$width" "$height"; settle 1
        shot "$after"; check "last page: made smaller and back" "$before" "$after"
    fi
    x windowunmap --sync "$window"; settle; x windowmap --sync "$window"; settle 1
    shot "$after"; check "last page: hidden and shown" "$before" "$after"
    # Another window over half of it, then gone.
    DISPLAY=$display xmessage -geometry "$((width / 2))x$((height / 2))+0+0" -center "cover" &
    local cover=$!
    settle 1; kill "$cover" 2>/dev/null || true; wait "$cover" 2>/dev/null || true; settle 1
    shot "$after"; check "last page: covered and uncovered" "$before" "$after"
    rm -f "$before" "$after"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

for size in 1280x800 1920x1080; do
    width=${size%x*} height=${size#*x}
    (
        start_xvfb "$size"
        for mode in consult kiosk; do
            for lang in en es; do run "$mode" "$lang"; done
        done
        exit "$failed"
    ) || failed=1
done
if [ "$failed" = 0 ]; then
    echo "every screen was as before: 0 pixels differ"
else
    echo "STALE PIXELS: the screenshots are in $out"
fi
exit "$failed"

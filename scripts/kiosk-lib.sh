# Sourced by the kiosk start scripts (kiosk-starts.sh under X, kiosk-starts-cage.sh under cage):
# starting the kiosk on an X display and reading what it logged.
. "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"

# The kiosk starts only with a clinic's numbers: the tests' made-up clinic gives them.
kiosk_clinic=$scripts_dir/../tests/fixtures/test-clinic

# What the kiosk logged about its screen in the log file $1: "screen W×H, laid out at W×H,
# scale S", the last one if it logged more.
kiosk_layout() {
    sed -n 's/^needle-guide: kiosk //p' "$1" | tail -1
}

# Starts the kiosk ($1) on $display with its log in $2, and waits until it shows a window and
# has logged its screen; sets $kiosk_pid. Fails if it shows no window.
start_x_kiosk() {
    DISPLAY=$display "$1" --kiosk --content "$kiosk_clinic" 2>"$2" &
    kiosk_pid=$!
    wait_for_window "$kiosk_pid" || return 1
    for _ in $(seq 200); do grep -q "kiosk screen" "$2" && break; sleep 0.05; done
}

# The kiosk's window on $display: its geometry, WIDTHxHEIGHT.
x_window_geometry() {
    local window
    window=$(DISPLAY=$display xdotool search --onlyvisible --name . | head -1)
    DISPLAY=$display xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p'
}

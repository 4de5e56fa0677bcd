#!/usr/bin/env python3
"""Watches $DISPLAY for the app's first painted frame.

Usage: first-frame.py X Y RRGGBB
Prints "ready" once it is watching (start the app after that: Python and Xlib take about 100 ms
to get going), then, when the screen pixel at (X, Y) first has the colour RRGGBB (in hex), one
the app paints there and nothing else does, the time in nanoseconds since the epoch, as
`date +%s%N` gives it.

It asks the X server for that one pixel through Xlib (ctypes: nothing to install) every
millisecond, which costs the server next to nothing; asking for more (the window tree, say) at
that rate, or running a new `xdotool` each time, slowed the very start-up it was timing."""
import ctypes
import sys
import time

x, y, colour = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3], 16)
xlib = ctypes.cdll.LoadLibrary("libX11.so.6")
xlib.XOpenDisplay.restype = ctypes.c_void_p
xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
xlib.XDefaultRootWindow.restype = ctypes.c_ulong
xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
xlib.XGetImage.restype = ctypes.c_void_p
xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                           ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
xlib.XGetPixel.restype = ctypes.c_ulong
xlib.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
xlib.XDestroyImage.argtypes = [ctypes.c_void_p]

display = xlib.XOpenDisplay(None)
if not display:
    sys.exit("first-frame.py: cannot open the display")
root = xlib.XDefaultRootWindow(display)
ALL_PLANES, Z_PIXMAP = 0xFFFFFFFF, 2
print("ready", flush=True)
deadline = time.monotonic() + 10
while time.monotonic() < deadline:
    image = xlib.XGetImage(display, root, x, y, 1, 1, ALL_PLANES, Z_PIXMAP)
    now_ns = time.time_ns()
    pixel = xlib.XGetPixel(image, 0, 0) & 0xFFFFFF
    xlib.XDestroyImage(image)
    if pixel == colour:
        print(now_ns, flush=True)
        sys.exit(0)
    time.sleep(0.001)
sys.exit("first-frame.py: no frame painted within 10 s")

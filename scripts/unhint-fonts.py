#!/usr/bin/env python3
"""Removes the TrueType hinting from the embedded fonts, in place.

Usage: scripts/unhint-fonts.py assets/fonts/AtkinsonHyperlegible-*.ttf
Needs fontTools (pip install fonttools). Running it again changes nothing.

Hinting is a program in the font that moves each glyph's outline onto the pixel grid at each
size. Running it was the largest part of the guide's first frame (about 5 ms of 39 here, every
glyph of the first page at each size); at the guide's text sizes (21 pixels and up) the letters
look the same without it, a little softer on horizontal edges. See assets/fonts/README.md."""
import sys

from fontTools.ttLib import TTFont

for path in sys.argv[1:]:
    font = TTFont(path)
    # The font program, the control values and the size-setup program: hinting's whole machinery.
    for table in ("fpgm", "prep", "cvt "):
        if table in font:
            del font[table]
    glyphs = font["glyf"]
    for name in glyphs.keys():
        glyphs[name].removeHinting()
    limits = font["maxp"]
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions"):
        setattr(limits, field, 0)
    limits.maxZones = 1
    # Smooth (anti-aliased) at every size, never fitted to the grid.
    if "gasp" in font:
        font["gasp"].gaspRange = {0xFFFF: 0x000A}
    font.save(path)
    print(f"{path}: hinting removed")

#!/usr/bin/env bash
# Builds the Debian package (target/debian/needle-guide_<version>_<arch>.deb) with cargo-deb,
# installing cargo-deb first if it is missing, and checks the desktop entry and the AppStream
# metainfo it carries. With --arm64, the package for 64-bit ARM (a Raspberry Pi), from the
# cross-built program (scripts/build-arm64.sh), with the same files and dependencies.
# Usage: scripts/build-deb.sh [--arm64]
# Needs desktop-file-utils and appstream for the checks (apt-get install desktop-file-utils
# appstream); without them the checks are skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1; then
    cargo install cargo-deb --locked
fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate packaging/needle-guide.desktop
else
    echo "note: desktop-file-validate is missing; the desktop entry is unchecked" >&2
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --pedantic packaging/org.needleguide.needle_guide.metainfo.xml
else
    echo "note: appstreamcli is missing; the metainfo is unchecked" >&2
fi
if [ "${1:-}" = --arm64 ]; then
    target=aarch64-unknown-linux-gnu
    scripts/build-arm64.sh
    deb=$(cargo deb --locked --target "$target" --no-build | tail -n 1)
    # dpkg-shlibdeps, reading a foreign program, names the C library with its architecture
    # ("libc6:arm64"), which apt does not take in a package's own dependencies: drop it.
    unpacked=$(mktemp -d)
    trap 'rm -rf "$unpacked"' EXIT
    dpkg-deb -R "$deb" "$unpacked"
    sed -i '/^Depends:/s/:arm64//g' "$unpacked/DEBIAN/control"
    dpkg-deb --root-owner-group -b "$unpacked" "$deb" >/dev/null
    dpkg-deb -f "$deb" Package Architecture Depends
else
    cargo deb --locked
fi
ls -1 target/debian/*.deb

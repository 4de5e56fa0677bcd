#!/usr/bin/env bash
# Builds the Debian package (target/debian/needle-guide_<version>_<arch>.deb) with cargo-deb,
# installing cargo-deb first if it is missing, and checks the desktop entry and the AppStream
# metainfo it carries. Usage: scripts/build-deb.sh
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
cargo deb --locked
ls -1 target/debian/*.deb

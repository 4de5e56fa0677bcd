#!/usr/bin/env bash
# Cross-builds the Windows program (target/x86_64-pc-windows-gnu/release/needle-guide.exe) from
# Linux, installing what it needs first: Rust's x86_64-pc-windows-gnu target through rustup, and
# Debian's MinGW compiler, which links it and compiles the icon and version information
# (build.rs). Usage: scripts/build-windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
if ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v x86_64-w64-mingw32-windres >/dev/null; then
    scripts/apt-install.sh gcc-mingw-w64-x86-64
fi
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
    cargo build --release --locked --target "$target" --bin needle-guide
ls -l "${CARGO_TARGET_DIR:-target}/$target/release/needle-guide.exe"

#!/usr/bin/env bash
# Cross-builds the Linux program for 64-bit ARM (a Raspberry Pi 4 or 5 running a 64-bit OS:
# target/aarch64-unknown-linux-gnu/release/needle-guide) from an x86-64 Debian machine,
# installing what it needs first: Rust's aarch64-unknown-linux-gnu target through rustup, and
# Debian's cross compiler and C library, which link it and build the bundled SQLite.
# Usage: scripts/build-arm64.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target=aarch64-unknown-linux-gnu
if ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
fi
if ! command -v aarch64-linux-gnu-gcc >/dev/null || [ ! -d /usr/aarch64-linux-gnu/lib ]; then
    scripts/apt-install.sh gcc-aarch64-linux-gnu libc6-dev-arm64-cross
fi
CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
    CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc \
    AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar \
    cargo build --release --locked --target "$target" --bin needle-guide
ls -l "${CARGO_TARGET_DIR:-target}/$target/release/needle-guide"

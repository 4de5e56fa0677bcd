#!/usr/bin/env bash
# Runs the arm64 build (scripts/build-arm64.sh) under qemu-user and checks that it gives what
# the x86-64 build gives: `--version`, `check` of the built-in content under the test clinic
# (the built-in clinic.ron has no phone numbers, which `check` refuses), and byte for byte the
# same `text` and `handout` (Letter and A4) in both languages. Installs qemu-user when missing.
# Usage: scripts/arm64-check.sh [ARM64_BINARY [X86_64_BINARY]]
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir="${CARGO_TARGET_DIR:-target}"
arm="${1:-$target_dir/aarch64-unknown-linux-gnu/release/needle-guide}"
x86="${2:-$target_dir/release/needle-guide}"
[ -x "$arm" ] || { echo "no arm64 build at $arm: run scripts/build-arm64.sh first" >&2; exit 1; }
[ -x "$x86" ] || { echo "no x86-64 build at $x86: run cargo build --release first" >&2; exit 1; }
if ! command -v qemu-aarch64 >/dev/null && ! command -v qemu-aarch64-static >/dev/null; then
    scripts/apt-install.sh qemu-user
fi
qemu=$(command -v qemu-aarch64 || command -v qemu-aarch64-static)
# The arm64 C library Debian's cross compiler links against, for qemu to load.
sysroot=/usr/aarch64-linux-gnu
[ -d "$sysroot/lib" ] || scripts/apt-install.sh libc6-arm64-cross
run_arm() { "$qemu" -L "$sysroot" "$arm" "$@"; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# An ELF program's machine, two bytes at offset 18: 183 is 64-bit ARM.
[ "$(od -An -t u2 -j 18 -N 2 "$arm" | tr -d ' ')" = 183 ] || { echo "$arm is not an arm64 program" >&2; exit 1; }
arm_version=$(run_arm --version)
x86_version=$("$x86" --version)
[ "$arm_version" = "$x86_version" ] || { echo "versions differ: $arm_version / $x86_version" >&2; exit 1; }
echo "arm64 under qemu: $arm_version"
run_arm check tests/fixtures/test-clinic
failed=0
for lang in en es; do
    run_arm text --lang "$lang" > "$out/arm-text-$lang.txt"
    "$x86" text --lang "$lang" > "$out/x86-text-$lang.txt"
    for paper in letter a4; do
        run_arm handout --lang "$lang" --paper "$paper" -o "$out/arm-$lang-$paper.pdf" 2>/dev/null
        "$x86" handout --lang "$lang" --paper "$paper" -o "$out/x86-$lang-$paper.pdf" 2>/dev/null
    done
done
for file in "$out"/x86-*; do
    name=$(basename "$file")
    if cmp -s "$file" "$out/arm-${name#x86-}"; then
        echo "same: ${name#x86-}"
    else
        echo "DIFFERENT: ${name#x86-}" >&2
        failed=1
    fi
done
exit "$failed"

#!/usr/bin/env bash
# Installs Debian packages with apt-get, as root or through sudo; nothing when none is named.
# Usage: scripts/apt-install.sh [--recommends] PACKAGE ...
# Without --recommends, only what the packages depend on comes with them.
set -euo pipefail
recommends=--no-install-recommends
if [ "${1:-}" = --recommends ]; then
    recommends=""
    shift
fi
[ $# -gt 0 ] || exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $recommends "$@"

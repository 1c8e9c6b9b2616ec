#!/usr/bin/env bash
# Installs what Labbook needs to build on Debian/Ubuntu when it is missing:
# cmark's development files (libcmark-dev). Sourced by the other scripts.
set -euo pipefail

if ! pkg-config --exists libcmark 2>/dev/null; then
    echo "labbook: installing libcmark-dev (cmark's C library) ..." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get install -y -q libcmark-dev pkg-config >/dev/null 2>&1 || {
        $sudo apt-get update -q >/dev/null
        $sudo apt-get install -y -q libcmark-dev pkg-config >/dev/null
    }
fi

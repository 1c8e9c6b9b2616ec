#!/usr/bin/env bash
# Installs what Labbook needs to build on Debian/Ubuntu when it is missing: cmark's
# development files (libcmark-dev) and SQLite's (libsqlite3-dev, for the run store through
# GRDB). Sourced by the other scripts.
set -euo pipefail

missing=()
if ! pkg-config --exists libcmark 2>/dev/null; then missing+=(libcmark-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null && [ ! -f /usr/include/sqlite3.h ]; then missing+=(libsqlite3-dev); fi
if [ "${#missing[@]}" -gt 0 ]; then
    echo "labbook: installing ${missing[*]} ..." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get install -y -q "${missing[@]}" pkg-config >/dev/null 2>&1 || {
        $sudo apt-get update -q >/dev/null
        $sudo apt-get install -y -q "${missing[@]}" pkg-config >/dev/null
    }
fi

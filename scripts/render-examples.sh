#!/usr/bin/env bash
# The main job: build Labbook (release) and render every notebook in notebooks/ into
# reports/NAME.html and reports/NAME.md. Run from anywhere; works from a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

swift build -c release --product labbook >&2
status=0
.build/release/labbook run notebooks/*.md --out reports || status=$?
exit "$status"

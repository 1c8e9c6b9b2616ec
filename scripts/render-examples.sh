#!/usr/bin/env bash
# The main job: build Labbook (release) and render every notebook in notebooks/ into
# reports/NAME.html and reports/NAME.md. Run from anywhere; works from a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

swift build -c release --product labbook >&2
# The examples deploy into a fresh registry under .build/, so every machine renders the
# same model versions and reports/ stays byte-identical (your own runs keep theirs in
# .labbook/ beside the notebook).
state=.build/examples-state
rm -rf "$state"
status=0
.build/release/labbook run notebooks/*.md --out reports --state "$state" || status=$?
exit "$status"

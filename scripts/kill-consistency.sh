#!/usr/bin/env bash
# Kills `labbook run` with SIGKILL at random moments and checks, after each kill, that
# reports/NAME.html, .md and .run.json are all from one run and no temporary file is left.
# Each run gets a different `max_depth` parameter, which all three files name.
#   bash scripts/kill-consistency.sh [KILLS]      (default 40; needs a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-40}
bin=${LABBOOK_BIN:-.build/release/labbook}
[ -x "$bin" ] || { echo "build first: swift build -c release --product labbook" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r notebooks "$work/nb"
out="$work/reports"
"$bin" run "$work/nb/income.md" --out "$out" --state "$work/state" --no-cache -p max_depth=1 2>/dev/null || true
mixed=0
leftovers=0
pending=0
for i in $(seq 1 "$kills"); do
    depth=$(( (i % 9) + 2 ))
    "$bin" run "$work/nb/income.md" --out "$out" --state "$work/state" --no-cache -p max_depth=$depth 2>/dev/null &
    pid=$!
    sleep "0.$(printf '%03d' $(( RANDOM % 900 )))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # Read the three files as a reader would, right after the kill (a journal left by a kill
    # between renames is completed by the next write into the folder; counted below).
    if [ -e "$out/.income.labbook-commit" ]; then pending=$((pending + 1)); fi
    html=$(grep -o 'parameters<[^=]*max_depth=[0-9]*' "$out/income.html" | grep -o 'max_depth=[0-9]*' | head -1 || true)
    md=$(grep -o 'parameters:\*\* max_depth=[0-9]*' "$out/income.md" | grep -o 'max_depth=[0-9]*' | head -1 || true)
    json=$(grep -o '"max_depth" *: *[0-9]*' "$out/income.run.json" | head -1 | grep -o '[0-9]*$')
    if [ "$html" != "$md" ] || [ "$html" != "max_depth=$json" ]; then
        mixed=$((mixed + 1))
        echo "kill $i: mixed reports: html $html, md $md, run.json $json" >&2
    fi
    if ls "$out" | grep -qv -e '^income\.html$' -e '^income\.md$' -e '^income\.run\.json$'  -e '^\.income\.labbook-commit$'; then
        leftovers=$((leftovers + 1))
    fi
done
echo "$kills kills: $mixed with reports from different runs, $leftovers with other files left in reports/, $pending with a journal pending for the next write"
[ "$mixed" -eq 0 ]

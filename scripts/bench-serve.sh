#!/usr/bin/env bash
# Serving: `labbook serve` against ../shared/bench/serve_baseline.py (FastAPI + uvicorn +
# LightGBM, MLflow's protocol), both driven by wrk with ../shared/bench/serve_request.lua
# on POST /invocations (the same lua and body for both). Benchmark only; never a test.
#
#   bash scripts/bench-serve.sh                  # summary on stdout and in /tmp/labbook-bench-serve/
#   DURATION=10s SOAK=60 bash scripts/bench-serve.sh
#   SKIP_BUILD=1 bash scripts/bench-serve.sh      # use the release binaries already built
#
# Steps: release build; a gradient boosting model on Adult (../shared/datasets/adult, read in
# place, never copied) registered by a throwaway notebook; the engine's single-row figures
# (LabbookBench serving); wrk at 16 connections and 1 connection on each server; a run with
# 20 % malformed bodies (5xx counted); a soak with the server's RSS before and after.
# Needs wrk (apt-get install -y wrk) and python with fastapi, uvicorn, lightgbm, pandas, scikit-learn.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

shared=$(cd ../shared && pwd)
adult=$shared/datasets/adult
lua=$shared/bench/serve_request.lua
out=${LABBOOK_BENCH_DIR:-/tmp/labbook-bench-serve}
duration=${DURATION:-20s}
soak=${SOAK:-120}
ours_port=${PORT:-8812}
theirs_port=${BASELINE_PORT:-8811}
python=${PYTHON:-python3}
mkdir -p "$out"
[ -f "$adult/adult-train.csv" ] || { echo "bench-serve: $adult/adult-train.csv is missing" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench-serve: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "bench-serve: building release ..." >&2
    swift build -c release --product labbook >&2
    swift build -c release --product LabbookBench >&2
fi
bin=$(swift build -c release --show-bin-path)

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# A throwaway notebook that trains gradient boosting on Adult and deploys it as production.
work=$(mktemp -d)
cat > "$work/adult.md" <<NB
---
title: Adult serving benchmark
seed: 0
---

\`\`\`load
name: adult
from: $adult/adult-train.csv
target: income
positive: ">50K"
\`\`\`

\`\`\`train
name: gbdt
data: adult
model: gradient_boosting
\`\`\`

\`\`\`deploy
model: gbdt
as: adult-gbdt
alias: production
\`\`\`
NB
echo "bench-serve: training and registering adult-gbdt ..." >&2
"$bin/labbook" run "$work/adult.md" --out "$work/reports" --allow-read "$adult" >&2
registry=$work/.labbook/registry

summary=$out/summary.txt
: > "$summary"
say() { echo "$*" | tee -a "$summary"; }

say "== engine single-row path (LabbookBench serving --data $adult)"
"$bin/LabbookBench" serving --data "$adult" | tee -a "$summary"

wait_for() {
    for _ in $(seq 1 600); do
        if curl -s -o /dev/null "http://127.0.0.1:$1/ping"; then return 0; fi
        sleep 0.2
    done
    echo "bench-serve: nothing answers on port $1" >&2
    return 1
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
# wrk's summary, condensed: req/s, p50, p99, errors.
run_wrk() {
    local label=$1 threads=$2 connections=$3 seconds=$4 url=$5 script=$6
    local file=$out/wrk-$label.txt
    wrk -t"$threads" -c"$connections" -d"$seconds" -s "$script" --latency "$url" > "$file" 2>&1 || true
    local rps p50 p99 total non2xx socket
    rps=$(awk '/Requests\/sec/ {print $2}' "$file")
    p50=$(awk '$1 == "50%" {print $2}' "$file")
    p99=$(awk '$1 == "99%" {print $2}' "$file")
    total=$(awk '/requests in/ {print $1}' "$file")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$file")
    socket=$(awk '/Socket errors/ {print $0}' "$file")
    say "$(printf '%-28s %10s req/s  p50 %8s  p99 %8s  requests %9s  non-2xx %s %s' "$label" "$rps" "$p50" "$p99" "$total" "${non2xx:-0}" "${socket:-}")"
    grep '^mixed:' "$file" | tee -a "$summary" || true
}

say ""
say "== labbook serve adult-gbdt@production (wrk $lua, POST /invocations, $duration per run)"
"$bin/labbook" serve adult-gbdt@production --registry "$registry" --port "$ours_port" --log "$work/log" 2> "$out/serve.log" &
pids+=($!)
ours=$!
wait_for "$ours_port"
curl -s "http://127.0.0.1:$ours_port/invocations" -H 'Content-Type: application/json' -d "$(sed -n '/\[\[/,/\]\]/p' "$lua" | sed 's/^wrk.body = \[\[//; s/\]\]$//')" > "$out/ours-answer.json"
say "answer: $(cat "$out/ours-answer.json")"
wrk -t2 -c16 -d3s -s "$lua" "http://127.0.0.1:$ours_port/invocations" > /dev/null 2>&1 || true
run_wrk "labbook 16 connections" 2 16 "$duration" "http://127.0.0.1:$ours_port/invocations" "$lua"
run_wrk "labbook 1 connection" 1 1 "$duration" "http://127.0.0.1:$ours_port/invocations" "$lua"
run_wrk "labbook mixed 20% malformed" 2 16 "$duration" "http://127.0.0.1:$ours_port/invocations" scripts/bench/serve_mixed.lua
before=$(rss_kb "$ours")
run_wrk "labbook soak ${soak}s" 2 16 "${soak}s" "http://127.0.0.1:$ours_port/invocations" "$lua"
after=$(rss_kb "$ours")
say "soak RSS: before ${before} kB, after ${after} kB ($(awk -v a="$before" -v b="$after" 'BEGIN {printf "%+.1f %%", (b - a) * 100 / a}'))"
say "prediction log: $(cat "$work"/log/predictions*.jsonl | wc -l) lines in $(ls "$work/log" | wc -l) files"
kill -TERM "$ours"; wait "$ours" 2>/dev/null || true

say ""
say "== FastAPI + LightGBM baseline ($shared/bench/serve_baseline.py)"
if "$python" -c 'import fastapi, uvicorn, lightgbm, pandas, sklearn' 2>/dev/null; then
    "$python" "$shared/bench/serve_baseline.py" --port "$theirs_port" > "$out/baseline.log" 2>&1 &
    pids+=($!)
    if wait_for "$theirs_port"; then
        run_wrk "fastapi 16 connections" 2 16 "$duration" "http://127.0.0.1:$theirs_port/invocations" "$lua"
        run_wrk "fastapi 1 connection" 1 1 "$duration" "http://127.0.0.1:$theirs_port/invocations" "$lua"
    else
        say "the baseline did not start; see $out/baseline.log"
    fi
else
    say "skipped: $python lacks fastapi, uvicorn, lightgbm, pandas or scikit-learn (pip install fastapi uvicorn lightgbm pandas scikit-learn)"
fi
rm -rf "$work"
echo "bench-serve: summary in $summary" >&2

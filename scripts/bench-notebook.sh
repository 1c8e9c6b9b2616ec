#!/usr/bin/env bash
# The notebook path, whole processes side by side (benchmark only; never a test):
#   1. a notebook that only loads the 1,000,000 x 20 mixed CSV (../shared/bench/gen_mixed_csv.py)
#      against pandas.read_csv and polars.read_csv: wall time (hyperfine) and peak RSS;
#   2. a notebook that loads Adult's train and test, fits a 100-tree random forest and
#      evaluates it, against scripts/bench/forest_sklearn.py doing the same.
#
#   bash scripts/bench-notebook.sh            # results in /tmp/labbook-bench-notebook/
#   SKIP_BUILD=1 BEFORE=/path/to/old/labbook bash scripts/bench-notebook.sh   # also time an older build
#
# Needs hyperfine (apt-get install -y hyperfine), GNU time and python3 with pandas, polars and
# scikit-learn. Adult is read in place from ../shared/datasets/adult, never copied.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

shared=$(cd ../shared && pwd)
adult=$shared/datasets/adult
out=${LABBOOK_BENCH_DIR:-/tmp/labbook-bench-notebook}
python=${PYTHON:-python3}
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "bench-notebook: hyperfine is missing (apt-get install -y hyperfine)" >&2; exit 1; }
[ -f "$adult/adult-train.csv" ] || { echo "bench-notebook: $adult/adult-train.csv is missing" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product labbook >&2; fi
labbook=$(swift build -c release --show-bin-path)/labbook
binaries=("$labbook")
[ -n "${BEFORE:-}" ] && binaries+=("$BEFORE")

[ -f "$out/mixed.csv" ] || "$python" "$shared/bench/gen_mixed_csv.py" --rows 1000000 --seed 0 --out "$out/mixed.csv" >&2
cd "$out"
printf -- '---\ntitle: Load only\nseed: 0\n---\n\n```load\nname: mixed\nfrom: mixed.csv\n```\n' > load.md
cat > forest.md <<NB
---
title: Adult forest
seed: 0
---

\`\`\`load
name: adult
from: $adult/adult-train.csv
target: income
positive: ">50K"
\`\`\`

\`\`\`load
name: test
from: $adult/adult-test.csv
target: income
positive: ">50K"
\`\`\`

\`\`\`train
name: forest
data: adult
model: random_forest
params:
  n_estimators: 100
preprocessing:
  categorical: {encoding: ordinal}
\`\`\`

\`\`\`evaluate
models: [forest]
data: test
\`\`\`
NB

commands=()
for binary in "${binaries[@]}"; do commands+=("$binary run load.md --out reports --no-cache"); done
commands+=("$python -c 'import pandas; pandas.read_csv(\"mixed.csv\")'" "$python -c 'import polars; polars.read_csv(\"mixed.csv\")'")
echo "== load-only notebook against pandas and polars (whole processes)"
hyperfine -w 1 -r 5 -N "${commands[@]}" 2>&1 | grep -E "Benchmark|Time|Range"
for command in "${commands[@]}"; do /usr/bin/time -f "peak RSS %M kB  $command" bash -c "$command" 2>&1 >/dev/null | tail -1; done
echo "== load-only notebook, first run with the cache on"
hyperfine -w 1 -r 5 -N --prepare "rm -rf $out/.labbook" "$labbook run load.md --out reports" 2>&1 | grep -E "Time|Range"

commands=()
for binary in "${binaries[@]}"; do commands+=("$binary run forest.md --out reports --allow-read $adult --no-cache"); done
commands+=("$python $OLDPWD/scripts/bench/forest_sklearn.py $adult")
echo "== forest notebook against scikit-learn (whole processes)"
hyperfine -w 1 -r 5 -N "${commands[@]}" 2>&1 | grep -E "Benchmark|Time|Range"

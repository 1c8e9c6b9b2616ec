#!/usr/bin/env bash
# Hyperparameter search: Labbook's `train` with `search:` (tpe, and model: auto) against
# ../shared/bench/bench_search.py (LightGBM defaults, Optuna random and TPE over a LightGBM
# space, FLAML AutoML), the same number of fits each, in one run on this machine.
# Benchmark only; never a test.
#
#   bash scripts/bench-search.sh                 # 60 fits; summary on stdout and in /tmp/labbook-bench-search/
#   BUDGET=30 bash scripts/bench-search.sh
#   SKIP_BUILD=1 SKIP_PYTHON=1 bash scripts/bench-search.sh   # only Labbook, binaries already built
#
# Every trial is scored on one stratified 20 % holdout of adult-train (as the Python script),
# the winner refitted on all of adult-train and scored on adult-test by `evaluate`. Wall time
# is the whole `labbook run` process (load, search, refit, evaluate, reports), from a cold
# state folder. The Python script's wall time counts the search and refit only (no load).
# Needs python with lightgbm, optuna, flaml[automl], pandas and scikit-learn.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

shared=$(cd ../shared && pwd)
adult=$shared/datasets/adult
out=${LABBOOK_BENCH_DIR:-/tmp/labbook-bench-search}
budget=${BUDGET:-60}
python=${PYTHON:-python3}
[ -f "$adult/adult-train.csv" ] || { echo "bench-search: $adult/adult-train.csv is missing" >&2; exit 1; }
mkdir -p "$out"

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "bench-search: building release ..." >&2
    swift build -c release --product labbook >&2
fi
bin=$(swift build -c release --show-bin-path)

notebook() { # name, train body lines...
    local name=$1; shift
    {
        printf -- '---\ntitle: Search benchmark (%s)\nmetric: roc_auc\nseed: 0\n---\n\n' "$name"
        printf '```load\nname: adult\nfrom: %s/adult-train.csv\ntarget: income\npositive: ">50K"\n```\n\n' "$adult"
        printf '```load\nname: heldout\nfrom: %s/adult-test.csv\ntarget: income\npositive: ">50K"\n```\n\n' "$adult"
        printf '```train\nname: tuned\ndata: adult\n'
        printf '%s\n' "$@"
        printf '```\n\n```evaluate\nmodels: [tuned]\ndata: heldout\nmetrics: [roc_auc]\n```\n'
    } > "$out/$name.md"
}

# The LightGBM space of bench_search.py in this engine's names (n_estimators → max_iter,
# num_leaves → max_leaf_nodes, min_child_samples → min_samples_leaf, reg_lambda →
# l2_regularization). `tpe` fits every tree as LightGBM does (early_stopping: false);
# `tpe-es` keeps the engine's default early stopping (on above 10,000 rows), much faster.
space=("  space:" "    max_iter: {low: 50, high: 500, log: true}" "    max_leaf_nodes: {low: 8, high: 256, log: true}"
    "    learning_rate: {low: 0.01, high: 0.3, log: true}" "    min_samples_leaf: {low: 5, high: 100, log: true}"
    "    l2_regularization: {low: 0.001, high: 10, log: true}" "    colsample_bytree: {low: 0.5, high: 1.0}")
notebook tpe "model: gradient_boosting" "params: {early_stopping: false}" "search:" "  strategy: tpe" \
    "  budget: {fits: $budget}" "  holdout: 0.2" "${space[@]}"
notebook tpe-es "model: gradient_boosting" "search:" "  strategy: tpe" "  budget: {fits: $budget}" "  holdout: 0.2" "${space[@]}"
notebook auto "model: auto" "search:" "  budget: {fits: $budget}" "  holdout: 0.2"
notebook defaults "model: gradient_boosting"

summary=$out/summary.txt
: > "$summary"
for name in defaults tpe tpe-es auto; do
    rm -rf "$out/state-$name" "$out/reports-$name"
    start=$(date +%s.%N)
    "$bin/labbook" run "$out/$name.md" --allow-read "$adult" --state "$out/state-$name" --out "$out/reports-$name" \
        > "$out/$name.log" 2>&1 || { cat "$out/$name.log" >&2; exit 1; }
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    auc=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['metrics']['tuned']; print('%.4f' % list(m.values())[0]['roc_auc'])" \
        "$out/reports-$name/$name.run.json")
    holdout=$(python3 -c "
import json,sys
t=[x for x in json.load(open(sys.argv[1])).get('searches',{}).get('tuned',[]) if x['best']]
print('%.4f' % t[0]['mean'] if t else '-')" "$out/reports-$name/$name.run.json")
    best=$(grep -o 'best trial | [^|]*' "$out/reports-$name/$name.md" | head -1 | sed 's/best trial | //' || true)
    printf 'labbook-%-10s fits %4s  wall %7.2f s  holdout AUC %s  test AUC %s  %s\n' "$name" \
        "$([ "$name" = defaults ] && echo 1 || echo "$budget")" "$wall" "$holdout" "$auc" "$best" | tee -a "$summary"
done

if [ -z "${SKIP_PYTHON:-}" ]; then
    echo "bench-search: running $shared/bench/bench_search.py --budget $budget ..." >&2
    "$python" "$shared/bench/bench_search.py" --budget "$budget" --out "$out/python.json" | tee -a "$summary"
fi
echo "bench-search: summary in $summary" >&2

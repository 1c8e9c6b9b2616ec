#!/usr/bin/env bash
# Models: Labbook's engine against scikit-learn and LightGBM, measured side by side in
# one run on the same machine (benchmark only; never part of the test suite).
#   1. Adult (train adult-train.csv, score adult-test.csv): accuracy, ROC AUC, fit time
#      (median of 3 fresh fits), batch predict time, single-row latency p50.
#   2. Scaling: gradient boosting fit time on make_classification(N, 20 features, seed 0).
#
#   bash scripts/bench-models.sh            # results in /tmp/labbook-bench/
#   SIZES=100000 bash scripts/bench-models.sh
#
# Needs .venv-bench (a symlink to /work/main/.venv-bench will do). Exits non-zero only on
# errors; missed targets are reported, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

shared=../shared
out=${LABBOOK_BENCH_DIR:-/tmp/labbook-bench}
sizes=${SIZES:-100000,1000000}
adult=$shared/datasets/adult
mkdir -p "$out"
[ -f "$adult/adult-train.csv" ] || { echo "bench-models: $adult/adult-train.csv is missing" >&2; exit 1; }
[ -x .venv-bench/bin/python ] || { echo "bench-models: .venv-bench/bin/python is missing (ln -s /work/main/.venv-bench .venv-bench)" >&2; exit 1; }
py() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv-bench/bin/python "$@"; }

# The synthetic sets, written once (same generator and seed as bench_scaling.py).
for n in ${sizes//,/ }; do
    if [ ! -f "$out/classification_$n.csv" ]; then
        echo "bench-models: writing $out/classification_$n.csv ..." >&2
        py - "$n" "$out/classification_$n.csv" <<'PY'
import sys
import numpy as np
from sklearn.datasets import make_classification
n, path = int(sys.argv[1]), sys.argv[2]
X, y = make_classification(n_samples=n, n_features=20, random_state=0)
header = ",".join([f"f{i}" for i in range(20)] + ["y"])
np.savetxt(path, np.column_stack([X, y]), delimiter=",", header=header, comments="", fmt=["%.17g"] * 20 + ["%d"])
PY
    fi
done

echo "bench-models: building LabbookBench (release) ..." >&2
swift build -c release --product LabbookBench --scratch-path .build-bench >&2
bench=$(swift build -c release --product LabbookBench --scratch-path .build-bench --show-bin-path)/LabbookBench

py "$shared/bench/bench_adult_models.py" --paths numpy,pipeline --out "$out/adult_models.json" >&2
"$bench" models --data "$adult" --json "$out/labbook-models.json" >&2
py "$shared/bench/bench_scaling.py" --sizes "$sizes" --out "$out/scaling.json" >&2
"$bench" scaling --data "$out" --rows "$sizes" --json "$out/labbook-scaling.json" >&2

py - "$out" <<'EOF_PY'
import json, sys
out = sys.argv[1]
base = json.load(open(f"{out}/adult_models.json"))["results"]
ours = {r["name"]: r for r in json.load(open(f"{out}/labbook-models.json"))}
pairs = {"LogisticRegression": "LogisticRegression", "DecisionTree(max_depth=10)": "DecisionTree(max_depth=10)",
         "RandomForest(100, threads=2)": "RandomForest(100, n_jobs=2)", "HistGradientBoosting": "HistGradientBoosting"}
lgbm_paths = base.get("LightGBM LGBMClassifier(n_jobs=2)", {})
print("\nAdult (train adult-train.csv, score adult-test.csv); fit = median of 3, single = predict_proba of one row, p50")
print(f"{'model':<28} {'tool':<22} {'accuracy':>9} {'AUC':>7} {'fit s':>8} {'single us':>10} {'fit/ref':>8} {'acc-ref pp':>10} {'AUC-ref':>8}")
checks = []
for name, ref_name in pairs.items():
    if name not in ours:
        continue
    o = ours[name]
    refs = []
    if ref_name in base:
        for path in ("numpy", "pipeline"):
            if path in base[ref_name]:
                refs.append((f"sklearn [{path}]", base[ref_name][path]))
    if name == "HistGradientBoosting":
        for path in ("numpy", "pipeline"):
            if path in lgbm_paths:
                refs.append((f"LightGBM [{path}]", lgbm_paths[path]))
    # The comparison: sklearn's bare estimator (numpy path), but for the GBDT LightGBM's faster path.
    ref = refs[0][1] if refs else None
    lightgbm = [r for tool, r in refs if tool.startswith("LightGBM")]
    if name == "HistGradientBoosting" and lightgbm:
        ref = min(lightgbm, key=lambda r: r["fit"]["median_s"])
    for tool, r in refs:
        m = r["metrics"]
        print(f"{name:<28} {tool:<22} {m['accuracy']:>9.4f} {m['roc_auc']:>7.4f} {r['fit']['median_s']:>8.3f} "
              f"{r['single_row_predict_proba']['median_s']*1e6:>10.1f}")
    if ref:
        rm = ref["metrics"]
        fr = o["fitMedianSeconds"] / ref["fit"]["median_s"]
        print(f"{name:<28} {'labbook':<22} {o['accuracy']:>9.4f} {o['rocAUC']:>7.4f} {o['fitMedianSeconds']:>8.3f} "
              f"{o['singleRowP50Seconds']*1e6:>10.2f} {fr:>8.2f} {(o['accuracy']-rm['accuracy'])*100:>10.2f} {o['rocAUC']-rm['roc_auc']:>8.4f}")
        limit = 0.7 if name.startswith("RandomForest") else 1.0
        checks.append((name, f"fit <= {limit} x reference", fr <= limit))
        checks.append((name, "accuracy >= reference - 0.3 pp", o["accuracy"] >= rm["accuracy"] - 0.003))
        checks.append((name, "AUC >= reference - 0.003", o["rocAUC"] >= rm["roc_auc"] - 0.003))
        if name == "HistGradientBoosting":
            checks.append((name, "single-row p50 <= 5 us", o["singleRowP50Seconds"] <= 5e-6))
        if name == "LogisticRegression":
            checks.append((name, "single-row p50 <= 1 us", o["singleRowP50Seconds"] <= 1e-6))
    print()

scaling = json.load(open(f"{out}/scaling.json"))["results"]
ours_s = json.load(open(f"{out}/labbook-scaling.json"))
print("Scaling: make_classification(N, 20 features, seed 0); fit = median of 3")
print(f"{'rows':>9} {'model':<46} {'fit s':>8} {'iterations':>12} {'/ LightGBM':>10}")
prev = None
for n, entry in scaling.items():
    models = entry["models"]
    lg = models["LightGBM LGBMClassifier(n_jobs=2)"]["fit"]["median_s"]
    for name, r in models.items():
        its = ",".join(str(i) for i in r["iterations"])
        print(f"{n:>9} {'sklearn/' + name if 'Hist' in name else name:<46} {r['fit']['median_s']:>8.3f} {its:>12} {r['fit']['median_s']/lg:>10.2f}")
    for r in ours_s:
        if str(r["rows"]) == n:
            its = ",".join(str(i) for i in r["iterations"])
            print(f"{n:>9} {'labbook/' + r['model']:<46} {r['fitMedianSeconds']:>8.3f} {its:>12} {r['fitMedianSeconds']/lg:>10.2f}")
            if "False" in r["model"]:
                limit = 1.5 if int(n) >= 1000000 else None
                if limit:
                    checks.append((f"GBDT N={n}", f"fit (100 iterations) <= {limit} x LightGBM", r["fitMedianSeconds"] / lg <= limit))
                if prev:
                    growth = r["fitMedianSeconds"] / prev[1]
                    print(f"{'':>9} time grows {growth:.2f}x for {int(n)/prev[0]:.0f}x rows")
                prev = (int(n), r["fitMedianSeconds"])
print()
for name, what, ok in checks:
    print(f"{'met   ' if ok else 'MISSED'} {name}: {what}")
print(f"results in {out}/")
EOF_PY

#!/usr/bin/env bash
# CSV loading: Labbook's CSVReader against pandas.read_csv and polars.read_csv,
# measured side by side in one run on the same machine (benchmark only; never part
# of the test suite). Prints one table: wall time (median of 3 loads, warm page
# cache) and peak RSS (one load per process, from /usr/bin/time), with ratios.
#
#   bash scripts/bench-csv.sh            # results in /tmp/labbook-bench/
#
# Needs python3 (the baseline environment is created in .venv-bench/ when missing,
# as ../shared/bench/README.md describes) and GNU time at /usr/bin/time. Exits
# non-zero only on errors; missed targets are reported, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

shared=../shared
out=${LABBOOK_BENCH_DIR:-/tmp/labbook-bench}
big=$out/mixed_1m_x20.csv
adult=$shared/datasets/adult/adult-train.csv
big_sha=65691563255d0ab4cd3c72d834366b93f2dae7915e3e4a109639b7c605054fca
mkdir -p "$out"

[ -x /usr/bin/time ] || { echo "bench-csv: /usr/bin/time (GNU time) is required" >&2; exit 1; }
[ -f "$adult" ] || { echo "bench-csv: $adult is missing" >&2; exit 1; }

# The Python baseline environment.
if [ ! -x .venv-bench/bin/python ]; then
    echo "bench-csv: creating .venv-bench ..." >&2
    python3 -m venv .venv-bench
fi
.venv-bench/bin/pip install -q -r "$shared/bench/requirements.txt" >&2
py() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv-bench/bin/python "$@"; }

# The 1,000,000 x 20 file (reuse a verified copy when there is one).
if [ ! -f "$big" ] || [ "$(sha256sum "$big" | cut -d' ' -f1)" != "$big_sha" ]; then
    if [ -f /tmp/labbench/mixed.csv ] && [ "$(sha256sum /tmp/labbench/mixed.csv | cut -d' ' -f1)" = "$big_sha" ]; then
        cp /tmp/labbench/mixed.csv "$big"
    else
        echo "bench-csv: generating $big ..." >&2
        py "$shared/bench/gen_mixed_csv.py" --rows 1000000 --seed 0 --out "$big" >&2
    fi
    [ "$(sha256sum "$big" | cut -d' ' -f1)" = "$big_sha" ] || { echo "bench-csv: $big has the wrong SHA-256" >&2; exit 1; }
fi

echo "bench-csv: building LabbookBench (release) ..." >&2
swift build -c release --product LabbookBench --scratch-path .build-bench >&2
bench=$(swift build -c release --product LabbookBench --scratch-path .build-bench --show-bin-path)/LabbookBench

# Wall times: the baseline script and ours, one after the other in this run.
py "$shared/bench/bench_csv_load.py" --big "$big" --out "$out/baseline.json" >&2
"$bench" csv "$adult" --repeats 3 --json "$out/labbook-adult.json" >&2
"$bench" csv "$big" --repeats 3 --json "$out/labbook-big.json" >&2

# Peak RSS: one load per process, for every tool and file.
peak() { # label file command...
    local label=$1 file=$2
    shift 2
    /usr/bin/time -f "%M" -o "$out/rss.tmp" "$@" >/dev/null
    echo "$label $(basename "$file") $(cat "$out/rss.tmp")" >> "$out/rss.txt"
}
: > "$out/rss.txt"
for file in "$adult" "$big"; do
    peak pandas "$file" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv-bench/bin/python -c \
        'import sys, pandas; pandas.read_csv(sys.argv[1])' "$file"
    peak polars "$file" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv-bench/bin/python -c \
        'import sys, polars; polars.read_csv(sys.argv[1])' "$file"
    peak labbook "$file" "$bench" csv "$file" --repeats 1
done
rm -f "$out/rss.tmp"

# The SHA-256 bound: coreutils and OpenSSL on the same (cached) file, for comparison.
sha_time() { /usr/bin/time -f "%e" -o "$out/sha.tmp" "$@" >/dev/null && cat "$out/sha.tmp" && rm -f "$out/sha.tmp"; }
{
    echo "sha256sum $(sha_time sha256sum "$big")"
    if command -v openssl >/dev/null; then echo "openssl $(sha_time openssl dgst -sha256 "$big")"; fi
    echo "sha_ni $(grep -c -m1 -o sha_ni /proc/cpuinfo || true)"
} > "$out/sha.txt"

py - "$out" "$big" <<'EOF'
import json, os, sys
out, big = sys.argv[1], os.path.basename(sys.argv[2])
base = json.load(open(f"{out}/baseline.json"))["results"]
ours = {"adult-train.csv": json.load(open(f"{out}/labbook-adult.json")),
        big: json.load(open(f"{out}/labbook-big.json"))}
rss = {}
for line in open(f"{out}/rss.txt"):
    tool, name, kb = line.split()
    rss[(tool, name)] = int(kb) * 1024 / 1e6
names = {"pandas.read_csv": "pandas", "polars.read_csv": "polars"}
rows, checks = [], []
for name, key in (("adult-train.csv", "adult-train.csv"), (big, "mixed_1m_x20.csv")):
    readers = base[key]["readers"]
    wall = {names[r]: readers[r]["time"]["median_s"] for r in names}
    wall["pandas(pyarrow)"] = readers["pandas.read_csv(engine=pyarrow)"]["time"]["median_s"]
    wall["labbook"] = ours[name]["results"][0]["median_s"]
    for tool in ("pandas", "pandas(pyarrow)", "polars", "labbook"):
        mem = rss.get((tool, name))
        rows.append((name, tool, wall[tool], mem, wall[tool] / wall["pandas"], wall[tool] / wall["polars"]))
    ratio_mem = rss[("labbook", name)] / rss[("pandas", name)]
    checks += [(name, "wall <= 0.5 x pandas", wall["labbook"] / wall["pandas"], 0.5),
               (name, "wall <= 1.0 x polars", wall["labbook"] / wall["polars"], 1.0),
               (name, "peak RSS <= 0.7 x pandas", ratio_mem, 0.7)]
print()
print(f"{'file':<20} {'tool':<16} {'wall (s)':>9} {'peak RSS (MB)':>14} {'/ pandas':>9} {'/ polars':>9}")
for name, tool, wall, mem, rp, rl in rows:
    memtext = f"{mem:.0f}" if mem is not None else "-"
    print(f"{name:<20} {tool:<16} {wall:>9.4f} {memtext:>14} {rp:>9.2f} {rl:>9.2f}")
print()
for name, what, value, limit in checks:
    print(f"{'met   ' if value <= limit else 'MISSED'} {name}: {what} ({value:.2f})")
sha = dict(line.split() for line in open(f"{out}/sha.txt"))
print(f"\nSHA-256 of {big} alone: sha256sum {float(sha['sha256sum']):.3f} s"
      + (f", openssl {float(sha['openssl']):.3f} s" if 'openssl' in sha else "")
      + f"; CPU has SHA-NI: {'yes' if sha.get('sha_ni', '0') != '0' else 'no'}")
print(f"peak RSS: one load per process (/usr/bin/time); wall: median of 3 warm loads. Results in {out}/")
EOF

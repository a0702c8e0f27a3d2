#!/usr/bin/env bash
# Benchmarks against PyTorch, measured back to back in one script: builds bench_forward and
# bench_train_step (Release) if needed, then, --repeats rounds of:
#   forward, base model (d 512, 8 heads, d_ff 2048, 6+6 layers), S = T = 128: ours with the full trace and
#     without capture, and PyTorch, at default threads (ours: every core) and at one thread;
#   forward, base model, S = T = 512, and the demo-sized model (d 64, 4 heads, d_ff 256, 2+2) at 64 tokens:
#     ours (full, none) and PyTorch, default threads;
#   one training step (forward + backward + Adam): small (d 64, batch 64 × 12) and base (batch 8 × 64),
#     ours and PyTorch, default threads.
# Ratios are taken within a round (ours ÷ PyTorch), then the median over rounds is printed.
#   scripts/bench.sh [--repeats N] [--runs N] [--only forward|train]
# Environment: ALAB_BENCH_BUILD_DIR (default build-bench), PYTHON (default /usr/bin/python3).
# See bench/README.md for the measured figures.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ALAB_BENCH_BUILD_DIR:-$ROOT/build-bench}"
PYTHON="${PYTHON:-/usr/bin/python3}"
REPEATS=3
RUNS=7
ONLY=""

fail() { echo "bench.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="${2:?--repeats needs a number}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    --only) ONLY="${2:?--only needs forward or train}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (try --help)" ;;
  esac
done

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null || fail "cmake configure failed"
fi
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD/CMakeCache.txt" || fail "$BUILD is not a Release build"
cmake --build "$BUILD" -j2 --target bench_forward bench_train_step >"$BUILD/bench_build.log" 2>&1 ||
  { tail -20 "$BUILD/bench_build.log" >&2; fail "building the benchmarks failed (log: $BUILD/bench_build.log)"; }
FWD="$BUILD/bench/bench_forward"
TRAIN="$BUILD/bench/bench_train_step"
"$PYTHON" -c 'import torch' 2>/dev/null || fail "$PYTHON cannot import torch (apt-get install python3-torch)"

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPU(s), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PyTorch $("$PYTHON" -c 'import torch; print(torch.__version__, "default threads", torch.get_num_threads())'),"\
     "BLAS -> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"

RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT
# run SCENARIO COMMAND...: runs it, tags its RESULT lines with the scenario, shows the human lines.
run() {
  local scenario="$1"; shift
  "$@" | sed "s/^RESULT /RESULT scenario=$scenario /" | tee -a "$RESULTS" | grep -v '^RESULT' | sed "s/^/  [$scenario] /"
}
ONE=(env OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1)  # PyTorch at one thread: its BLAS's own pool too
DEMO=(--d-model 64 --heads 4 --d-ff 256 --layers 2 --vocab 1000 --seq 64)
for round in $(seq 1 "$REPEATS"); do
  echo "--- round $round of $REPEATS, load $(cut -d' ' -f1 /proc/loadavg)"
  if [ "$ONLY" != train ]; then
    run base128 "$FWD" --runs "$RUNS"
    run base128 "$PYTHON" "$ROOT/scripts/bench_pytorch.py" --runs "$RUNS"
    run base128_1t "$FWD" --runs "$RUNS" --threads 1
    run base128_1t "${ONE[@]}" "$PYTHON" "$ROOT/scripts/bench_pytorch.py" --runs "$RUNS" --threads 1
    run base512 "$FWD" --runs 3 --seq 512
    run base512 "$PYTHON" "$ROOT/scripts/bench_pytorch.py" --runs 3 --seq 512
    run demo64 "$FWD" --runs "$((RUNS * 5))" "${DEMO[@]}"
    run demo64 "$PYTHON" "$ROOT/scripts/bench_pytorch.py" --runs "$((RUNS * 5))" "${DEMO[@]}"
  fi
  if [ "$ONLY" != forward ]; then
    run train_small "$TRAIN" --case small --runs "$RUNS"
    run train_small "$PYTHON" "$ROOT/scripts/bench_pytorch_train.py" --case small --runs "$RUNS"
    run train_base "$TRAIN" --case base --runs 3
    run train_base "$PYTHON" "$ROOT/scripts/bench_pytorch_train.py" --case base --runs 3
  fi
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"

# Per-round medians arrive in round order; a ratio is taken within a round, then the median over rounds.
"$PYTHON" - "$RESULTS" <<'PY'
import collections, statistics, sys
med = collections.defaultdict(list)
cpu = collections.defaultdict(list)
for line in open(sys.argv[1]):
    if not line.startswith("RESULT "):
        continue
    f = dict(kv.split("=", 1) for kv in line.split()[1:])
    key = (f["scenario"], f["impl"], f.get("capture", f.get("case", "")))
    med[key].append(float(f["median_ms"]))
    if "cpu_ms" in f:
        cpu[key].append(float(f["cpu_ms"]))
print("=== medians over rounds (ms)")
for (sc, impl, what), v in med.items():
    c = cpu.get((sc, impl, what))
    cpu_text = f"   CPU {statistics.median(c):9.2f} ms (all threads)" if c else ""
    print(f"  {sc:<11} {impl:<8} {what:<6} {statistics.median(v):9.2f}{cpu_text}   rounds: {', '.join(f'{x:.1f}' for x in v)}")
for title, table in (("wall time", med), ("CPU time, all threads (the work; steadier on a loaded machine)", cpu)):
    print(f"=== ratios ours ÷ PyTorch, {title} (median over rounds of the per-round ratio; < 1: ours is faster)")
    for (sc, impl, what), v in table.items():
        if impl != "alab":
            continue
        ref = table.get((sc, "pytorch", "none" if sc.startswith(("base", "demo")) else what))
        if ref:
            r = [a / b for a, b in zip(v, ref)]
            print(f"  {sc:<11} ours {what:<6} ÷ pytorch: {statistics.median(r):.3f}   rounds: {', '.join(f'{x:.3f}' for x in r)}")
PY

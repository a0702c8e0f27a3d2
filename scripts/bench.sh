#!/usr/bin/env bash
# Forward-pass benchmark: builds bench_forward (Release) if needed, then runs, back to back and
# --repeats times, our engine with the full trace and with no capture, and the same model in PyTorch
# (scripts/bench_pytorch.py, one thread). Prints the per-round medians and the median ratios
# ours(full) / PyTorch and ours(none) / PyTorch. See bench/README.md for the measured figures.
#   scripts/bench.sh [--repeats N] [--runs N] [--openblas]
#     --openblas  also time PyTorch against OpenBLAS (the Debian libopenblas0-serial package, unpacked
#                 under the build directory and put first on LD_LIBRARY_PATH for that command only;
#                 the system BLAS is not changed)
# Environment: ALAB_BENCH_BUILD_DIR (default build-bench), PYTHON (default /usr/bin/python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ALAB_BENCH_BUILD_DIR:-$ROOT/build-bench}"
PYTHON="${PYTHON:-/usr/bin/python3}"
REPEATS=3
RUNS=7
OPENBLAS=0

fail() { echo "bench.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="${2:?--repeats needs a number}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    --openblas) OPENBLAS=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (try --help)" ;;
  esac
done

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null || fail "cmake configure failed"
fi
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD/CMakeCache.txt" || fail "$BUILD is not a Release build"
cmake --build "$BUILD" -j2 --target bench_forward >"$BUILD/bench_build.log" 2>&1 ||
  { tail -20 "$BUILD/bench_build.log" >&2; fail "building bench_forward failed (log: $BUILD/bench_build.log)"; }
BENCH="$BUILD/bench/bench_forward"

"$PYTHON" -c 'import torch' 2>/dev/null || fail "$PYTHON cannot import torch (apt-get install python3-torch)"

OPENBLAS_DIR="$BUILD/openblas/usr/lib/x86_64-linux-gnu/openblas-serial"
if [ "$OPENBLAS" = 1 ] && [ ! -f "$OPENBLAS_DIR/libblas.so.3" ]; then
  mkdir -p "$BUILD/openblas"
  (cd "$BUILD/openblas" && apt-get download libopenblas0-serial >/dev/null 2>&1 &&
     dpkg -x libopenblas0-serial_*.deb .) || fail "could not fetch libopenblas0-serial (run apt-get update?)"
fi

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPU(s), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PyTorch BLAS: $("$PYTHON" -c 'import torch,re; print(re.search(r"BLAS_INFO=(\w+)", torch.__config__.show()).group(1))')" \
     "-> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE-<unset>} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE-<unset>}" \
     "(read by OpenBLAS only; the reference BLAS ignores them)"
# Which OpenBLAS kernel PyTorch gets, with the variables as they are and with both unset.
openblasCore() {
  env "$@" OPENBLAS_VERBOSE=2 LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$PYTHON" -c 'import torch; torch.mm(torch.ones(64, 64), torch.ones(64, 64))' 2>&1 | sed -n 's/^Core: //p'
}
CORE_ASIS=""; CORE_UNSET=""
if [ "$OPENBLAS" = 1 ]; then
  CORE_ASIS="$(openblasCore)"; CORE_UNSET="$(openblasCore -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)"
  echo "OpenBLAS kernel for PyTorch: ${CORE_ASIS:-?} as set, ${CORE_UNSET:-?} with both variables unset"
fi

RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT
for round in $(seq 1 "$REPEATS"); do
  echo "--- round $round of $REPEATS"
  "$BENCH" --runs "$RUNS" | tee -a "$RESULTS" | grep -v '^RESULT'
  "$PYTHON" "$ROOT/scripts/bench_pytorch.py" --runs "$RUNS" | tee -a "$RESULTS" | grep -v '^RESULT'
  if [ "$OPENBLAS" = 1 ]; then
    LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
      "$PYTHON" "$ROOT/scripts/bench_pytorch.py" --runs "$RUNS" --label pytorch_openblas |
      tee -a "$RESULTS" | grep -v '^RESULT'
    if [ "$CORE_UNSET" != "$CORE_ASIS" ]; then  # the variables change OpenBLAS's kernel: time both
      env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
        "$PYTHON" "$ROOT/scripts/bench_pytorch.py" --runs "$RUNS" --label pytorch_openblas_unset |
        tee -a "$RESULTS" | grep -v '^RESULT'
    fi
  fi
done

# Per-round medians (results come in round order). The ratio of medians is taken within a round,
# then the median over rounds; the ratio of the best passes (min over all rounds) is less sensitive
# to other processes on a shared machine.
"$PYTHON" - "$RESULTS" <<'EOF'
import re, statistics, sys
med, best = {}, {}
for line in open(sys.argv[1]):
    m = re.match(r"RESULT impl=(\w+) capture=(\w+) median_ms=([\d.]+) min_ms=([\d.]+)", line)
    if m:
        key = f"{m[1]}/{m[2]}"
        med.setdefault(key, []).append(float(m[3]))
        best[key] = min(best.get(key, float("inf")), float(m[4]))
print("=== median of the round medians (ms): " + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in med.items()))
print("=== best pass over all rounds (ms):   " + ", ".join(f"{k} {v:.1f}" for k, v in best.items()))
for ref in ("pytorch/none", "pytorch_openblas/none", "pytorch_openblas_unset/none"):
    if ref not in med:
        continue
    for ours in ("alab/full", "alab/none"):
        ratios = [a / b for a, b in zip(med[ours], med[ref])]
        print(f"ratio ours capture={ours[5:]} / {ref[:-5]}: median {statistics.median(ratios):.3f}, "
              f"best {best[ours] / best[ref]:.3f}  (rounds: {', '.join(f'{r:.3f}' for r in ratios)})")
EOF

#!/usr/bin/env bash
# Long inputs (issue 12, section 2): peak RSS and time of lean traces, one head's heatmap, the all-heads
# grid filling, and one head exported at 16 384 tokens as .npy and PNG. A benchmark, not a test: it
# prints what it measured; the goals are in the comments. Needs a Release build in build/ (or $BUILD).
# Usage: scripts/bench_long_inputs.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
BENCH=$BUILD/bench/bench_ui_long_inputs
APP=$BUILD/app/attention-lab
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export QT_QPA_PLATFORM=offscreen

# "%e s wall, %U+%S s CPU, %M kB peak RSS" for a command, after its own output.
measure() { /usr/bin/time -f "  -> %e s wall, %U s user + %S s sys, peak RSS %M kB" "$@"; }

echo "== machine"; lscpu | grep -E "Model name|^CPU\(s\)|Flags" | cut -c1-100; uptime
echo "== base model encoder, 4096 tokens (goal: within 2 GB)"
measure "$BENCH" trace base 4096
echo "== demo model, 16384 source + 16384 target tokens (goal: within 4 GB)"
measure "$BENCH" trace demo 16384 16384
echo "== one head's heatmap, base model, 4096 tokens (goal: < 200 ms)"
measure "$BENCH" heatmap base 4096
echo "== all heads, base model, 4096 tokens (goal: fills without freezing the window)"
measure "$BENCH" grid base 4096
echo "== export one head at 16384 tokens, demo model"
IDS=$(python3 -c "print(','.join(str(4 + (i * 7919) % 60) for i in range(16384)))")
measure "$APP" export --preset demo --src-ids "$IDS" --tensor encoder.1.self_attn.weights --head 0 --format npy --out "$OUT/head.npy"
measure "$APP" export --preset demo --src-ids "$IDS" --tensor encoder.1.self_attn.weights --head 0 --format png --out "$OUT/head.png"
ls -l "$OUT"

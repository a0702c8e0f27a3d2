#!/usr/bin/env bash
# Trains the shipped models resources/models/reverse and resources/models/en-zh with our own
# `attention-lab train`, from fixed seeds, and copies model.safetensors, config.json, vocab.txt,
# task.json and log.csv into resources/models/<name>/. `--check` trains into a temporary folder
# instead and compares with what is committed (byte for byte; log.csv without its tokens/s column,
# which is wall-clock time).
#
# Bit-for-bit means: the same program built the same way on the same kind of CPU, on any number of
# threads (a batch is cut into chunks by its shapes, never by the thread count). The committed models
# were made by a Release build (-O3 -march=native, ALAB_NATIVE=ON, ALAB_BLAS=OFF, GCC 12.2.0, Debian 12)
# on a 2-core AMD EPYC (Zen 4, family 25 model 17, AVX-512) VM, two threads. Another compiler, other
# flags or another CPU (no AVX-512, other FMA contraction) round floats differently, so the weights
# differ in their last bits while scores stay the same.
#
# `--sweep` chooses reverse's step count by the validation split only (never the held-out test split):
# one run of 4800 steps evaluated every 200 (the schedule and the data stream do not depend on --steps,
# so its weights at step N are those of a run of N steps), the candidates 2400, 3000, 3600, 4000 and
# 4800 read from its log.csv, and the rule: the highest validation exact match, ties broken by the
# lower validation loss.
#
# usage: scripts/train_presets.sh [--check | --sweep] [--app PATH/TO/attention-lab]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
app=$here/build/app/attention-lab
check=0
while [ $# -gt 0 ]; do
  case $1 in
    --check) check=1 ;;
    --sweep) check=2 ;;
    --app) app=$2; shift ;;
    *) echo "train_presets.sh: unknown option $1 (use --check, --sweep, --app PATH)" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$app" ] || { echo "train_presets.sh: $app is not built (cmake --build build --target attention-lab)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The exact command lines. Settings were chosen with short runs (README in resources/models/):
# without label smoothing en-zh aligns its cross-attention far better (88 % vs 73 % of content
# characters after 1500 steps, same BLEU) and reverse gets 99.8 % instead of 97.6 % exact match on
# 1000 held-out sequences after 4000 steps (those early runs looked at the held-out split; the step
# count below is chosen by --sweep on the validation split alone).
# reverse: 4800 steps, by `--sweep` (2026-11-24; validation exact match / loss of 100 sequences the run
# never trains on): 2400 78 % / 0.054, 3000 100 % / 0.00020, 3600 100 % / 0.00019, 4000 97 % / 0.030,
# 4800 100 % / 0.000024. The curve swings between checks (every 200 steps: 92–100 % from step 1200 on).
train_reverse() {
  "$app" train --task reverse --d-model 64 --heads 4 --layers 2 --d-ff 256 --steps ${2:-4800} --batch 32 \
    --lr 1 --warmup 200 --label-smoothing 0 --seed 1 --out "$1" ${3:+--eval-every $3}
}
train_en_zh() {
  "$app" train --task en-zh --d-model 64 --heads 4 --layers 2 --d-ff 256 --steps 4000 --batch 32 \
    --lr 1 --warmup 200 --label-smoothing 0 --seed 1 --out "$1"
}

if [ $check = 2 ]; then
  train_reverse "$work/sweep" 4800 200 2>"$work/sweep.progress" >/dev/null  # its last line is the test split: unread
  # log.csv: step,train_loss,val_loss,val_exact_match,...; print the candidates and pick by the rule
  awk -F, '$1==2400||$1==3000||$1==3600||$1==4000||$1==4800 {
      printf "reverse at %d steps: validation exact match %s %%, validation loss %s\n", $1, $4, $3
      if (!seen || $4 > best_em || ($4 == best_em && $3 < best_loss)) { best = $1; best_em = $4; best_loss = $3 }
      seen = 1 }
    END { printf "chosen by validation: %d steps\n", best }' "$work/sweep/log.csv"
  exit 0
fi

files="model.safetensors config.json vocab.txt task.json log.csv"
status=0
for name in reverse en-zh; do
  out=$work/$name
  start=$(date +%s)
  "train_${name//-/_}" "$out" 2>"$work/$name.progress"
  # train writes max_len 64 (the tasks' longest sentence); with sinusoidal positions there is no table
  # to size, so the shipped config accepts long inputs (16 384 tokens) — the weights are the same.
  grep -q '"positional_encoding": "sinusoidal"' "$out/config.json" &&
    sed -i 's/"max_len": 64,/"max_len": 16384,/' "$out/config.json"
  echo "$name: trained in $(( $(date +%s) - start )) s"
  dest=$here/resources/models/$name
  if [ $check = 1 ]; then
    for f in $files; do
      if [ $f = log.csv ]; then
        cmp -s <(cut -d, -f1-6 "$out/$f") <(cut -d, -f1-6 "$dest/$f") || { echo "$name/$f differs"; status=1; }
      else
        cmp -s "$out/$f" "$dest/$f" || { echo "$name/$f differs"; status=1; }
      fi
    done
  else
    mkdir -p "$dest"
    for f in $files; do cp "$out/$f" "$dest/$f"; done
  fi
done
[ $check = 1 ] && [ $status = 0 ] && echo "identical to resources/models"
exit $status

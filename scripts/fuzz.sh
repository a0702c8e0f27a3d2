#!/usr/bin/env bash
# Fuzzes every harness in tests/fuzz/ with libFuzzer (clang, AddressSanitizer, UBSan) for SECONDS
# each (default 60): bash scripts/fuzz.sh [SECONDS]. Builds in ./build-fuzz. New interesting inputs
# go to build-fuzz/corpus/<reader>/ (the committed seeds are only read); crashes, leaks and timeouts
# are saved as fuzz-findings/<reader>/crash-* (or leak-*, timeout-*) for you to inspect. To keep a
# finding as a regression test, fix the bug and copy the file into tests/fuzz/corpus/<reader>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=$(nproc 2>/dev/null || echo 2)
command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang)" >&2; exit 1; }

# -O1: clang at -O2 with AddressSanitizer needs over 15 minutes for the demo vocabulary's long
# initializer list (core/demo_vocabulary.cpp); at -O1 it takes seconds, and the harnesses still run thousands of inputs a second.
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALAB_NATIVE=OFF \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -DNDEBUG" -DALAB_FUZZ=ON -DCMAKE_CXX_FLAGS="$flags" >/dev/null
harnesses=$(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
# shellcheck disable=SC2086
cmake --build build-fuzz -j"$jobs" --target $harnesses

status=0
for h in $harnesses; do
  reader=${h#fuzz_}
  mkdir -p "build-fuzz/corpus/$reader" "fuzz-findings/$reader"
  echo "fuzz: $reader for ${seconds}s"
  if ! ASAN_OPTIONS="halt_on_error=1:detect_leaks=1" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
       "build-fuzz/tests/fuzz/$h" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="fuzz-findings/$reader/" \
       "build-fuzz/corpus/$reader" "tests/fuzz/corpus/$reader" >"fuzz-findings/$reader/log.txt" 2>&1; then
    echo "fuzz: $reader FOUND A PROBLEM: see fuzz-findings/$reader/ (log.txt and the saved input)"
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^Done" "fuzz-findings/$reader/log.txt" | tr '\n' ' ' || true
  echo
done
exit $status

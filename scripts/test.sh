#!/usr/bin/env bash
# Sets up, builds and runs every test (core tests, and UI tests on Qt's offscreen platform).
#   bash scripts/test.sh             the normal build in ./build (scripts/setup.sh installs what is missing)
#   bash scripts/test.sh --sanitize  a separate build in ./build-sanitize with AddressSanitizer and
#                                    UndefinedBehaviorSanitizer; the first report stops the test that hit it
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
export QT_QPA_PLATFORM=offscreen

if [ "${1:-}" = "--sanitize" ]; then
  # Packages come from scripts/setup.sh (the normal run); this mode only configures, builds and tests.
  # RelWithDebInfo: -O2 keeps the Eigen-heavy tests fast enough; -g gives reports with line numbers.
  # -march=native: the products then run on our AVX-512 kernel where the CPU has it, as in the normal
  # build, so its loads and stores are checked too (ALAB_NATIVE adds it to Release builds only).
  flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -march=native"
  cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALAB_NATIVE=OFF \
        -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
  cmake --build build-sanitize -j"$jobs"
  # halt_on_error: the first report fails the test. detect_leaks=0: Qt, fontconfig and the offscreen
  # platform keep caches alive until exit, which LeakSanitizer reports as leaks that are not ours.
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=0:strict_string_checks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  # Sanitized code runs 3–10× slower: give each test function as long as ctest gives a test (Qt's
  # own watchdog would abort a training test at 300 s).
  export QTEST_FUNCTION_TIMEOUT=1200000
  ctest --test-dir build-sanitize --output-on-failure -j"$jobs" --timeout 1200
  exit 0
fi

bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 600

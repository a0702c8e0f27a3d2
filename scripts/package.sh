#!/usr/bin/env bash
# Builds the Debian packages with portable flags (no -march=native) in ./build-deb and prints their
# paths: attention-lab_<version>_<arch>.deb (the app) and attention-lab-dev_… (the core for CMake).
# Install the app with: sudo apt-get install ./build-deb/attention-lab_*.deb
# Needs what scripts/setup.sh installs, plus dpkg-dev (dpkg-shlibdeps computes the Depends: line).
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DALAB_NATIVE=OFF -DBUILD_TESTING=OFF \
      -DCMAKE_INSTALL_PREFIX=/usr "${launcher[@]}" >/dev/null
cmake --build build-deb -j"$(nproc 2>/dev/null || echo 2)"
(cd build-deb && cpack -G DEB >/dev/null)
ls -1 "$PWD"/build-deb/attention-lab*.deb

#!/usr/bin/env bash
# Quick start 2: install what is missing, build everything in Release with warnings as errors,
# and run the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
cmake --build --preset release -j"$(nproc)"
ctest --preset release

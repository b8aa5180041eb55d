#!/usr/bin/env bash
# Quick start 2: install what is missing, build everything in Release with warnings as errors,
# and run the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
# The hub's JavaScript client (@huggingface/hub) that tst_hub checks the cache against.
npm ci --prefix tests/hub --no-audit --no-fund --loglevel=error
cmake --preset release -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
cmake --build --preset release -j"$(nproc)"
ctest --preset release

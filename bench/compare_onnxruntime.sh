#!/usr/bin/env bash
# vitscope-cli bench against ONNX Runtime in the same run (bench/compare.py with the ORT peer).
# usage: bench/compare_onnxruntime.sh [tiny|small|base] [threads] [runs] [rounds]
# The CLI is $VITSCOPE_CLI, by default build/bin/vitscope-cli (a Release build).
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 bench/compare.py --peers onnxruntime --size "${1:-base}" --threads "${2:-$(nproc)}" \
    --runs "${3:-20}" --rounds "${4:-1}"

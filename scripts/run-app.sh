#!/usr/bin/env bash
# Quick start 1: install what is missing, build in Release, start ViTScope with the embedded
# default model and a sample image. Extra arguments go to vitscope (e.g. --lang zh_CN).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target vitscope vitscope-cli -j"$(nproc)"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting under Xvfb (xvfb-run)." >&2
    exec xvfb-run -a -s "-screen 0 1400x900x24" build/bin/vitscope "$@"
fi
exec build/bin/vitscope "$@"

#!/usr/bin/env bash
# Speed against a peer in the same run: vitscope-cli bench and ONNX Runtime (npm onnxruntime-node,
# CPU provider) on the same randomly initialised ViT, same threads, same input size.
# usage: bench/compare_onnxruntime.sh [tiny|small|base] [threads] [runs]
# Needs a Release build (build/bin/vitscope-cli), Debian's python3-torch and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-base}
threads=${2:-$(nproc)}
runs=${3:-20}
work=build/bench/$size
cli=${VITSCOPE_CLI:-build/bin/vitscope-cli}
mkdir -p "$work"

if [ ! -d bench/onnxruntime/node_modules/onnxruntime-node ]; then
    # The package's install script fetches optional GPU binaries; the CPU ones ship in the tarball.
    (cd bench/onnxruntime && npm install --ignore-scripts --no-audit --no-fund --silent)
fi
[ -f "$work/attentions.onnx" ] || /usr/bin/python3 bench/export_vit.py "$work" --size "$size"

vitscope=$(OMP_NUM_THREADS=$threads "$cli" bench --model "$work/model" --threads "$threads" --runs "$runs" --json)
ort_logits=$(node bench/onnxruntime/bench.mjs "$work/logits.onnx" --threads "$threads" --runs "$runs")
ort_attn=$(node bench/onnxruntime/bench.mjs "$work/attentions.onnx" --threads "$threads" --runs "$runs")

/usr/bin/python3 - "$vitscope" "$ort_logits" "$ort_attn" "$size" <<'PY'
import json, sys
v, ol, oa = (json.loads(s) for s in sys.argv[1:4])
print(f"ViT-{sys.argv[4]} 224x224, {v['threads']} threads, median of {v['runs']} runs")
print(f"{'engine':<42}{'median ms':>10}{'min ms':>10}{'ratio':>8}")
rows = [("vitscope (logits + all attentions)", v),
        ("onnxruntime (logits only)", ol),
        ("onnxruntime (logits + all attentions)", oa)]
for name, r in rows:
    print(f"{name:<42}{r['median_ms']:>10.2f}{r['min_ms']:>10.2f}{r['median_ms'] / v['median_ms']:>8.2f}")
print("ratio = engine median / vitscope median: above 1 means vitscope is faster")
PY

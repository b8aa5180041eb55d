#!/usr/bin/python3
"""The peer for `vitscope-cli bench`: the same checkpoint through torch (Debian's python3-torch),
same input size, same warm-up and statistics, so the two can be compared run for run.

usage: torch_bench.py MODEL_DIR [--runs N] [--threads N] [--json]
The forward pass is tools/vit_reference.py's (eager attention, as the fixtures were made).
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import vit_reference  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    cfg = json.load(open(os.path.join(args.model_dir, "config.json")))
    weights = vit_reference.read_safetensors(os.path.join(args.model_dir, "model.safetensors"))
    forward = vit_reference.timm_vit if "architecture" in cfg else vit_reference.hf_vit
    size = cfg.get("image_size", 224)
    index = torch.arange(3 * size * size, dtype=torch.float64)
    pixels = torch.sin(0.001 * index).float().reshape(1, 3, size, size)  # as vitscope-cli bench
    times = []
    with torch.inference_mode():
        forward(weights, cfg, pixels)
        for _ in range(args.runs):
            start = time.perf_counter()
            forward(weights, cfg, pixels)
            times.append((time.perf_counter() - start) * 1000.0)
    median, best = statistics.median(times), min(times)
    if args.json:
        print(json.dumps({"peer": f"torch {torch.__version__}", "threads": args.threads, "runs": args.runs,
                          "median_ms": median, "min_ms": best, "images_per_s": 1000.0 / median}))
    else:
        print(f"torch {torch.__version__}, {args.threads} threads, {args.runs} runs")
        print(f"median {median:.2f} ms/image ({1000.0 / median:.1f} images/s), min {best:.2f} ms")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The torch peer for `vitscope-cli bench`: the same checkpoint through Debian's torch, same input
size, warm-up and statistics. The forward pass is tools/make_fixtures.py's reimplementation of
the library (eager attention, every attention map returned, as the fixtures were made), loaded
by tools/vit_reference.py.

usage: torch_bench.py MODEL_DIR [--runs N] [--threads N] [--json]
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
    forward = vit_reference.load_model(args.model_dir)
    size = cfg.get("image_size", 224)
    index = torch.arange(3 * size * size, dtype=torch.float64)
    pixels = torch.sin(0.001 * index).float().reshape(1, 3, size, size)  # as vitscope-cli bench
    times = []
    with torch.inference_mode():
        forward(pixels)
        for _ in range(args.runs):
            start = time.perf_counter()
            forward(pixels)
            times.append((time.perf_counter() - start) * 1000.0)
    median, best = statistics.median(times), min(times)
    if args.json:
        print(json.dumps({"peer": f"torch {torch.__version__}", "threads": args.threads, "runs": args.runs,
                          "median_ms": median, "min_ms": best}))
    else:
        print(f"torch {torch.__version__}, {args.threads} threads, {args.runs} runs")
        print(f"median {median:.2f} ms/image ({1000.0 / median:.1f} images/s), min {best:.2f} ms")


if __name__ == "__main__":
    main()

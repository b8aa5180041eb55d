#!/usr/bin/python3
"""vitscope-cli bench against the torch peer on the same checkpoint, threads and input, the two
alternating so that a busy machine slows both alike. Prints each side and the ratio.

usage: compare.py CLI MODEL_DIR [--threads N] [--runs N] [--rounds N]
  CLI: the built vitscope-cli; MODEL_DIR: e.g. one made by bench/make_random_vit.py.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run_json(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("model_dir")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ours, peer = [], []
    for _ in range(args.rounds):
        ours.append(run_json([args.cli, "bench", "--model", args.model_dir, "--runs", str(args.runs),
                              "--threads", str(args.threads), "--json"])["median_ms"])
        peer.append(run_json([sys.executable, os.path.join(HERE, "torch_bench.py"), args.model_dir,
                              "--runs", str(args.runs), "--threads", str(args.threads), "--json"])["median_ms"])
    a, b = statistics.median(ours), statistics.median(peer)
    print(f"{os.path.basename(os.path.normpath(args.model_dir))}, {args.threads} threads, "
          f"{args.rounds} rounds x {args.runs} runs (median of medians)")
    print(f"vitscope: {a:.1f} ms/image ({1000 / a:.2f} images/s)  rounds {[round(v, 1) for v in ours]}")
    print(f"torch:    {b:.1f} ms/image ({1000 / b:.2f} images/s)  rounds {[round(v, 1) for v in peer]}")
    print(f"torch / vitscope time ratio: {b / a:.2f} (above 1: vitscope is faster)")


if __name__ == "__main__":
    main()

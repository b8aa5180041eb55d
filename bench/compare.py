#!/usr/bin/python3
"""vitscope-cli bench against its peers on the same randomly initialised ViT, same threads, same
input: ONNX Runtime (npm onnxruntime-node, CPU provider; logits only, and logits with every
attention map as ViTScope computes) and Debian's torch. The programs alternate round by round so
that a busy machine slows them alike; each prints its median of --runs, and the table gives the
median of the rounds' medians, the best round, and the load average around the measurement.

usage: compare.py [--size tiny|small|base] [--threads N] [--runs N] [--rounds N]
                  [--peers onnxruntime,torch] [--cli build/bin/vitscope-cli] [--baseline OTHER_CLI]
--baseline times another vitscope-cli build in the same rounds (before / after a change).
The model is made once under build/bench/SIZE by bench/make_random_vit.py.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PYTHON = "/usr/bin/python3"  # Debian's, with torch


def run_json(command, threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="base", choices=["tiny", "small", "base"])
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--peers", default="onnxruntime", help="comma separated: onnxruntime, torch")
    parser.add_argument("--cli", default=os.environ.get("VITSCOPE_CLI", os.path.join(REPO, "build/bin/vitscope-cli")))
    parser.add_argument("--baseline", help="another vitscope-cli to time alongside")
    args = parser.parse_args()
    peers = [p for p in args.peers.split(",") if p]
    work = os.path.join(REPO, "build", "bench", args.size)
    if not os.path.exists(os.path.join(work, "attentions.onnx")):
        subprocess.run([PYTHON, os.path.join(HERE, "make_random_vit.py"), work, "--size", args.size], check=True)
    ort = os.path.join(HERE, "onnxruntime")
    if "onnxruntime" in peers and not os.path.isdir(os.path.join(ort, "node_modules", "onnxruntime-node")):
        # The package's install script fetches optional GPU binaries; the CPU ones ship in the tarball.
        subprocess.run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--silent"], cwd=ort,
                       check=True)

    common = ["--threads", str(args.threads), "--runs", str(args.runs)]
    engines = [("vitscope (logits + all attentions)",
                [args.cli, "bench", "--model", os.path.join(work, "model"), "--json"] + common)]
    if args.baseline:
        engines.append(("vitscope baseline (--baseline)",
                        [args.baseline, "bench", "--model", os.path.join(work, "model"), "--json"] + common))
    if "onnxruntime" in peers:
        for graph, what in (("logits", "logits only"), ("attentions", "logits + all attentions")):
            engines.append((f"onnxruntime 1.30 ({what})",
                            ["node", os.path.join(ort, "bench.mjs"), os.path.join(work, graph + ".onnx")] + common))
    if "torch" in peers:
        engines.append(("torch eager (logits + all attentions)",
                        [PYTHON, os.path.join(HERE, "torch_bench.py"), os.path.join(work, "model"), "--json"]
                        + common))

    load_before = os.getloadavg()[0]
    medians = {name: [] for name, _ in engines}
    for _ in range(args.rounds):
        for name, command in engines:
            medians[name].append(run_json(command, args.threads)["median_ms"])
    load_after = os.getloadavg()[0]

    ours = statistics.median(medians[engines[0][0]])
    print(f"ViT-{args.size}/16 224x224, {args.threads} threads, {args.rounds} rounds x {args.runs} runs, "
          f"{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, load average {load_before:.1f} -> {load_after:.1f}")
    print(f"{'engine':<42}{'median ms':>10}{'best round':>11}{'ratio':>7}")
    for name, _ in engines:
        median = statistics.median(medians[name])
        print(f"{name:<42}{median:>10.1f}{min(medians[name]):>11.1f}{median / ours:>7.2f}")
    print("ratio = engine / vitscope (medians of the rounds): above 1 means vitscope is faster")


if __name__ == "__main__":
    sys.exit(main())

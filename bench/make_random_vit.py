#!/usr/bin/python3
"""A timm ViT checkpoint with random weights at the real size, for timing only.

usage: make_random_vit.py OUT_DIR [--arch vit_base_patch16_224] [--classes 1000]
Writes OUT_DIR/config.json (timm layout: architecture, num_classes) and OUT_DIR/model.safetensors
(F32, timm tensor names), which vitscope-cli bench and bench/torch_bench.py both load.
"""
import argparse
import json
import os
import struct

import numpy as np

SIZES = {  # architecture: (embed_dim, depth, heads, patch, image)
    "vit_tiny_patch16_224": (192, 12, 3, 16, 224),
    "vit_small_patch16_224": (384, 12, 6, 16, 224),
    "vit_base_patch16_224": (768, 12, 12, 16, 224),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--arch", default="vit_base_patch16_224", choices=sorted(SIZES))
    parser.add_argument("--classes", type=int, default=1000)
    args = parser.parse_args()
    D, L, H, P, S = SIZES[args.arch]
    rng = np.random.default_rng(0)
    tensors = {}

    def add(name, *shape, scale=0.02):
        tensors[name] = (rng.standard_normal(shape) * scale).astype("<f4")

    add("cls_token", 1, 1, D)
    add("pos_embed", 1, (S // P) ** 2 + 1, D)
    add("patch_embed.proj.weight", D, 3, P, P)
    add("patch_embed.proj.bias", D)
    for l in range(L):
        p = f"blocks.{l}."
        for norm in ("norm1", "norm2"):
            tensors[p + norm + ".weight"] = np.ones(D, "<f4")
            tensors[p + norm + ".bias"] = np.zeros(D, "<f4")
        add(p + "attn.qkv.weight", 3 * D, D)
        add(p + "attn.qkv.bias", 3 * D)
        add(p + "attn.proj.weight", D, D)
        add(p + "attn.proj.bias", D)
        add(p + "mlp.fc1.weight", 4 * D, D)
        add(p + "mlp.fc1.bias", 4 * D)
        add(p + "mlp.fc2.weight", D, 4 * D)
        add(p + "mlp.fc2.bias", D)
    tensors["norm.weight"] = np.ones(D, "<f4")
    tensors["norm.bias"] = np.zeros(D, "<f4")
    add("head.weight", args.classes, D)
    add("head.bias", args.classes)

    header, offset = {}, 0
    for name, array in tensors.items():
        header[name] = {"dtype": "F32", "shape": list(array.shape), "data_offsets": [offset, offset + array.nbytes]}
        offset += array.nbytes
    blob = json.dumps(header).encode()
    blob += b" " * (-len(blob) % 8)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "model.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(blob)))
        f.write(blob)
        for array in tensors.values():
            f.write(array.tobytes())
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump({"architecture": args.arch, "num_classes": args.classes}, f, indent=1)


if __name__ == "__main__":
    main()

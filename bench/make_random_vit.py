#!/usr/bin/python3
"""One randomly initialised ViT at a real size, for timing only: a transformers checkpoint folder
that vitscope-cli bench and bench/torch_bench.py load, and the same network as ONNX graphs for
ONNX Runtime. The network is tools/make_fixtures.py's ViTForImageClassification, so every peer
runs exactly the same weights.

usage: make_random_vit.py OUT_DIR [--size tiny|small|base] [--image 224] [--patch 16] [--no-onnx]
writes OUT_DIR/model/{config.json,preprocessor_config.json,model.safetensors},
OUT_DIR/logits.onnx (logits only) and OUT_DIR/attentions.onnx (logits and every attention map,
what ViTScope computes).
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from make_fixtures import (HfViTForImageClassification, hf_vit_config, vit_preprocessor,  # noqa: E402
                           write_safetensors)

SIZES = {  # hidden, layers, heads, MLP width: the ViT paper's table
    "tiny": (192, 12, 3, 768),
    "small": (384, 12, 6, 1536),
    "base": (768, 12, 12, 3072),
}


class Logits(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, pixels):
        return self.model(pixels)["logits"]


class LogitsAndAttentions(Logits):
    def forward(self, pixels):
        out = self.model(pixels)
        return out["logits"], torch.stack(out["attentions"], dim=1)  # (1, L, H, T, T)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--size", choices=SIZES, default="base")
    parser.add_argument("--image", type=int, default=224)
    parser.add_argument("--patch", type=int, default=16)
    parser.add_argument("--no-onnx", action="store_true", help="only the checkpoint folder")
    args = parser.parse_args()

    torch.manual_seed(0)
    hidden, layers, heads, mlp = SIZES[args.size]
    config = hf_vit_config("vit", ["ViTForImageClassification"], hidden, layers, heads, mlp,
                           args.patch, args.image, 1000)
    model = HfViTForImageClassification(config).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("weight") and p.dim() > 1:
                p.normal_(0.0, 0.02)

    folder = os.path.join(args.out, "model")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    with open(os.path.join(folder, "preprocessor_config.json"), "w") as f:
        json.dump(vit_preprocessor(args.image, args.image), f, indent=2)
    write_safetensors(os.path.join(folder, "model.safetensors"),
                      {k: v.contiguous() for k, v in model.state_dict().items()})
    if args.no_onnx:
        return

    pixels = torch.randn(1, 3, args.image, args.image)
    for name, wrapper, outputs in (("logits", Logits(model), ["logits"]),
                                   ("attentions", LogitsAndAttentions(model), ["logits", "attentions"])):
        torch.onnx.export(wrapper, pixels, os.path.join(args.out, name + ".onnx"),
                          input_names=["pixel_values"], output_names=outputs, opset_version=14)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes one randomly initialised ViT as a transformers checkpoint folder and as ONNX graphs,
so vitscope-cli bench and ONNX Runtime time the very same network.

usage: export_vit.py OUT_DIR [--size base|small|tiny] [--image 224] [--patch 16]
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

    pixels = torch.randn(1, 3, args.image, args.image)
    for name, wrapper, outputs in (("logits", Logits(model), ["logits"]),
                                   ("attentions", LogitsAndAttentions(model), ["logits", "attentions"])):
        torch.onnx.export(wrapper, pixels, os.path.join(args.out, name + ".onnx"),
                          input_names=["pixel_values"], output_names=outputs, opset_version=14)


if __name__ == "__main__":
    main()

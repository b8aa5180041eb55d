#!/usr/bin/python3
"""Reference forward pass for inputs the fixtures do not cover (non-square sizes), in Debian's
torch (no transformers, no timm).

Runs a checkpoint's model.safetensors through tools/make_fixtures.py's reimplementations (the
modules checked there against the real libraries): transformers ViTForImageClassification with
interpolate_pos_encoding=True (bicubic, no antialias), or timm VisionTransformer with
dynamic_img_size=True (resample_abs_pos_embed, antialias). --check compares with a fixture
made by the real library at its own size.

usage: vit_reference.py MODEL_DIR PIXELS.npy OUT_DIR [--check FIXTURE_DIR]
writes OUT_DIR/{attentions,logits,features}.npy (features: after the final norm, (T, D)).
"""
import argparse
import json
import os

import numpy as np
import torch

from make_fixtures import (ARCHITECTURES, HfViTForImageClassification, TimmVisionTransformer, load_into,
                           read_safetensors)


def load_model(model_dir):
    """The checkpoint in MODEL_DIR as a module; forward(pixels) gives (attentions, logits, features)."""
    cfg = json.load(open(os.path.join(model_dir, "config.json")))
    weights = read_safetensors(os.path.join(model_dir, "model.safetensors"))
    if "architecture" in cfg:  # timm
        args = dict(ARCHITECTURES[cfg["architecture"]], **cfg.get("model_args", {}))
        args.update(num_classes=cfg.get("num_classes", args.get("num_classes", 1000)), dynamic_img_size=True)
        args.setdefault("img_size", tuple(cfg["pretrained_cfg"]["input_size"][1:]))
        model = TimmVisionTransformer(**args).eval()
        load_into(model, weights)

        def forward(pixels):
            out = model(pixels)
            return torch.stack(out["attentions"])[:, 0], out["logits"][0], out["features"][0]
    else:  # transformers
        model = HfViTForImageClassification(cfg).eval()
        load_into(model, weights)

        def forward(pixels):
            out = model(pixels, interpolate_pos_encoding=True)
            return torch.stack(out["attentions"])[:, 0], out["logits"][0], out["last_hidden_state"][0]
    return forward


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir")
    parser.add_argument("pixels")
    parser.add_argument("out_dir")
    parser.add_argument("--check", help="fixture folder whose attentions/logits must match")
    args = parser.parse_args()
    forward = load_model(args.model_dir)
    pixels = torch.from_numpy(np.load(args.pixels).astype(np.float32))
    with torch.no_grad():
        attentions, logits, features = forward(pixels)
    os.makedirs(args.out_dir, exist_ok=True)
    np.save(os.path.join(args.out_dir, "attentions.npy"), attentions.numpy().astype("<f4"))
    np.save(os.path.join(args.out_dir, "logits.npy"), logits.numpy().astype("<f4"))
    np.save(os.path.join(args.out_dir, "features.npy"), features.numpy().astype("<f4"))
    print(f"tokens {attentions.shape[-1]}, attentions {tuple(attentions.shape)}, logits {logits.numpy()}")
    if args.check:
        ref_att = np.load(os.path.join(args.check, "attentions.npy"))
        ref_logits = np.load(os.path.join(args.check, "logits.npy"))
        print("max |attention - fixture|", np.abs(attentions.numpy() - ref_att).max())
        print("max |logits - fixture|", np.abs(logits.numpy() - ref_logits.reshape(-1)).max())


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference forward pass for the test fixtures, in Debian's torch (no transformers, no timm).

Re-implements transformers ViTForImageClassification (eager attention, bicubic position
interpolation without antialias, interpolate_pos_encoding=True) and timm VisionTransformer
(class token, resample_abs_pos_embed with antialias) over a checkpoint's model.safetensors, so
that inputs the fixtures do not cover (non-square sizes) get golden outputs too. Its outputs at
224x224 match the fixtures made by the real libraries; check with --check.

usage: vit_reference.py MODEL_DIR PIXELS.npy OUT_DIR [--check FIXTURE_DIR]
writes OUT_DIR/{attentions,logits,features}.npy (features: after the final norm, (T, D)).
"""
import argparse
import json
import os
import struct

import numpy as np
import torch
import torch.nn.functional as F


def read_safetensors(path):
    data = open(path, "rb").read()
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            raise SystemExit(f"{path}: {name} is {info['dtype']}, only F32 supported")
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[8 + size + begin:8 + size + end], dtype="<f4").reshape(info["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors


def hf_vit(w, cfg, pixels):
    """transformers ViTForImageClassification.forward(pixel_values, interpolate_pos_encoding=True)."""
    D, H, P = cfg["hidden_size"], cfg["num_attention_heads"], cfg["patch_size"]
    eps = cfg["layer_norm_eps"]
    _, _, height, width = pixels.shape
    x = F.conv2d(pixels, w["vit.embeddings.patch_embeddings.projection.weight"],
                 w["vit.embeddings.patch_embeddings.projection.bias"], stride=P)
    x = x.flatten(2).transpose(1, 2)
    x = torch.cat([w["vit.embeddings.cls_token"], x], dim=1)
    pos = w["vit.embeddings.position_embeddings"]
    num_patches, num_positions = x.shape[1] - 1, pos.shape[1] - 1
    if not (num_patches == num_positions and height == width):
        side = int(num_positions ** 0.5)
        patch_pos = pos[:, 1:].reshape(1, side, side, D).permute(0, 3, 1, 2)
        patch_pos = F.interpolate(patch_pos, size=(height // P, width // P), mode="bicubic", align_corners=False)
        pos = torch.cat([pos[:, :1], patch_pos.permute(0, 2, 3, 1).reshape(1, -1, D)], dim=1)
    x = x + pos
    attentions = []
    hd = D // H
    for layer in range(cfg["num_hidden_layers"]):
        p = f"vit.encoder.layer.{layer}."
        h = F.layer_norm(x, (D,), w[p + "layernorm_before.weight"], w[p + "layernorm_before.bias"], eps)
        q = F.linear(h, w[p + "attention.attention.query.weight"], w[p + "attention.attention.query.bias"])
        k = F.linear(h, w[p + "attention.attention.key.weight"], w[p + "attention.attention.key.bias"])
        v = F.linear(h, w[p + "attention.attention.value.weight"], w[p + "attention.attention.value.bias"])
        q, k, v = (t.view(1, -1, H, hd).transpose(1, 2) for t in (q, k, v))
        probs = torch.softmax(torch.matmul(q, k.transpose(-1, -2)) * hd ** -0.5, dim=-1)
        attentions.append(probs[0])
        ctx = torch.matmul(probs, v).transpose(1, 2).reshape(1, -1, D)
        x = x + F.linear(ctx, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"])
        h = F.layer_norm(x, (D,), w[p + "layernorm_after.weight"], w[p + "layernorm_after.bias"], eps)
        h = F.gelu(F.linear(h, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
        x = x + F.linear(h, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
    features = F.layer_norm(x, (D,), w["vit.layernorm.weight"], w["vit.layernorm.bias"], eps)
    logits = F.linear(features[:, 0], w["classifier.weight"], w["classifier.bias"])
    return torch.stack(attentions), logits[0], features[0]


def timm_vit(w, cfg, pixels):
    """timm VisionTransformer (class token pooling, dynamic_img_size resampling of pos_embed)."""
    D = w["cls_token"].shape[-1]
    H = {"vit_tiny": 3, "vit_small": 6, "vit_base": 12, "vit_large": 16}[cfg["architecture"].split("_patch")[0]]
    P = w["patch_embed.proj.weight"].shape[-1]
    eps = 1e-6
    x = F.conv2d(pixels, w["patch_embed.proj.weight"], w["patch_embed.proj.bias"], stride=P)
    gh, gw = x.shape[-2:]
    x = x.flatten(2).transpose(1, 2)
    pos = w["pos_embed"]
    side = int((pos.shape[1] - 1) ** 0.5)
    if (gh, gw) != (side, side):
        patch_pos = pos[:, 1:].reshape(1, side, side, D).permute(0, 3, 1, 2)
        patch_pos = F.interpolate(patch_pos, size=(gh, gw), mode="bicubic", antialias=True, align_corners=False)
        pos = torch.cat([pos[:, :1], patch_pos.permute(0, 2, 3, 1).reshape(1, -1, D)], dim=1)
    x = torch.cat([w["cls_token"], x], dim=1) + pos
    attentions = []
    hd = D // H
    layers = len({k.split(".")[1] for k in w if k.startswith("blocks.")})
    for layer in range(layers):
        p = f"blocks.{layer}."
        h = F.layer_norm(x, (D,), w[p + "norm1.weight"], w[p + "norm1.bias"], eps)
        qkv = F.linear(h, w[p + "attn.qkv.weight"], w[p + "attn.qkv.bias"]).reshape(1, -1, 3, H, hd)
        q, k, v = qkv.permute(2, 0, 3, 1, 4).unbind(0)
        probs = torch.softmax((q * hd ** -0.5) @ k.transpose(-2, -1), dim=-1)
        attentions.append(probs[0])
        ctx = (probs @ v).transpose(1, 2).reshape(1, -1, D)
        x = x + F.linear(ctx, w[p + "attn.proj.weight"], w[p + "attn.proj.bias"])
        h = F.layer_norm(x, (D,), w[p + "norm2.weight"], w[p + "norm2.bias"], eps)
        h = F.gelu(F.linear(h, w[p + "mlp.fc1.weight"], w[p + "mlp.fc1.bias"]))
        x = x + F.linear(h, w[p + "mlp.fc2.weight"], w[p + "mlp.fc2.bias"])
    features = F.layer_norm(x, (D,), w["norm.weight"], w["norm.bias"], eps)
    logits = F.linear(features[:, 0], w["head.weight"], w["head.bias"])
    return torch.stack(attentions), logits[0], features[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir")
    parser.add_argument("pixels")
    parser.add_argument("out_dir")
    parser.add_argument("--check", help="fixture folder whose attentions/logits must match")
    args = parser.parse_args()
    cfg = json.load(open(os.path.join(args.model_dir, "config.json")))
    w = read_safetensors(os.path.join(args.model_dir, "model.safetensors"))
    pixels = torch.from_numpy(np.load(args.pixels).astype(np.float32))
    forward = timm_vit if "architecture" in cfg else hf_vit
    with torch.no_grad():
        attentions, logits, features = forward(w, cfg, pixels)
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

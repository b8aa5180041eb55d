#!/usr/bin/python3
"""Reference outputs for tests/tst_research.cpp, computed by numpy and torch from the tensors the
reference libraries wrote (tests/data/hf_vit_cls, tests/data/timm_vit_tiny), not by ViTScope.

- PCA (DINOv2's feature PCA): timm's features after the final norm (features_normed.npy), patch
  tokens only, centred, numpy.linalg.svd; the three leading components (Vt rows), their scores
  (U * S) and variances (S^2 / (N - 1)). Signs are SVD's own: the test compares up to sign.
- DINO attention masks: the code of facebookresearch/dino visualize_attention.py, verbatim in
  torch, on the last layer of each fixture's attentions.npy, threshold 0.6.

Usage: /usr/bin/python3 tools/make_research_reference.py [--data tests/data]
Deterministic; the committed files under tests/data/research are exactly what this writes.
"""
import argparse
import os

import numpy as np
import torch


def pca_reference(data, out):
    features = np.load(os.path.join(data, "timm_vit_tiny", "features_normed.npy"))  # (T, D)
    patches = features[1:].astype(np.float64)  # class token first, then patches
    centred = patches - patches.mean(axis=0)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    np.save(os.path.join(out, "pca_timm_vit_tiny_components.npy"), vt[:3].astype(np.float32))
    np.save(os.path.join(out, "pca_timm_vit_tiny_scores.npy"), (u[:, :3] * s[:3]).astype(np.float32))
    np.save(os.path.join(out, "pca_timm_vit_tiny_variance.npy"),
            (s[:3] ** 2 / (patches.shape[0] - 1)).astype(np.float32))


def dino_masks(data, out, name, threshold=0.6):
    attentions = torch.from_numpy(np.load(os.path.join(data, name, "attentions.npy")))[-1:]  # (1, H, T, T)
    nh = attentions.shape[1]
    grid = int(round((attentions.shape[-1] - 1) ** 0.5))
    # facebookresearch/dino visualize_attention.py, from here on
    attentions = attentions[0, :, 0, 1:].reshape(nh, -1)
    val, idx = torch.sort(attentions)
    val /= torch.sum(val, dim=1, keepdim=True)
    cumval = torch.cumsum(val, dim=1)
    th_attn = cumval > (1 - threshold)
    idx2 = torch.argsort(idx)
    for head in range(nh):
        th_attn[head] = th_attn[head][idx2[head]]
    th_attn = th_attn.reshape(nh, grid, grid).float()
    np.save(os.path.join(out, "dino_masks_%s.npy" % name), th_attn.numpy().astype(np.float32))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="tests/data")
    args = parser.parse_args()
    out = os.path.join(args.data, "research")
    os.makedirs(out, exist_ok=True)
    pca_reference(args.data, out)
    for name in ("hf_vit_cls", "timm_vit_tiny"):
        dino_masks(args.data, out, name)


if __name__ == "__main__":
    main()

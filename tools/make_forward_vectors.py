#!/usr/bin/python3
"""Golden vectors for tests/tst_forward.cpp that the reference fixtures do not cover
(run from the repository root with Debian's torch).

tests/data/interpolate/: torch.nn.functional.interpolate(mode="bicubic", align_corners=False)
  with and without antialias on a small (1, C, h, w) grid, up and down in each direction.
tests/data/nonsquare/: a 256x112 input (position grid 16x7 from the stored 14x14: taller and
  narrower) through tools/vit_reference.py for both fixtures.
"""
import os
import subprocess
import sys

import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(11)
os.makedirs("tests/data/interpolate", exist_ok=True)
grid = rng.standard_normal((1, 3, 6, 5)).astype(np.float32)
np.save("tests/data/interpolate/source.npy", grid)
for oh, ow in ((9, 4), (3, 8), (6, 5)):
    for antialias in (False, True):
        out = F.interpolate(torch.from_numpy(grid), size=(oh, ow), mode="bicubic", align_corners=False,
                            antialias=antialias)
        name = f"{'aa' if antialias else 'plain'}_{oh}x{ow}.npy"
        np.save(f"tests/data/interpolate/{name}", out.numpy())

os.makedirs("tests/data/nonsquare", exist_ok=True)
pixels = rng.uniform(-1.0, 1.0, size=(1, 3, 256, 112)).astype(np.float32)
np.save("tests/data/nonsquare/pixel_values.npy", pixels)
for fixture in ("hf_vit_cls", "timm_vit_tiny"):
    subprocess.run([sys.executable, "tools/vit_reference.py", f"tests/data/{fixture}/model",
                    "tests/data/nonsquare/pixel_values.npy", f"tests/data/nonsquare/{fixture}"], check=True)

#!/usr/bin/python3
"""Pillow resize test vectors for tests/tst_preprocess.cpp (run from the repository root).

Writes tests/data/resize/source.npy (23, 37, 3) uint8 noise and one
{bilinear,bicubic}_WxH.npy per case: what Pillow's Image.resize makes of it, the behaviour
model/preprocess.cpp must reproduce bit for bit (upscale, downscale with antialias, mixed).
"""
import numpy as np
from PIL import Image

rng = np.random.default_rng(7)
source = rng.integers(0, 256, size=(23, 37, 3), dtype=np.uint8)
np.save("tests/data/resize/source.npy", source)
image = Image.fromarray(source, "RGB")
for name, resample in (("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC)):
    for width, height in ((16, 9), (80, 51), (50, 11), (37, 23)):
        out = np.asarray(image.resize((width, height), resample))
        np.save(f"tests/data/resize/{name}_{width}x{height}.npy", out)

#!/usr/bin/python3
"""Pillow resize and timm eval-transform test vectors for tests/tst_preprocess.cpp (run from the
repository root).

Writes tests/data/resize/source.npy (23, 37, 3) uint8 noise and one
{bilinear,bicubic}_WxH.npy per case: what Pillow's Image.resize makes of it, the behaviour
model/preprocess.cpp must reproduce bit for bit (upscale, downscale with antialias, mixed).

Then timm's eval transform (timm.data.transforms_imagenet_eval, timm 1.0.29) for each
pretrained_cfg of CASES (written to tests/data/resize/timm_eval.json for the test), on source.npy
or portrait.npy (30, 20, 3): timm_<case>.npy, the (H, W, 3) uint8 picture handed to ToTensor, and
timm_<case>_pixels.npy, the (3, H, W) float32 tensor after Normalize. timm is not installed
here, so timm_eval below writes out the torchvision and Pillow calls timm's code makes; where
timm can be imported, the script also runs timm's own transforms and stops if they differ.
"""
import json
import math

import numpy as np
import torchvision.transforms.functional as TF
from PIL import Image
from torchvision.transforms import InterpolationMode

rng = np.random.default_rng(7)
source = rng.integers(0, 256, size=(23, 37, 3), dtype=np.uint8)
np.save("tests/data/resize/source.npy", source)
image = Image.fromarray(source, "RGB")
for name, resample in (("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC)):
    for width, height in ((16, 9), (80, 51), (50, 11), (37, 23)):
        out = np.asarray(image.resize((width, height), resample))
        np.save(f"tests/data/resize/{name}_{width}x{height}.npy", out)

portrait = np.random.default_rng(8).integers(0, 256, size=(30, 20, 3), dtype=np.uint8)
np.save("tests/data/resize/portrait.npy", portrait)

IMAGENET = {"mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}
INCEPTION = {"mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]}


def cfg(size, crop_pct, crop_mode, interpolation, norm):
    return {"input_size": [3, size[0], size[1]], "crop_pct": crop_pct, "crop_mode": crop_mode,
            "interpolation": interpolation, **norm}


# name: (source, pretrained_cfg, what the case checks)
CASES = {
    "center_square": ("portrait", cfg((14, 14), 0.9, "center", "bicubic", IMAGENET),
                      "square: Resize(15) of the short side, CenterCrop"),
    "center_wide": ("source", cfg((16, 24), 0.9, "center", "bicubic", INCEPTION),
                    "non-square: ResizeKeepRatio((17, 26)) covers it at 17x27, bilinear whatever the cfg says"),
    "center_wider": ("source", cfg((12, 30), 0.875, "center", "bicubic", IMAGENET),
                     "non-square, the width decides: 21x34"),
    "center_tall_tie": ("portrait", cfg((18, 14), 0.9, "center", "bilinear", IMAGENET),
                        "round(22.5) = 22 (half to even); crop left round(0.5) = 0"),
    "center_pad": ("source", cfg((21, 21), 1.2, "center", "bicubic", INCEPTION),
                   "crop_pct > 1: Resize(17) gives 17x27, CenterCrop pads 2 rows above and below with 0"),
    "border_square": ("source", cfg((24, 24), 1.0, "border", "bicubic", IMAGENET),
                      "ResizeKeepRatio(longest=1) fits 15x24, padded with round(255 * mean) = (124, 116, 104)"),
    "border_wide": ("portrait", cfg((16, 28), 0.95, "border", "bilinear", INCEPTION),
                    "fits 16x11 in (16, 29), padded 8 left and 9 right with 128"),
    "squash": ("source", cfg((20, 20), 0.9, "squash", "bicubic", INCEPTION),
               "Resize((22, 22)) regardless of aspect, CenterCrop(20)"),
    "squash_pad": ("source", cfg((20, 26), 1.1, "squash", "bilinear", IMAGENET),
                   "Resize((18, 23)), CenterCrop pads 1 left, 2 right, 1 above, 1 below"),
}

MODES = {"bilinear": InterpolationMode.BILINEAR, "bicubic": InterpolationMode.BICUBIC}


def resize_keep_ratio(img, size, longest, interpolation):
    # timm.data.transforms.ResizeKeepRatio at eval (random scale and aspect off)
    img_h, img_w = TF.get_dimensions(img)[1:]
    ratio_h = img_h / size[0]
    ratio_w = img_w / size[1]
    ratio = max(ratio_h, ratio_w) * longest + min(ratio_h, ratio_w) * (1. - longest)
    return TF.resize(img, [round(x / ratio) for x in (img_h, img_w)], interpolation)


def center_crop_or_pad(img, size, fill):
    # timm.data.transforms.center_crop_or_pad
    crop_height, crop_width = size
    _, image_height, image_width = TF.get_dimensions(img)
    if crop_width > image_width or crop_height > image_height:
        padding_ltrb = [
            (crop_width - image_width) // 2 if crop_width > image_width else 0,
            (crop_height - image_height) // 2 if crop_height > image_height else 0,
            (crop_width - image_width + 1) // 2 if crop_width > image_width else 0,
            (crop_height - image_height + 1) // 2 if crop_height > image_height else 0,
        ]
        img = TF.pad(img, padding_ltrb, fill=fill)
        _, image_height, image_width = TF.get_dimensions(img)
        if crop_width == image_width and crop_height == image_height:
            return img
    crop_top = int(round((image_height - crop_height) / 2.0))
    crop_left = int(round((image_width - crop_width) / 2.0))
    return TF.crop(img, crop_top, crop_left, crop_height, crop_width)


def timm_eval(img, c):
    """transforms_imagenet_eval(img_size=(h, w), crop_pct, crop_mode, interpolation, mean, std)
    as resolve_data_config + create_transform call it for a pretrained_cfg: the picture before
    ToTensor and the normalised tensor."""
    img_size = tuple(c["input_size"][1:])
    scale_size = tuple(math.floor(x / c["crop_pct"]) for x in img_size)
    mode = MODES[c["interpolation"]]
    if c["crop_mode"] == "squash":
        img = TF.center_crop(TF.resize(img, list(scale_size), mode), list(img_size))
    elif c["crop_mode"] == "border":
        img = resize_keep_ratio(img, scale_size, 1.0, mode)
        img = center_crop_or_pad(img, img_size, [round(255 * v) for v in c["mean"]])
    else:
        if scale_size[0] == scale_size[1]:
            img = TF.resize(img, scale_size[0], mode)
        else:
            # timm passes no interpolation here: ResizeKeepRatio's default, bilinear
            img = resize_keep_ratio(img, scale_size, 0.0, InterpolationMode.BILINEAR)
        img = TF.center_crop(img, list(img_size))
    return np.asarray(img), TF.normalize(TF.to_tensor(img), c["mean"], c["std"]).numpy()


def timm_own(img, c):
    """The same from timm's own transforms, where timm can be imported; else None."""
    try:
        from timm.data.transforms_factory import transforms_imagenet_eval
    except ImportError:
        return None
    steps = transforms_imagenet_eval(tuple(c["input_size"][1:]), crop_pct=c["crop_pct"], crop_mode=c["crop_mode"],
                                     interpolation=c["interpolation"], mean=c["mean"], std=c["std"]).transforms
    for step in steps[:-2]:  # resize and crop; then MaybeToTensor, Normalize
        img = step(img)
    picture = np.asarray(img)
    for step in steps[-2:]:
        img = step(img)
    return picture, img.numpy()


pictures = {"source": source, "portrait": portrait}
for case, (picture, c, _) in CASES.items():
    img = Image.fromarray(pictures[picture], "RGB")
    out, pixels = timm_eval(img, c)
    own = timm_own(img, c)
    if own is not None and not (np.array_equal(own[0], out) and np.array_equal(own[1], pixels)):
        raise SystemExit(f"{case}: timm's transforms_imagenet_eval differs from timm_eval")
    np.save(f"tests/data/resize/timm_{case}.npy", out)
    np.save(f"tests/data/resize/timm_{case}_pixels.npy", pixels.astype("<f4"))
    print(f"{case}: {pictures[picture].shape[:2]} -> {out.shape[:2]}" + ("" if own is None else ", timm agrees"))

with open("tests/data/resize/timm_eval.json", "w") as f:
    json.dump({case: {"source": picture, "pretrained_cfg": c, "checks": checks}
               for case, (picture, c, checks) in CASES.items()}, f, indent=1)
    f.write("\n")

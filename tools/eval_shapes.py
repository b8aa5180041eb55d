#!/usr/bin/python3
"""Evaluate a shapes classifier on pictures drawn by code written for the evaluation only.

This renderer shares no code with the training data (model/shapes.cpp, tools/train_shapes.py):
it draws the data set's specification with Pillow and numpy, in two sets of pictures:

  spec   the specification itself: polygons oversampled 4x, a regular five-pointed star, crosses
         whose arms are a third of the span, rings with inner radius 45-65 % of the outer,
         bounding boxes 48..112 px anywhere, every rotation, a gradient background with noise
         (sigma 0..12), the fill's Rec. 601 luma 60..70 from the background under the box.
  hand   hand-drawn variants: outlines wobbling by up to 6 % of the size, star inner radius
         30-50 % of the outer, cross arm width 25-42 % of the span, uneven fills (shading,
         blotches) and outline strokes of uneven width and colour.

Pictures go through vitscope-cli (`inspect --image PNG`, the path the app takes: its own
preprocessing and forward pass) or, with --torch, through tools/train_shapes.py's network.
Top-1 accuracy and rollout localisation (mean head fusion, discard 0, class-token row; the
peak patch centre must lie in the drawn shape's bounding box grown by half a patch) are printed
with the confusion matrices.

    /usr/bin/python3 tools/eval_shapes.py --cli build/bin/vitscope-cli --model resources/model --seed 5 --count 1000
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

CLASSES = ["circle", "square", "triangle", "star", "cross", "ring"]
SIZE = 224
OVERSAMPLE = 4
MIN_BOX, MAX_BOX = 48, 112


def luma(rgb):
    rgb = np.asarray(rgb, dtype=np.float64)
    return 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]


# --- outlines in unit coordinates (outer radius or half-span 1) ---------------------------------

def regular_star(inner):
    return [((inner if k % 2 else 1.0) * math.sin(k * math.pi / 5),
             -(inner if k % 2 else 1.0) * math.cos(k * math.pi / 5)) for k in range(10)]


def plus_sign(half_arm):
    a = half_arm
    return [(-a, -1), (a, -1), (a, -a), (1, -a), (1, a), (a, a), (a, 1), (-a, 1), (-a, a), (-1, a), (-1, -a), (-a, -a)]


def unit_outline(label, rng, hand):
    """Closed outline(s) of one shape; a ring is two circles (outer, hole)."""
    if label == "circle":
        return [circle_points(1.0)], None
    if label == "ring":
        inner = rng.uniform(0.45, 0.65)
        return [circle_points(1.0)], circle_points(inner)
    if label == "square":
        return [[(1, 1), (-1, 1), (-1, -1), (1, -1)]], None
    if label == "triangle":
        return [[(math.cos(a), math.sin(a)) for a in (-math.pi / 2, math.pi / 6, 5 * math.pi / 6)]], None
    if label == "star":
        # Regular pentagram: inner radius sin 18 / sin 126 = 0.382; hand-drawn 30..50 %.
        inner = rng.uniform(0.30, 0.50) if hand else math.sin(math.pi / 10) / math.sin(7 * math.pi / 10)
        return [regular_star(inner)], None
    # Cross: the arm is a third of the span (half-arm 1/3 of the half-span); hand-drawn 25..42 %.
    width = rng.uniform(0.25, 0.42) if hand else 1.0 / 3.0
    return [plus_sign(width)], None


def circle_points(r, n=96):
    return [(r * math.cos(2 * math.pi * k / n), r * math.sin(2 * math.pi * k / n)) for k in range(n)]


def densify(points, step):
    """Points every `step` units along the closed polyline (so a wobble bends edges, too)."""
    out = []
    for i, (x0, y0) in enumerate(points):
        x1, y1 = points[(i + 1) % len(points)]
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
        out += [(x0 + (x1 - x0) * t / n, y0 + (y1 - y0) * t / n) for t in range(n)]
    return out


def wobble(points, rng, amplitude):
    """Moves each point along a smooth random displacement field (a few low sine waves in x and
    y): a hand's tremor, up to `amplitude` units."""
    waves = [(rng.uniform(0.5, 2.5), rng.uniform(0.5, 2.5), rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi))
             for _ in range(3)]

    def field(x, y, k):
        return sum(math.sin(fx * x * math.pi + px + k) * math.cos(fy * y * math.pi + py)
                   for fx, fy, px, py in waves) / len(waves)

    a = amplitude * rng.uniform(0.4, 1.0)
    return [(x + a * field(x, y, 0.0), y + a * field(x, y, 1.7)) for x, y in points]


# --- one picture ---------------------------------------------------------------------------------

def background(rng):
    c0, c1 = rng.uniform(0, 256, 3), rng.uniform(0, 256, 3)
    angle = rng.uniform(0, 2 * math.pi)
    d = np.array([math.cos(angle), math.sin(angle)])
    ys, xs = np.mgrid[0:SIZE, 0:SIZE] + 0.5
    t = ((xs - SIZE / 2) * d[0] + (ys - SIZE / 2) * d[1]) / (SIZE * (abs(d[0]) + abs(d[1]))) + 0.5
    return c0[None, None, :] + (c1 - c0)[None, None, :] * t[..., None]


def place(outlines, hole, rng, rotate):
    """Rotates, scales (bounding box 48..112 px on its long side, at least 48 on the short one)
    and positions the outlines; returns them in pixels."""
    theta = rng.uniform(0, 2 * math.pi) if rotate else 0.0
    c, s = math.cos(theta), math.sin(theta)
    turned = [[(c * x - s * y, s * x + c * y) for x, y in pts] for pts in outlines]
    hole_turned = [(c * x - s * y, s * x + c * y) for x, y in hole] if hole else None
    xs = [p[0] for pts in turned for p in pts]
    ys = [p[1] for pts in turned for p in pts]
    ex, ey = max(xs) - min(xs), max(ys) - min(ys)
    scale = max(rng.uniform(MIN_BOX, MAX_BOX - 1) / max(ex, ey), MIN_BOX / min(ex, ey))
    scale = min(scale, (MAX_BOX - 1) / max(ex, ey))
    left = rng.uniform(0, SIZE - scale * ex) - scale * min(xs)
    top = rng.uniform(0, SIZE - scale * ey) - scale * min(ys)

    def to_pixels(pts):
        return [(left + scale * x, top + scale * y) for x, y in pts]

    return [to_pixels(p) for p in turned], (to_pixels(hole_turned) if hole_turned else None), scale


def coverage(outlines, hole):
    """Anti-aliased coverage in [0, 1]: drawn 4x larger, then box-filtered down."""
    big = Image.new("L", (SIZE * OVERSAMPLE, SIZE * OVERSAMPLE), 0)
    draw = ImageDraw.Draw(big)
    for pts in outlines:
        draw.polygon([(x * OVERSAMPLE, y * OVERSAMPLE) for x, y in pts], fill=255)
    if hole:
        draw.polygon([(x * OVERSAMPLE, y * OVERSAMPLE) for x, y in hole], fill=0)
    return np.asarray(big.resize((SIZE, SIZE), Image.BOX), dtype=np.float64) / 255.0


def stroke_mask(outlines, hole, rng):
    """An outline traced with a pen whose width drifts along the stroke: 1.5..5 px."""
    big = Image.new("L", (SIZE * OVERSAMPLE, SIZE * OVERSAMPLE), 0)
    draw = ImageDraw.Draw(big)
    w0, w1 = rng.uniform(1.5, 5.0, 2)
    for pts in outlines + ([hole] if hole else []):
        dense = densify(pts, 2.0)
        for i, (x0, y0) in enumerate(dense):
            x1, y1 = dense[(i + 1) % len(dense)]
            w = w0 + (w1 - w0) * (0.5 + 0.5 * math.sin(2 * math.pi * i / len(dense)))
            draw.line([(x0 * OVERSAMPLE, y0 * OVERSAMPLE), (x1 * OVERSAMPLE, y1 * OVERSAMPLE)], fill=255,
                      width=max(1, int(w * OVERSAMPLE)))
    return np.asarray(big.resize((SIZE, SIZE), Image.BOX), dtype=np.float64) / 255.0


def pick_fill(rng, lo, hi, need, slack):
    """A colour whose luma is `need`..`need + slack` beyond the background's range [lo, hi]."""
    for _ in range(200):
        colour = rng.uniform(0, 256, 3)
        target = (hi + rng.uniform(need, need + slack)) if rng.random() < 0.5 else (lo - rng.uniform(need, need + slack))
        if not 0 <= target <= 255:
            continue
        colour += target - luma(colour)  # a grey shift moves luma one for one
        if colour.min() >= 0 and colour.max() <= 255:
            return colour
    return None


def render(label, rng, hand):
    """One picture: (uint8 224x224x3, bounding box x, y, w, h) or None when no fill fits."""
    outlines, hole = unit_outline(label, rng, hand)
    if hand:
        wob = rng.uniform(0.0, 0.06) * 2  # the size is the span (2 units): up to 6 % of it
        outlines = [wobble(densify(p, 0.05), rng, wob) for p in outlines]
        hole = wobble(densify(hole, 0.05), rng, wob) if hole else None
    outlines, hole, _ = place(outlines, hole, rng, rotate=label not in ("circle", "ring") or hand)
    cover = coverage(outlines, hole)
    ys, xs = np.nonzero(cover > 0)
    box = (int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))
    bg = background(rng)
    under = luma(bg[box[1]:box[1] + box[3], box[0]:box[0] + box[2]])
    colour = pick_fill(rng, under.min(), under.max(), 60.0, 10.0)
    if colour is None:
        return None
    fill = np.broadcast_to(colour, bg.shape).copy()
    alpha = cover
    if hand:
        # Uneven fill: a shading ramp and soft blotches, as a marker or crayon leaves it.
        shade = rng.uniform(-1, 1, 2)
        ys_, xs_ = np.mgrid[0:SIZE, 0:SIZE] / SIZE - 0.5
        blot = np.asarray(Image.fromarray((rng.uniform(0, 255, (14, 14))).astype(np.uint8)).resize(
            (SIZE, SIZE), Image.BICUBIC), dtype=np.float64) / 255.0 - 0.5
        fill += (12 * (shade[0] * xs_ + shade[1] * ys_) + rng.uniform(0, 25) * blot)[..., None]
        if rng.random() < 0.3:  # a crayon that leaves gaps: fill coverage below one inside
            alpha = cover * np.clip(0.75 + blot * rng.uniform(0.2, 0.6), 0, 1)
        if rng.random() < 0.6:
            pen = pick_fill(rng, under.min(), under.max(), 60.0, 80.0)
            if pen is not None:
                s = stroke_mask(outlines, hole, rng)
                fill = fill * (1 - s[..., None]) + pen * s[..., None]
                alpha = np.maximum(alpha, s)
                ys, xs = np.nonzero(alpha > 0)
                box = (int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))
    image = bg * (1 - alpha[..., None]) + fill * alpha[..., None]
    image += rng.normal(0, rng.uniform(0, 12), image.shape)
    return np.clip(np.round(image), 0, 255).astype(np.uint8), box


def draw_set(seed, count, hand):
    """`count` pictures of stream `seed`, the classes in turn (balanced); each has its own
    generator keyed on (seed, index, hand), so any subset can be redrawn."""
    images, labels, boxes = [], [], []
    for i in range(count):
        k = i % len(CLASSES)
        rng = np.random.default_rng([seed, i, int(hand), 0x5E7A1])
        drawn = None
        while drawn is None:
            drawn = render(CLASSES[k], rng, hand)
        images.append(drawn[0])
        labels.append(k)
        boxes.append(drawn[1])
    return np.stack(images), np.array(labels), np.array(boxes)


# --- scoring -------------------------------------------------------------------------------------

def rollout(attentions):
    """(L, H, T, T) -> (T - 1,) class-token rollout over patches: mean over heads, plus the
    identity, rows renormalised, multiplied from the first layer up."""
    result = None
    for layer in attentions.astype(np.float64):
        a = layer.mean(axis=0) + np.eye(layer.shape[-1])
        a /= a.sum(axis=-1, keepdims=True)
        result = a if result is None else a @ result
    return result[0, 1:]


def localised(roll, box, grid):
    """Peak patch centre in picture pixels (a square picture fills the model input) inside the
    box grown by half a patch."""
    peak = int(np.argmax(roll))
    patch = SIZE / grid
    cx, cy = (peak % grid + 0.5) * patch, (peak // grid + 0.5) * patch
    x, y, w, h = box
    return x - patch / 2 <= cx <= x + w + patch / 2 and y - patch / 2 <= cy <= y + h + patch / 2


def run_cli(cli, model, images, threads):
    """(logits, attentions) per picture through `vitscope-cli inspect`."""
    with tempfile.TemporaryDirectory() as tmp:
        def one(i):
            png = os.path.join(tmp, f"{i}.png")
            Image.fromarray(images[i]).save(png)
            dump = os.path.join(tmp, f"d{i}")
            command = [cli, "inspect", "--image", png, "--dump", dump] + (["--model", model] if model else [])
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                           env=dict(os.environ, OMP_NUM_THREADS="1"))
            out = np.load(os.path.join(dump, "logits.npy")), np.load(os.path.join(dump, "attentions.npy"))
            for name in os.listdir(dump):
                os.remove(os.path.join(dump, name))
            os.rmdir(dump)
            os.remove(png)
            return out
        with ThreadPoolExecutor(threads) as pool:
            return list(pool.map(one, range(len(images))))


def run_torch(model_dir, images):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import torch
    from train_shapes import ViT, preprocess
    config = json.load(open(os.path.join(model_dir, "config.json")))
    net = ViT(config["image_size"], config["patch_size"], config["hidden_size"], config["num_hidden_layers"],
              config["num_attention_heads"], config["intermediate_size"], len(CLASSES), config["layer_norm_eps"])
    net.load_hf(os.path.join(model_dir, "model.safetensors"))
    net.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(images), 200):
            logits, maps = net(preprocess(images[i:i + 200], config["image_size"]), attentions=True)
            stacked = torch.stack(maps, dim=1).numpy()  # (B, L, H, T, T)
            out += [(logits[j].numpy(), stacked[j]) for j in range(len(logits))]
    return out


def score(outputs, labels, boxes):
    k = len(CLASSES)
    confusion = np.zeros((k, k), dtype=int)
    inside = 0
    for (logits, attentions), label, box in zip(outputs, labels, boxes):
        confusion[label, int(np.argmax(logits))] += 1
        grid = int(round(math.sqrt(attentions.shape[-1] - 1)))
        inside += localised(rollout(attentions), box, grid)
    return {"accuracy": float(np.trace(confusion) / len(labels)), "localisation": inside / len(labels),
            "confusion": confusion.tolist()}


def print_result(name, result, count):
    print(f"{name}: top-1 {100 * result['accuracy']:.2f} %, rollout localisation "
          f"{100 * result['localisation']:.2f} % ({count} pictures)")
    print(f"{'':>10}" + "".join(f"{c:>9}" for c in CLASSES))
    for c, row in zip(CLASSES, result["confusion"]):
        print(f"{c:>10}" + "".join(f"{v:>9}" for v in row))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cli", help="vitscope-cli: score through the app's own forward pass")
    p.add_argument("--torch", action="store_true", help="score with tools/train_shapes.py's network instead")
    p.add_argument("--model", help="checkpoint folder (default: the CLI's embedded model)")
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--count", type=int, default=1000, help="pictures per set")
    p.add_argument("--sets", default="spec,hand")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--json", help="also write the figures here")
    p.add_argument("--write", metavar="DIR", help="only save the first --count pictures of each set as PNG")
    p.add_argument("--min-accuracy", type=float, nargs=2, metavar=("SPEC", "HAND"),
                   help="exit 1 when top-1 on either set is below these")
    p.add_argument("--min-localisation", type=float, help="exit 1 when localisation on any set is below")
    args = p.parse_args()
    if not args.write and bool(args.cli) == args.torch:
        p.error("give exactly one of --cli or --torch")
    if args.torch and not args.model:
        p.error("--torch needs --model")

    results, failed = {}, False
    for name in args.sets.split(","):
        images, labels, boxes = draw_set(args.seed, args.count, hand=name == "hand")
        if args.write:
            os.makedirs(args.write, exist_ok=True)
            for i, image in enumerate(images):
                Image.fromarray(image).save(os.path.join(args.write, f"{name}_{i:04d}_{CLASSES[labels[i]]}.png"))
            continue
        outputs = run_torch(args.model, images) if args.torch else run_cli(args.cli, args.model, images, args.threads)
        results[name] = score(outputs, labels, boxes)
        print_result(name, results[name], args.count)
        if args.min_accuracy and results[name]["accuracy"] < args.min_accuracy[name == "hand"]:
            failed = True
        if args.min_localisation is not None and results[name]["localisation"] < args.min_localisation:
            failed = True
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"seed": args.seed, "count": args.count, "model": args.model, "classes": CLASSES,
                       "sets": results}, f, indent=2)
    if failed:
        print("below the floor", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Training data for the shapes model beyond the C++ generator (used by tools/train_shapes.py).

A second rendering path for the same six classes (Pillow + numpy, written apart from both
model/shapes.cpp and the evaluation's tools/eval_shapes.py) that covers what the classes mean
rather than one renderer: the specification's whole range (contrast from just under 60 luma,
boxes from 44 to 116 px, every rotation and position, plain or gradient backgrounds), hand-drawn
variants (outlines wobbling by up to 6 % of the size, star inner radius 30-50 %, cross arm
25-42 % of the span, ring hole 40-70 %, uneven strokes and fills), and picture damage (blur,
JPEG, noise) that is applied to the C++ generator's pictures too.

Every picture has its own generator keyed on (seed, index), so a set is the same whatever the
number of worker processes.
"""
import io
import math
from multiprocessing import Pool

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

S = 224
CLASSES = ["circle", "square", "triangle", "star", "cross", "ring"]


def _luma(c):
    return 0.299 * c[..., 0] + 0.587 * c[..., 1] + 0.114 * c[..., 2]


def _polygon(label, rng, hand):
    """Vertices around the origin, radius (or half-span) about 1; rings and circles as many-gons."""
    if label in ("circle", "ring"):
        a = np.linspace(0, 2 * np.pi, 120, endpoint=False)
        return np.stack([np.cos(a), np.sin(a)], 1)
    if label == "square":
        return np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], float)
    if label == "triangle":
        a = np.array([0, 2, 4]) * np.pi / 3 + np.pi / 2
        if hand:  # a hand's triangle is rarely equilateral
            a = a + rng.uniform(-0.15, 0.15, 3)
        return np.stack([np.cos(a), np.sin(a)], 1)
    if label == "star":
        regular = math.sin(math.pi / 10) / math.sin(7 * math.pi / 10)
        inner = rng.uniform(0.30, 0.50) if hand or rng.random() < 0.3 else regular
        a = np.arange(10) * np.pi / 5 + np.pi / 2
        r = np.where(np.arange(10) % 2 == 0, 1.0, inner)
        return np.stack([r * np.cos(a), r * np.sin(a)], 1)
    w = rng.uniform(0.25, 0.42) if hand or rng.random() < 0.3 else 1 / 3
    # Plus sign: twelve corners, half arm width w of the half-span 1.
    q = [(w, 1), (w, w), (1, w), (1, -w), (w, -w), (w, -1)]
    return np.array(q + [(-x, -y) for x, y in q], float)


def _resample(points, n=160):
    """n points evenly along the closed outline, so a wobble bends straight edges too."""
    closed = np.vstack([points, points[:1]])
    seg = np.hypot(*np.diff(closed, axis=0).T)
    t = np.concatenate([[0], np.cumsum(seg)])
    u = np.linspace(0, t[-1], n, endpoint=False)
    return np.stack([np.interp(u, t, closed[:, 0]), np.interp(u, t, closed[:, 1])], 1)


def _tremble(points, rng, amount):
    """Radial wobble from a few random low harmonics of the position along the outline."""
    n = len(points)
    s = np.arange(n) / n * 2 * np.pi
    d = sum(rng.normal() * np.sin(k * s + rng.uniform(0, 2 * np.pi)) / k for k in range(1, 6))
    d = d / (np.abs(d).max() + 1e-9) * amount
    centre = points.mean(0)
    v = points - centre
    return points + v / (np.hypot(*v.T)[:, None] + 1e-9) * d[:, None]


def _rasterise(outer, hole, box_px):
    """Coverage (float 0..1, 224 x 224) of outer minus hole: drawn at 4x on the box only."""
    x0, y0 = int(math.floor(box_px[0])) - 2, int(math.floor(box_px[1])) - 2
    w = int(math.ceil(box_px[2])) + 5
    h = int(math.ceil(box_px[3])) + 5
    big = Image.new("L", (4 * w, 4 * h))
    d = ImageDraw.Draw(big)
    d.polygon([tuple(p) for p in (outer - [x0, y0]) * 4], fill=255)
    if hole is not None:
        d.polygon([tuple(p) for p in (hole - [x0, y0]) * 4], fill=0)
    small = np.asarray(big.resize((w, h), Image.BOX), np.float32) / 255
    out = np.zeros((S, S), np.float32)
    xs, ys = slice(max(x0, 0), min(x0 + w, S)), slice(max(y0, 0), min(y0 + h, S))
    out[ys, xs] = small[ys.start - y0:ys.stop - y0, xs.start - x0:xs.stop - x0]
    return out


def _background(rng):
    if rng.random() < 0.25:  # a plain sheet, as on the Draw tab
        c = rng.uniform(0, 256, 3)
        return np.broadcast_to(c, (S, S, 3)).astype(np.float32)
    c0, c1 = rng.uniform(0, 256, 3), rng.uniform(0, 256, 3)
    a = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:S, 0:S].astype(np.float32) + 0.5
    t = 0.5 + ((xx - S / 2) * math.cos(a) + (yy - S / 2) * math.sin(a)) / (S * (abs(math.cos(a)) + abs(math.sin(a))))
    return (c0 + (c1 - c0) * t[..., None]).astype(np.float32)


def _colour(rng, lo, hi, contrast):
    """A colour `contrast` luma above the background's max or below its min (None if neither fits)."""
    for _ in range(40):
        c = rng.uniform(0, 256, 3)
        target = hi + contrast if rng.random() < 0.5 else lo - contrast
        c = c + (target - _luma(c))
        if 0 <= target <= 255 and c.min() >= 0 and c.max() <= 255:
            return c.astype(np.float32)
    return None


def _low_noise(rng, cells):
    g = rng.uniform(0, 1, (cells, cells)).astype(np.float32)
    return np.asarray(Image.fromarray(g, "F").resize((S, S), Image.BICUBIC), np.float32) - 0.5


def draw_one(seed, index):
    """(uint8 224x224x3, label, box x y w h) for picture `index` of stream `seed`."""
    rng = np.random.default_rng([seed, index, 0xA1])
    label = int(rng.integers(6))
    name = CLASSES[label]
    hand = rng.random() < 0.6
    while True:
        pts = _polygon(name, rng, hand)
        hole_ratio = rng.uniform(0.40, 0.70) if hand else rng.uniform(0.45, 0.65)
        if hand:
            pts = _tremble(_resample(pts), rng, rng.uniform(0, 0.06) * 2)
        theta = rng.uniform(0, 2 * np.pi)
        rot = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])
        pts = pts @ rot.T
        if hand and rng.random() < 0.3:  # a little squashed
            pts = pts * [1, rng.uniform(0.85, 1.0)]
        lo_xy, hi_xy = pts.min(0), pts.max(0)
        span = hi_xy - lo_xy
        side = rng.uniform(44, 116)
        scale = side / span.max()
        if span.min() * scale < 40:
            scale = 40 / span.min()
        size = span * scale
        origin = np.array([rng.uniform(0, S - size[0]), rng.uniform(0, S - size[1])])
        outer = (pts - lo_xy) * scale + origin
        hole = None
        if name == "ring":
            centre = outer.mean(0)
            hole = centre + (outer - centre) * hole_ratio
            if hand:
                hole = hole + rng.normal(0, 0.03 * size.max(), 2)
        box = np.array([origin[0], origin[1], size[0], size[1]])
        bg = _background(rng)
        bx = [int(box[0]), int(box[1]), int(math.ceil(box[0] + box[2])), int(math.ceil(box[1] + box[3]))]
        under = _luma(bg[bx[1]:bx[3], bx[0]:bx[2]])
        contrast = rng.uniform(55, 70) if rng.random() < 0.5 else rng.uniform(55, 160)
        fill = _colour(rng, under.min(), under.max(), contrast)
        if fill is not None:
            break
    cover = _rasterise(outer, hole, box)
    colour = np.broadcast_to(fill, (S, S, 3)).astype(np.float32)
    if hand:
        colour = colour + (rng.uniform(0, 30) * _low_noise(rng, int(rng.integers(4, 20))))[..., None]
        if rng.random() < 0.3:  # a crayon's gaps
            cover = cover * np.clip(1 + rng.uniform(0.3, 1.0) * _low_noise(rng, 24), 0, 1)
        if rng.random() < 0.5:  # a pen line around it, of drifting width
            pen = _colour(rng, under.min(), under.max(), rng.uniform(40, 140))
            if pen is not None:
                line = Image.new("L", (S * 2, S * 2))
                d = ImageDraw.Draw(line)
                ring = [outer] + ([hole] if hole is not None else [])
                for poly in ring:
                    width = int(rng.uniform(2, 10))
                    d.line([tuple(p) for p in np.vstack([poly, poly[:1]]) * 2], fill=255, width=width, joint="curve")
                stroke = np.asarray(line.resize((S, S), Image.BOX), np.float32) / 255
                colour = colour * (1 - stroke[..., None]) + pen * stroke[..., None]
                cover = np.maximum(cover, stroke)
    image = bg * (1 - cover[..., None]) + colour * cover[..., None]
    ys, xs = np.nonzero(cover > 0.02)
    box = [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)]
    image = image + rng.normal(0, rng.uniform(0, 12), image.shape).astype(np.float32)
    return np.clip(np.round(image), 0, 255).astype(np.uint8), label, box


def damage(image, rng):
    """Blur, JPEG artefacts and extra noise, each sometimes: pictures from cameras and screens."""
    picture = Image.fromarray(image)
    if rng.random() < 0.35:
        picture = picture.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.8)))
    if rng.random() < 0.35:
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=int(rng.integers(15, 90)))
        picture = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    out = np.asarray(picture, np.float32)
    if rng.random() < 0.3:
        out = out + rng.normal(0, rng.uniform(2, 16), out.shape)
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


def _drawn(job):
    seed, index = job
    image, label, box = draw_one(seed, index)
    return damage(image, np.random.default_rng([seed, index, 0xDA])), label, box


def _damaged(job):
    seed, index, image = job
    return damage(image, np.random.default_rng([seed, index, 0xDB]))


def draw_set(seed, start, count, workers):
    """Pictures [start, start + count) of the Pillow stream `seed`, damaged: (N,224,224,3), (N,), (N,4)."""
    with Pool(workers) as pool:
        out = pool.map(_drawn, [(seed, i) for i in range(start, start + count)], chunksize=32)
    return (np.stack([o[0] for o in out]), np.array([o[1] for o in out], np.int64),
            np.array([o[2] for o in out], np.int64))


def damage_set(images, seed, start, fraction, workers):
    """The C++ generator's pictures, a `fraction` of them damaged (which ones: seeded)."""
    chosen = [i for i in range(len(images)) if np.random.default_rng([seed, start + i, 0xDC]).random() < fraction]
    with Pool(workers) as pool:
        out = pool.map(_damaged, [(seed, start + i, images[i]) for i in chosen], chunksize=32)
    images = images.copy()
    for i, damaged in zip(chosen, out):
        images[i] = damaged
    return images

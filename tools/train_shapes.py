#!/usr/bin/python3
"""Train ViTScope's embedded default model: a small ViT classifier on the synthetic "shapes" set.

The images come from the C++ generator (model/shapes.cpp) through `vitscope-cli shapes`, so the
training data and the C++ tests draw from the same definition. With --pillow-count (and --damage)
it mixes in a second rendering path with hand-drawn variants, blur, JPEG and noise
(tools/shapes_augment.py), so the model learns the shapes rather than one renderer. The network is exactly Hugging
Face's ViTForImageClassification (pre-norm blocks, class token, learned position embeddings,
final LayerNorm, linear head on the class token) and is saved under its tensor names as
config.json + model.safetensors + preprocessor_config.json. Training adds a per-patch head (see
main) that is not saved.

    /usr/bin/python3 tools/train_shapes.py --cli build/bin/vitscope-cli --out resources/model
    /usr/bin/python3 tools/train_shapes.py --cli build/bin/vitscope-cli --write-samples resources/samples

Runs on CPU with torch 1.13; everything is seeded (data seed, torch seed).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import shapes_augment
from make_fixtures import read_safetensors, write_safetensors

CLASSES = ["circle", "square", "triangle", "star", "cross", "ring"]
MEAN = [0.5, 0.5, 0.5]
STD = [0.5, 0.5, 0.5]


# --- the network: Hugging Face ViTForImageClassification, same structure and names ---------

class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(dim, dim)
        self.key = nn.Linear(dim, dim)
        self.value = nn.Linear(dim, dim)
        self.dense = nn.Linear(dim, dim)  # HF: attention.output.dense

    def forward(self, x):
        B, T, D = x.shape
        hd = D // self.heads
        q = self.query(x).view(B, T, self.heads, hd).transpose(1, 2)  # (B, H, T, hd)
        k = self.key(x).view(B, T, self.heads, hd).transpose(1, 2)
        v = self.value(x).view(B, T, self.heads, hd).transpose(1, 2)
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd), dim=-1)  # (B, H, T, T)
        y = (att @ v).transpose(1, 2).reshape(B, T, D)
        return self.dense(y), att


class Block(nn.Module):
    def __init__(self, dim, heads, mlp, eps):
        super().__init__()
        self.layernorm_before = nn.LayerNorm(dim, eps=eps)
        self.attention = Attention(dim, heads)
        self.layernorm_after = nn.LayerNorm(dim, eps=eps)
        self.intermediate = nn.Linear(dim, mlp)
        self.output = nn.Linear(mlp, dim)

    def forward(self, x):
        a, att = self.attention(self.layernorm_before(x))
        x = x + a
        x = x + self.output(F.gelu(self.intermediate(self.layernorm_after(x))))  # erf GELU
        return x, att


class ViT(nn.Module):
    def __init__(self, image, patch, dim, layers, heads, mlp, classes, eps):
        super().__init__()
        self.grid = image // patch
        self.projection = nn.Conv2d(3, dim, patch, patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.position_embeddings = nn.Parameter(torch.zeros(1, self.grid * self.grid + 1, dim))
        self.blocks = nn.ModuleList(Block(dim, heads, mlp, eps) for _ in range(layers))
        self.layernorm = nn.LayerNorm(dim, eps=eps)
        self.classifier = nn.Linear(dim, classes)
        # HF ViTPreTrainedModel._init_weights: truncated normal 0.02, zero biases.
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Conv2d)):
                nn.init.trunc_normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)
        nn.init.trunc_normal_(self.cls_token, std=0.02)
        nn.init.trunc_normal_(self.position_embeddings, std=0.02)

    def forward(self, pixels, attentions=False, patches=False):
        x = self.projection(pixels).flatten(2).transpose(1, 2)  # (B, gh*gw, D)
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], dim=1) + self.position_embeddings
        maps = []
        for block in self.blocks:
            x, att = block(x)
            maps.append(att)
        x = self.layernorm(x)
        logits = self.classifier(x[:, 0])
        if patches:
            return logits, x[:, 1:]
        return (logits, maps) if attentions else logits

    def hf_parameters(self):
        """The parameters under transformers' ViTForImageClassification names."""
        out = {
            "vit.embeddings.cls_token": self.cls_token,
            "vit.embeddings.position_embeddings": self.position_embeddings,
            "vit.embeddings.patch_embeddings.projection.weight": self.projection.weight,
            "vit.embeddings.patch_embeddings.projection.bias": self.projection.bias,
        }
        for i, b in enumerate(self.blocks):
            p = f"vit.encoder.layer.{i}."
            pairs = {
                "layernorm_before": b.layernorm_before, "layernorm_after": b.layernorm_after,
                "attention.attention.query": b.attention.query, "attention.attention.key": b.attention.key,
                "attention.attention.value": b.attention.value, "attention.output.dense": b.attention.dense,
                "intermediate.dense": b.intermediate, "output.dense": b.output,
            }
            for name, module in pairs.items():
                out[p + name + ".weight"] = module.weight
                out[p + name + ".bias"] = module.bias
        out["vit.layernorm.weight"] = self.layernorm.weight
        out["vit.layernorm.bias"] = self.layernorm.bias
        out["classifier.weight"] = self.classifier.weight
        out["classifier.bias"] = self.classifier.bias
        return out

    def hf_state(self):
        return {k: v.detach().float().contiguous().cpu() for k, v in self.hf_parameters().items()}

    @torch.no_grad()
    def load_hf(self, path):
        """Loads a model.safetensors this script exported (the names of hf_parameters)."""
        tensors = read_safetensors(path)
        parameters = self.hf_parameters()
        if set(tensors) != set(parameters):
            raise SystemExit(f"{path}: tensors {sorted(set(tensors) ^ set(parameters))} do not match this network")
        for name, tensor in tensors.items():
            parameters[name].copy_(tensor.float())


# --- data ------------------------------------------------------------------------------------

def draw(cli, seed, start, count):
    """Samples [start, start + count) of the stream `seed`, via the C++ generator."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([cli, "shapes", "--seed", str(seed), "--start", str(start),
                        "--count", str(count), "--out", tmp], check=True, stdout=subprocess.DEVNULL)
        return (np.load(os.path.join(tmp, "images.npy")), np.load(os.path.join(tmp, "labels.npy")),
                np.load(os.path.join(tmp, "boxes.npy")))


def preprocess(images, size):
    """uint8 (N, 224, 224, 3) -> normalised float (N, 3, size, size), as ViTImageProcessor does:
    Pillow-style antialiased bilinear resize, rescale by 1/255, normalise."""
    x = torch.from_numpy(images).permute(0, 3, 1, 2).float()
    x = F.interpolate(x, size=(size, size), mode="bilinear", antialias=True, align_corners=False)
    x = x / 255.0
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    return (x - mean) / std


def load_set(cli, seed, count, size, damage=0.0, workers=2, chunk=2000):
    """`count` pictures of the C++ stream `seed`, a `damage` fraction blurred, JPEG'd or noised."""
    xs, ys, bs = [], [], []
    for start in range(0, count, chunk):
        images, labels, boxes = draw(cli, seed, start, min(chunk, count - start))
        if damage > 0:
            images = shapes_augment.damage_set(images, seed, start, damage, workers)
        xs.append(preprocess(images, size).half())
        ys.append(torch.from_numpy(labels))
        bs.append(torch.from_numpy(boxes.astype(np.int64)))
    return torch.cat(xs), torch.cat(ys), torch.cat(bs)


def load_pillow_set(seed, count, size, workers, chunk=2000):
    """`count` pictures of the second rendering path (tools/shapes_augment.py), stream `seed`."""
    xs, ys, bs = [], [], []
    for start in range(0, count, chunk):
        images, labels, boxes = shapes_augment.draw_set(seed, start, min(chunk, count - start), workers)
        xs.append(preprocess(images, size).half())
        ys.append(torch.from_numpy(labels))
        bs.append(torch.from_numpy(boxes))
    return torch.cat(xs), torch.cat(ys), torch.cat(bs)


# --- rollout localisation, as model/explain.h defines it (mean fusion, discard 0) ------------

def rollout(maps):
    """maps: L x (B, H, T, T) -> (B, T-1) class-token rollout over patches."""
    result = None
    for att in maps:
        a = att.mean(dim=1)  # (B, T, T)
        a = a + torch.eye(a.shape[-1])
        a = a / a.sum(dim=-1, keepdim=True)
        result = a if result is None else a @ result
    return result[:, 0, 1:]


def patch_targets(labels, boxes, grid):
    """(B, grid*grid) targets of the training-only patch head: 1 + the image's class for patches
    whose centre lies inside the shape's bounding box, 0 (background) elsewhere."""
    centres = (torch.arange(grid, dtype=torch.float32) + 0.5) * (224.0 / grid)
    cy, cx = torch.meshgrid(centres, centres, indexing="ij")
    cx, cy = cx.reshape(1, -1), cy.reshape(1, -1)
    x, y, w, h = (boxes[:, i:i + 1].float() for i in range(4))
    inside = (cx >= x) & (cx <= x + w) & (cy >= y) & (cy <= y + h)
    return torch.where(inside, labels[:, None] + 1, torch.zeros_like(labels[:, None]))


def localised(roll, boxes, grid, size):
    """Whether each rollout's peak patch centre, mapped to the 224 image, lies inside the box
    expanded by half a patch (in 224 pixels)."""
    peak = roll.argmax(dim=1)
    row, col = peak // grid, peak % grid
    scale = 224.0 / size
    patch = scale * size / grid  # a patch's side in 224-image pixels
    cx = (col.float() + 0.5) * patch
    cy = (row.float() + 0.5) * patch
    x, y, w, h = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    half = patch / 2
    return (cx >= x - half) & (cx <= x + w + half) & (cy >= y - half) & (cy <= y + h + half)


@torch.no_grad()
def evaluate(model, xs, ys, bs, grid, size, batch=250):
    model.eval()
    correct = inside = 0
    for i in range(0, len(xs), batch):
        logits, maps = model(xs[i:i + batch].float(), attentions=True)
        correct += (logits.argmax(1) == ys[i:i + batch]).sum().item()
        inside += localised(rollout(maps), bs[i:i + batch], grid, size).sum().item()
    model.train()
    return correct / len(xs), inside / len(xs)


# --- export ----------------------------------------------------------------------------------

def export(model, args, out, extra):
    os.makedirs(out, exist_ok=True)
    write_safetensors(os.path.join(out, "model.safetensors"), model.hf_state(), {"format": "pt"})
    config = {
        "architectures": ["ViTForImageClassification"],
        "model_type": "vit",
        "hidden_size": args.hidden,
        "num_hidden_layers": args.layers,
        "num_attention_heads": args.heads,
        "intermediate_size": args.mlp,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.0,
        "attention_probs_dropout_prob": 0.0,
        "initializer_range": 0.02,
        "layer_norm_eps": args.eps,
        "image_size": args.size,
        "patch_size": args.patch,
        "num_channels": 3,
        "qkv_bias": True,
        "encoder_stride": args.patch,
        "id2label": {str(i): c for i, c in enumerate(CLASSES)},
        "label2id": {c: i for i, c in enumerate(CLASSES)},
        "problem_type": "single_label_classification",
        "torch_dtype": "float32",
        "vitscope_training": extra,
    }
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    processor = {
        "image_processor_type": "ViTImageProcessor",
        "do_resize": True,
        "size": {"height": args.size, "width": args.size},
        "resample": 2,  # PIL.Image.BILINEAR
        "do_rescale": True,
        "rescale_factor": 1 / 255,
        "do_normalize": True,
        "image_mean": MEAN,
        "image_std": STD,
    }
    with open(os.path.join(out, "preprocessor_config.json"), "w") as f:
        json.dump(processor, f, indent=2)
        f.write("\n")


def write_samples(cli, folder, seed=100, count=200, min_box=80):
    """resources/samples/shapes_<class>.png: per class, the first sample of stream `seed` whose
    bounding box is at least `min_box` pixels on both sides (big enough to look at)."""
    from PIL import Image
    images, labels, boxes = draw(cli, seed, 0, count)
    for k, name in enumerate(CLASSES):
        index = next(i for i in range(count) if labels[i] == k and min(boxes[i][2:]) >= min_box)
        Image.fromarray(images[index]).save(os.path.join(folder, f"shapes_{name}.png"), optimize=True)
        print(f"shapes_{name}.png: seed {seed}, index {index}, box {boxes[index].tolist()}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cli", required=True, help="path to vitscope-cli")
    p.add_argument("--out", help="checkpoint folder to write")
    p.add_argument("--train-seed", type=int, default=11, help="data seed of the training stream")
    p.add_argument("--val-seed", type=int, default=12, help="data seed of the validation stream")
    p.add_argument("--train-count", type=int, default=20000)
    p.add_argument("--val-count", type=int, default=500)
    p.add_argument("--damage", type=float, default=0.0,
                   help="fraction of the C++ generator's training pictures blurred, JPEG'd or noised")
    p.add_argument("--pillow-seed", type=int, default=21, help="seed of the second rendering path's training stream")
    p.add_argument("--pillow-val-seed", type=int, default=22)
    p.add_argument("--pillow-count", type=int, default=0,
                   help="training pictures from the second rendering path (tools/shapes_augment.py)")
    p.add_argument("--pillow-val-count", type=int, default=500)
    p.add_argument("--workers", type=int, default=2, help="processes drawing the second path's pictures")
    p.add_argument("--steps", type=int, default=1800)
    p.add_argument("--batch", type=int, default=48)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--weight-decay", type=float, default=0.05)
    p.add_argument("--warmup", type=int, default=100, help="warm-up steps")
    p.add_argument("--resume", metavar="STATE", help="start from a --state file of an earlier run")
    p.add_argument("--init-from", metavar="DIR",
                   help="start the network from an exported checkpoint folder (e.g. resources/model); "
                        "the training-only patch head starts afresh")
    p.add_argument("--state", metavar="STATE", help="also save the network and patch head here (for --resume)")
    p.add_argument("--patch-loss", type=float, default=1.0,
                   help="weight of the training-only per-patch loss (0: plain classifier)")
    p.add_argument("--size", type=int, default=96, help="model input side")
    p.add_argument("--patch", type=int, default=8)
    p.add_argument("--hidden", type=int, default=96)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--mlp", type=int, default=192)
    p.add_argument("--eps", type=float, default=1e-12)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--torch-seed", type=int, default=0)
    p.add_argument("--write-samples", metavar="DIR", help="only write the six sample PNGs to DIR")
    args = p.parse_args()
    if args.write_samples:
        return write_samples(args.cli, args.write_samples)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.torch_seed)
    grid = args.size // args.patch

    t0 = time.time()
    xt, yt, bt = load_set(args.cli, args.train_seed, args.train_count, args.size, args.damage, args.workers)
    xv, yv, bv = load_set(args.cli, args.val_seed, args.val_count, args.size)
    second = None
    if args.pillow_count > 0:
        xp, yp, bp = load_pillow_set(args.pillow_seed, args.pillow_count, args.size, args.workers)
        xt, yt, bt = torch.cat([xt, xp]), torch.cat([yt, yp]), torch.cat([bt, bp])
        second = load_pillow_set(args.pillow_val_seed, args.pillow_val_count, args.size, args.workers)
    print(f"data: {len(xt)} train, {len(xv)} val in {time.time() - t0:.0f} s", flush=True)

    model = ViT(args.size, args.patch, args.hidden, args.layers, args.heads, args.mlp, len(CLASSES), args.eps)
    # A from-scratch ViT on this set sits at chance for thousands of steps when trained on the
    # image label alone (nothing tells it where to look, and colours are random). A linear head
    # on every final patch token, trained to say "background" or the shape's class from the
    # bounding box, gives each patch a gradient from the first step (token labelling, Jiang et
    # al. 2021). It is dropped at export: the saved network is a plain ViTForImageClassification.
    patch_head = nn.Linear(args.hidden, 1 + len(CLASSES))
    if args.resume:
        state = torch.load(args.resume)
        model.load_state_dict(state["model"])
        patch_head.load_state_dict(state["patch_head"])
    elif args.init_from:
        model.load_hf(os.path.join(args.init_from, "model.safetensors"))
    params = sum(p.numel() for p in model.parameters())
    print(f"model: {params} parameters, grid {grid}x{grid}", flush=True)
    trained = list(model.named_parameters()) + [("patch_head." + n, p) for n, p in patch_head.named_parameters()]
    # Weight decay on matrices only: not on biases, norms, the class token or position embeddings.
    decayed = {n for n, p in trained if p.ndim >= 2} - {"cls_token", "position_embeddings"}
    optimiser = torch.optim.AdamW([{"params": [p for n, p in trained if n in decayed], "weight_decay": args.weight_decay},
                                   {"params": [p for n, p in trained if n not in decayed], "weight_decay": 0.0}],
                                  lr=args.lr)

    def lr_at(step):
        if step < args.warmup:
            return args.lr * (step + 1) / args.warmup
        return args.lr * 0.5 * (1 + math.cos(math.pi * (step - args.warmup) / max(1, args.steps - args.warmup)))

    generator = torch.Generator().manual_seed(args.torch_seed)
    running, t0 = None, time.time()
    for step in range(args.steps):
        index = torch.randint(0, len(xt), (args.batch,), generator=generator)
        for group in optimiser.param_groups:
            group["lr"] = lr_at(step)
        logits, tokens = model(xt[index].float(), patches=True)
        class_loss = F.cross_entropy(logits, yt[index])
        patch_loss = F.cross_entropy(patch_head(tokens).reshape(-1, 1 + len(CLASSES)),
                                     patch_targets(yt[index], bt[index], grid).reshape(-1))
        optimiser.zero_grad(set_to_none=True)
        (class_loss + args.patch_loss * patch_loss).backward()
        optimiser.step()
        running = class_loss.item() if running is None else 0.95 * running + 0.05 * class_loss.item()
        if (step + 1) % 50 == 0:
            print(f"step {step + 1}/{args.steps} class loss {running:.4f} patch loss {patch_loss.item():.4f} "
                  f"{(step + 1) * args.batch / (time.time() - t0):.0f} img/s", flush=True)
        if (step + 1) % 250 == 0 or step + 1 == args.steps:
            accuracy, localisation = evaluate(model, xv, yv, bv, grid, args.size)
            minutes = (time.time() - t0) / 60
            print(f"step {step + 1}: val accuracy {accuracy:.4f} localisation {localisation:.4f} "
                  f"({minutes:.1f} min)", flush=True)
            if second:
                accuracy2, localisation2 = evaluate(model, *second, grid, args.size)
                print(f"step {step + 1}: second path val accuracy {accuracy2:.4f} localisation {localisation2:.4f}",
                      flush=True)
            # Written at every evaluation, so a long run always leaves a usable checkpoint behind.
            extra = {"resumed_from": args.resume and os.path.basename(args.resume), "initialised_from": args.init_from, "train_seed": args.train_seed, "train_count": args.train_count,
                     "damage": args.damage, "pillow_seed": args.pillow_seed, "pillow_count": args.pillow_count,
                     "steps": step + 1, "of_steps": args.steps, "batch": args.batch, "lr": args.lr,
                     "weight_decay": args.weight_decay, "patch_loss": args.patch_loss,
                     "torch_seed": args.torch_seed, "train_minutes": round(minutes, 1),
                     "val_seed": args.val_seed, "val_accuracy": accuracy, "val_localisation": localisation}
            export(model, args, args.out, extra)
            if args.state:
                torch.save({"model": model.state_dict(), "patch_head": patch_head.state_dict()}, args.state)
    print(f"wrote {args.out} ({params} parameters, {minutes:.1f} min)", flush=True)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""PyTorch-pickle checkpoint fixtures: files torch.save writes, and hostile ones it never would.

Golden fixtures (tests/data/torch/<name>/, the layout of tests/data/families plus meta.json's
"checkpoint" and "heads"): small random models saved with torch.save, in every shape the loader
meets: a transformers folder with pytorch_model.bin, a timm .pth in F16 with a transposed and a
sliced tensor, a timm training checkpoint (state_dict under "state_dict", names under "module.",
optimizer state beside it), and torchvision's own VisionTransformer (torchvision.models, the real
module) with mlp.0 / mlp.3 names and, in F16 under "model" with pre_logits, with the
mlp.linear_1 / linear_2 names torchvision's published .pth files use. transformers and timm come
from tools/make_fixtures.py's plain-PyTorch rewrites (their real module names, checked there
against the libraries' own outputs). For torchvision, whose encoder asks for need_weights=False,
the attention probabilities are rebuilt with need_weights=True, average_attn_weights=False, and
the rebuilt forward must reproduce torchvision's own logits and features (max abs diff in meta.json);
for the class attribution (attribution.json, attention_gradients.npy, relevance.npy, by
make_fixtures.class_attribution) the attention is also written out for autograd and checked
against the module's probabilities.

Also: the transformers fixture split into two pytorch_model-0000N-of-00002.bin shards with a
pytorch_model.bin.index.json (sharded/), and hostile/: pickles naming forbidden globals, a REDUCE of
a callable no state_dict calls, a nesting bomb, a huge memo index, a truncated and a corrupted
archive, a storage shorter than its tensor, an int64 storage and the legacy (non-zip) format.

Usage: /usr/bin/python3 tools/make_torch_fixtures.py [--out tests/data/torch]
Deterministic: fixed seeds and zip timestamps; the committed fixtures are what this writes, but for
hostile/legacy.pth, whose storage keys torch's legacy format takes from object ids.
"""
import argparse
import io
import json
import os
import shutil
import struct
import sys
import zipfile

import torch
import torch.nn.functional as F
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as mf  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What the hostile os.system payloads would create if anything ran them (the tests check it does not exist).
MARKER = "/tmp/vitscope-hostile-pickle-ran"


def transposed(t):
    """Same values, column-major storage: strides (1, rows)."""
    return t.t().contiguous().t()


def sliced(t, before=7, after=5):
    """Same values at storage offset `before` inside a larger storage."""
    flat = torch.cat([torch.zeros(before, dtype=t.dtype), t.reshape(-1), torch.zeros(after, dtype=t.dtype)])
    return flat[before:before + t.numel()].view(t.shape)


# ---------------------------------------------------------------------------------------------
# torchvision: the real VisionTransformer, attentions rebuilt

def written_out_attention(mha, x):
    """nn.MultiheadAttention(x, x, x) without masks, written out so that the probabilities stay in the
    autograd graph (the weights need_weights returns are a view made after their use): as
    F.multi_head_attention_forward, q scaled by 1/sqrt(hd) before q k^T."""
    b, t, d = x.shape
    h = mha.num_heads
    qkv = F.linear(x, mha.in_proj_weight, mha.in_proj_bias).reshape(b, t, 3, h, d // h).permute(2, 0, 3, 1, 4)
    q, k, v = qkv[0], qkv[1], qkv[2]
    probs = torch.softmax((q / (d // h) ** 0.5) @ k.transpose(-2, -1), dim=-1)  # (B, H, T, T)
    return mha.out_proj((probs @ v).transpose(1, 2).reshape(b, t, d)), probs


def torchvision_forward(model, pixels, written_out=False):
    """torchvision VisionTransformer.forward step by step, with each layer's attention probabilities
    (need_weights=True, average_attn_weights=False, or written out for autograd) kept:
    (features [T, D], logits [K], attentions)."""
    x = model._process_input(pixels)
    x = torch.cat([model.class_token.expand(x.shape[0], -1, -1), x], dim=1)
    encoder = model.encoder
    x = encoder.dropout(x + encoder.pos_embedding)
    attentions = []
    for block in encoder.layers:
        y = block.ln_1(x)
        if written_out:
            y, weights = written_out_attention(block.self_attention, y)
        else:
            y, weights = block.self_attention(y, y, y, need_weights=True, average_attn_weights=False)
        attentions.append(weights)
        x = x + block.dropout(y)
        x = x + block.mlp(block.ln_2(x))
    features = encoder.ln(x)
    logits = model.heads(features[:, 0])
    return features[0], logits[0], attentions


def torchvision_fixture(name, seed, dtype, representation, linear_names, nested, heads=4):
    model = torchvision.models.VisionTransformer(
        image_size=32, patch_size=8, num_layers=2, num_heads=heads, hidden_dim=16, mlp_dim=32, num_classes=5,
        representation_size=representation).eval()
    generator = torch.Generator().manual_seed(seed)
    mf.perturb(model, generator)
    saved = mf.round_weights(model, dtype)
    pixels = mf.make_pixels(32, 32, generator)
    with torch.no_grad():
        features, logits, attentions = torchvision_forward(model, pixels)
        own_logits = model(pixels)[0]
        own_features = model.encoder(torch.cat([model.class_token, model._process_input(pixels)], dim=1))[0]
        _, written_logits, written_attentions = torchvision_forward(model, pixels, written_out=True)
    check = {"logits": mf.max_abs(logits, own_logits), "features": mf.max_abs(features, own_features),
             "written_out_attentions": max(mf.max_abs(a, b) for a, b in zip(attentions, written_attentions)),
             "written_out_logits": mf.max_abs(written_logits, own_logits)}
    if max(check.values()) > 1e-5:
        sys.exit(f"{name}: the rebuilt forward disagrees with torchvision's own: {check}")
    if linear_names:
        saved = {k.replace("mlp.0.", "mlp.linear_1.").replace("mlp.3.", "mlp.linear_2."): v for k, v in saved.items()}
    state = {"model": saved, "epoch": 3} if nested else saved
    layout = {"cls": 0, "distillation": -1, "register_begin": -1, "registers": 0, "patch_begin": 1,
              "grid_h": 4, "grid_w": 4}
    notes = (f"torchvision {torchvision.__version__} VisionTransformer(image_size=32, patch_size=8, num_layers=2, "
             f"num_heads={heads}, hidden_dim=16, mlp_dim=32, num_classes=5, representation_size={representation})"
             + (": MLP keys renamed to mlp.linear_1 / linear_2 as in torchvision's published .pth files" if linear_names
                else ": mlp.0 / mlp.3 as the module names them")
             + ("; saved as {'model': state_dict, 'epoch': 3}" if nested else "")
             + f"; rebuilt forward vs torchvision's own: logits {check['logits']:.2g}, features {check['features']:.2g}")
    def forward(p):
        _, out_logits, out_attentions = torchvision_forward(model, p, written_out=True)
        return out_attentions, out_logits
    return dict(name=name, state=state, file="vit_tiny.pth", pixels=pixels, features=features, logits=logits,
                attentions=attentions, layout=layout, heads=heads, family="torchvision",
                cls="VisionTransformer", dtype=dtype, notes=notes, rebuilt_vs_torchvision=check, forward=forward)


# ---------------------------------------------------------------------------------------------
# transformers and timm through make_fixtures.py's rewrites

def reference_fixture(name, seed, spec, dtype, input_size):
    model = mf.build(spec).eval()
    generator = torch.Generator().manual_seed(seed)
    mf.perturb(model, generator)
    saved = mf.round_weights(model, dtype)
    h, w = input_size
    pixels = mf.make_pixels(h, w, generator)
    features, logits, attentions = mf.run_reference(spec, model, pixels)
    config = spec.get("config") or {}
    layout = mf.token_layout(spec, model, config, h, w)

    def forward(p):
        _, out_logits, out_attentions = mf.forward_reference(spec, model, p)
        return out_attentions, out_logits
    return dict(name=name, saved=saved, pixels=pixels, features=features, logits=logits, attentions=attentions,
                layout=layout, family=spec["family"], dtype=dtype, spec=spec, forward=forward)


def hf_vit_bin():
    c = mf.hf_vit_config("vit", ["ViTForImageClassification"], 16, 2, 2, 32, 8, 32, 5)
    spec = dict(family="transformers", cls="ViTForImageClassification", config=c,
                model=mf.HfViTForImageClassification(c), interpolate=False)
    f = reference_fixture("hf_vit_bin", 2000, spec, torch.float32, (32, 32))
    f.update(state=f["saved"], file="pytorch_model.bin", cls=spec["cls"], heads=None,
             config=c, preprocessor=mf.vit_preprocessor(32, 32),
             notes="transformers ViTForImageClassification as save_pretrained(safe_serialization=False) writes it: "
                   "config.json, preprocessor_config.json, pytorch_model.bin (archive folder 'pytorch_model/')")
    return f


def timm_spec(args):
    return dict(family="timm", architecture="vit_small_patch16_224", model_args=args)


def timm_pth_f16():
    args = dict(embed_dim=16, depth=2, num_heads=2, img_size=32, patch_size=8, num_classes=4)
    f = reference_fixture("timm_pth_f16", 2001, timm_spec(args), torch.float16, (32, 32))
    state = dict(f["saved"])
    state["blocks.0.attn.qkv.weight"] = transposed(state["blocks.0.attn.qkv.weight"])
    state["blocks.1.mlp.fc1.bias"] = sliced(state["blocks.1.mlp.fc1.bias"])
    assert state["blocks.0.attn.qkv.weight"].stride() == (1, 48)
    assert state["blocks.1.mlp.fc1.bias"].storage_offset() == 7
    f.update(state=state, file="vit_small_tiny.pth", cls="VisionTransformer", heads=2,
             notes="timm VisionTransformer state_dict, F16, a lone .pth (no config: --heads 2); "
                   "blocks.0.attn.qkv.weight stored transposed (strides (1, 48)), blocks.1.mlp.fc1.bias a slice "
                   "at storage offset 7 of a larger storage")
    return f


def timm_training_checkpoint():
    args = dict(embed_dim=16, depth=2, num_heads=4, img_size=32, patch_size=8, num_classes=3)
    f = reference_fixture("timm_training_checkpoint", 2002, timm_spec(args), torch.float32, (32, 32))
    params = list(f["saved"].values())[:2]
    state = {
        "epoch": 7, "arch": "vit_small_patch16_224", "metric": 0.25,
        "args": argparse.Namespace(model="vit_small_patch16_224", lr=1e-3, epochs=300, amp=True),
        "state_dict": {"module." + k: v for k, v in f["saved"].items()},
        "optimizer": {"state": {0: {"step": torch.tensor(3.0), "exp_avg": torch.zeros_like(params[0])}},
                      "param_groups": [{"lr": 1e-3, "betas": (0.9, 0.999), "weight_decay": 0.05, "params": [0, 1]}]},
    }
    f.update(state=state, file="checkpoint.pth", cls="VisionTransformer", heads=4,
             notes="a timm training checkpoint: {'epoch', 'arch', 'metric', 'args' (train.py's argparse.Namespace), "
                   "'state_dict' (DistributedDataParallel names, 'module.' before each), 'optimizer' (state and "
                   "param_groups)}; no config: --heads 4")
    return f


# ---------------------------------------------------------------------------------------------
# writing

def write_golden(out, f):
    folder = os.path.join(out, f["name"])
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "model"))
    torch.save(f["state"], os.path.join(folder, "model", f["file"]))
    if f.get("config"):
        with open(os.path.join(folder, "model", "config.json"), "w") as fh:
            json.dump(f["config"], fh, indent=2)
            fh.write("\n")
        with open(os.path.join(folder, "model", "preprocessor_config.json"), "w") as fh:
            json.dump(f["preprocessor"], fh, indent=2, sort_keys=True)
            fh.write("\n")
    attn = torch.stack([a[0] for a in f["attentions"]])  # (L, H, T, T)
    mf.save_npy(os.path.join(folder, "pixel_values.npy"), f["pixels"].numpy())
    mf.save_npy(os.path.join(folder, "attentions.npy"), attn.numpy())
    mf.save_npy(os.path.join(folder, "features.npy"), f["features"].detach().numpy())
    mf.save_npy(os.path.join(folder, "logits.npy"), f["logits"].detach().numpy())
    mf.write_attribution(folder, mf.class_attribution(f["forward"], f["pixels"], f["layout"]))
    meta = {
        "layout": f["layout"],
        "made_by": "tools/make_torch_fixtures.py (torch %s, torchvision %s)" % (torch.__version__, torchvision.__version__),
        "family": f["family"], "class": f["cls"], "weights_dtype": mf._NAMES[f["dtype"]],
        "checkpoint": "model" if f["file"] == "pytorch_model.bin" else "model/" + f["file"],
        "tokens": int(attn.shape[-1]), "notes": f["notes"],
    }
    if f["heads"]:
        meta["heads"] = f["heads"]
    if "rebuilt_vs_torchvision" in f:
        meta["rebuilt_vs_torchvision"] = f["rebuilt_vs_torchvision"]
    with open(os.path.join(folder, "meta.json"), "w") as fh:
        json.dump(meta, fh, indent=1)
        fh.write("\n")
    print(f"  {f['name']}: {sum(os.path.getsize(os.path.join(r, x)) for r, _, xs in os.walk(folder) for x in xs) // 1024} KiB")


def write_sharded(out, f):
    """The transformers fixture as two pytorch_model.bin shards and their index."""
    folder = os.path.join(out, "sharded")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    names = sorted(f["state"])
    halves = [names[: len(names) // 2], names[len(names) // 2:]]
    weight_map = {}
    for i, half in enumerate(halves):
        shard = f"pytorch_model-0000{i + 1}-of-00002.bin"
        torch.save({k: f["state"][k] for k in half}, os.path.join(folder, shard))
        weight_map.update({k: shard for k in half})
    with open(os.path.join(folder, "pytorch_model.bin.index.json"), "w") as fh:
        json.dump({"metadata": {"total_size": 0}, "weight_map": weight_map}, fh, indent=2)
        fh.write("\n")
    with open(os.path.join(folder, "config.json"), "w") as fh:
        json.dump(f["config"], fh, indent=2)
        fh.write("\n")


def zipped(path, entries):
    """A zip laid out as torch.save lays it out: stored entries under one top folder."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo("archive/" + name, date_time=(1980, 1, 1, 0, 0, 0)), data)


def global_reduce(module, name, argument, protocol=2):
    """A pickle calling module.name(argument), by GLOBAL (protocol 2) or STACK_GLOBAL (4)."""
    arg = argument.encode()
    if protocol >= 4:
        head = (b"\x80\x04\x8c" + bytes([len(module)]) + module.encode() + b"\x8c" + bytes([len(name)])
                + name.encode() + b"\x93")
    else:
        head = b"\x80\x02c" + module.encode() + b"\n" + name.encode() + b"\n"
    return head + b"X" + struct.pack("<I", len(arg)) + arg + b"\x85R."


def saved_bytes(state, **kwargs):
    buf = io.BytesIO()
    torch.save(state, buf, **kwargs)
    return bytearray(buf.getvalue())


def write_hostile(out):
    folder = os.path.join(out, "hostile")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    touch = f"touch {MARKER}"
    files = {
        "os_system.pth": [("data.pkl", global_reduce("os", "system", touch))],
        "posix_system.pth": [("data.pkl", global_reduce("posix", "system", touch))],
        "builtins_eval.pth": [("data.pkl", global_reduce("builtins", "eval",
                                                         f"__import__('os').system('{touch}')", protocol=4))],
        "reduce_storage_type.pth": [("data.pkl", b"\x80\x02ctorch\nFloatStorage\nK\x05\x85R.")],
        "nesting_bomb.pth": [("data.pkl", b"\x80\x02" + b"]" * 1000 + b"a" * 999 + b".")],
        "huge_memo.pth": [("data.pkl", b"\x80\x02}r\xff\xff\xff\x7f.")],
    }
    for name, entries in files.items():
        zipped(os.path.join(folder, name), entries)

    good = {"weight": torch.arange(12, dtype=torch.float32).reshape(3, 4)}
    valid = saved_bytes(good)
    with open(os.path.join(folder, "truncated.pth"), "wb") as fh:
        fh.write(valid[: len(valid) * 6 // 10])
    corrupted = bytearray(valid)
    with zipfile.ZipFile(io.BytesIO(bytes(valid))) as z:
        info = next(i for i in z.infolist() if i.filename.endswith("data.pkl"))
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    corrupted[start + info.file_size // 2] ^= 0x20
    with open(os.path.join(folder, "corrupted.pth"), "wb") as fh:
        fh.write(corrupted)
    # a storage 4 elements short of the 12 its tensor needs
    with zipfile.ZipFile(io.BytesIO(bytes(valid))) as z:
        entries = [(i.filename.split("/", 1)[1], z.read(i)) for i in z.infolist()]
    entries = [(n, d[:32] if n == "data/0" else d) for n, d in entries]
    zipped(os.path.join(folder, "short_storage.pth"), entries)
    with open(os.path.join(folder, "int64.pth"), "wb") as fh:
        fh.write(saved_bytes({"weight": torch.arange(12).reshape(3, 4)}))
    with open(os.path.join(folder, "legacy.pth"), "wb") as fh:
        fh.write(saved_bytes(good, _use_new_zipfile_serialization=False))
    print(f"  hostile: {len(os.listdir(folder))} files")


# ---------------------------------------------------------------------------------------------
# torchvision's eval presets

def write_presets(out):
    """preprocess/presets.json: what each published torchvision ViT's weights.transforms() does,
    keyed by its file name; and ImageClassification, the preset's class, run at 14x14 on
    tests/data/resize/source.npy with the resize sizes torchvisionPreprocess derives for 14."""
    import numpy as np
    from PIL import Image
    from torchvision.models import ViT_B_16_Weights, ViT_B_32_Weights, ViT_H_14_Weights, ViT_L_16_Weights, ViT_L_32_Weights
    from torchvision.transforms._presets import ImageClassification
    from torchvision.transforms import InterpolationMode
    folder = os.path.join(out, "preprocess")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    presets = {}
    for enum in (ViT_B_16_Weights, ViT_B_32_Weights, ViT_L_16_Weights, ViT_L_32_Weights, ViT_H_14_Weights):
        for weights in enum:
            t = weights.transforms()
            presets[os.path.basename(weights.url)] = {
                "weights": str(weights), "crop_size": t.crop_size[0], "resize_size": t.resize_size[0],
                "interpolation": t.interpolation.value, "mean": t.mean, "std": t.std}
    picture = Image.fromarray(np.load(os.path.join(REPO, "tests", "data", "resize", "source.npy")), "RGB")
    cases = {"vit_b_16-c867db91.pth": (16, InterpolationMode.BILINEAR),   # 14 * 256 // 224
             "vit_l_16-852ce7e3.pth": (15, InterpolationMode.BILINEAR),   # 14 * 242 // 224
             "vit_h_14_swag-80465313.pth": (14, InterpolationMode.BICUBIC)}
    for file, (resize, interpolation) in cases.items():
        pixels = ImageClassification(crop_size=14, resize_size=resize, interpolation=interpolation)(picture)
        presets[file]["pixels_at_14"] = file.split(".")[0] + "_14.npy"
        mf.save_npy(os.path.join(folder, presets[file]["pixels_at_14"]), pixels.numpy())
    with open(os.path.join(folder, "presets.json"), "w") as fh:
        json.dump(presets, fh, indent=1)
        fh.write("\n")
    print(f"  preprocess: {len(presets)} presets")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(REPO, "tests", "data", "torch"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)
    print(f"writing to {args.out}:")
    hf = hf_vit_bin()
    for f in [hf, timm_pth_f16(), timm_training_checkpoint(),
              torchvision_fixture("torchvision_vit", 2003, torch.float32, None, False, False),
              torchvision_fixture("torchvision_linear_names_f16", 2004, torch.float16, 12, True, True, heads=2)]:
        write_golden(args.out, f)
    write_sharded(args.out, hf)
    write_hostile(args.out)
    write_presets(args.out)


if __name__ == "__main__":
    main()

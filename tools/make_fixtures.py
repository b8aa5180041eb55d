#!/usr/bin/python3
"""Golden fixtures for the checkpoint families that /work/shared/reference does not cover.

There is no transformers and no timm on this machine, so this script reimplements their
forward passes in plain PyTorch, read from the libraries' source (transformers 5.x
modeling_vit.py, modeling_deit.py, modeling_dinov2.py, modeling_dinov2_with_registers.py;
timm 1.0.29 vision_transformer.py, deit.py, layers/pos_embed.py, layers/mlp.py,
layers/attention.py with fused attention off, layers/layer_scale.py). Module and parameter
names are the libraries' own, so state_dict() has exactly the real checkpoint keys.

Before writing anything it checks the reimplementation against the two real fixtures in
/work/shared/reference (made by transformers and timm themselves) and refuses to go on if
they disagree by more than 1e-4.

Fixtures with a classifier also get a class attribution by autograd (class_attribution), and so
do the copies of the real fixtures in tests/data (--real-out).

Usage: /usr/bin/python3 tools/make_fixtures.py [--out tests/data/families] [--reference DIR] [--real-out DIR]
Deterministic: a fixed seed per fixture; the committed fixtures are exactly what this writes.
"""
import argparse
import json
import math
import os
import shutil
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLERANCE_VALIDATION = 1e-4

# ---------------------------------------------------------------------------------------------
# safetensors, by hand (the package is not installed): 8-byte LE header length, JSON header,
# raw little-endian data.

_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}
_NAMES = {v: k for k, v in _DTYPES.items()}


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        buf = bytearray(data[begin:end])
        if dtype == torch.bfloat16:
            t = torch.frombuffer(buf, dtype=torch.int16).view(torch.bfloat16)
        else:
            t = torch.frombuffer(buf, dtype=dtype)
        out[name] = t.reshape(info["shape"]).clone()
    return out


def write_safetensors(path, tensors, metadata=None):
    header = {}
    blobs = []
    offset = 0
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        if t.dtype == torch.bfloat16:
            b = t.view(torch.int16).numpy().tobytes()
        else:
            b = t.numpy().tobytes()
        header[name] = {"dtype": _NAMES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    if metadata is not None:
        header = {"__metadata__": metadata, **header}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def save_npy(path, array):
    np.save(path, np.ascontiguousarray(np.asarray(array, dtype="<f4")), allow_pickle=False)


# ---------------------------------------------------------------------------------------------
# transformers: ViT / DeiT (modeling_vit.py, modeling_deit.py)

def eager_attention(query, key, value, scaling):
    # transformers eager_attention_forward: matmul, then scale, softmax in float32.
    attn = torch.matmul(query, key.transpose(-1, -2)) * scaling
    attn = F.softmax(attn, dim=-1, dtype=torch.float32).to(query.dtype)
    out = torch.matmul(attn, value).transpose(1, 2).contiguous()
    return out, attn


class HfSelfAttention(nn.Module):
    def __init__(self, hidden, heads, qkv_bias):
        super().__init__()
        self.heads = heads
        self.head_size = hidden // heads
        self.query = nn.Linear(hidden, hidden, bias=qkv_bias)
        self.key = nn.Linear(hidden, hidden, bias=qkv_bias)
        self.value = nn.Linear(hidden, hidden, bias=qkv_bias)

    def forward(self, x, store):
        b = x.shape[0]
        shape = (b, -1, self.heads, self.head_size)
        k = self.key(x).view(*shape).transpose(1, 2)
        v = self.value(x).view(*shape).transpose(1, 2)
        q = self.query(x).view(*shape).transpose(1, 2)
        out, attn = eager_attention(q, k, v, self.head_size ** -0.5)
        store.append(attn)
        return out.reshape(out.shape[:-2] + (self.heads * self.head_size,))


class HfSelfOutput(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.dense = nn.Linear(hidden, hidden)


class HfAttention(nn.Module):
    def __init__(self, hidden, heads, qkv_bias):
        super().__init__()
        self.attention = HfSelfAttention(hidden, heads, qkv_bias)
        self.output = HfSelfOutput(hidden)

    def forward(self, x, store):
        return self.output.dense(self.attention(x, store))


class HfDense(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.dense = nn.Linear(n_in, n_out)


def hf_activation(name, x):
    # transformers activations.py ACT2FN
    if name == "gelu":  # GELUActivation: exact erf GELU
        return F.gelu(x)
    if name == "gelu_new":  # NewGELUActivation
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))
    raise ValueError(name)


class HfViTLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        self.attention = HfAttention(d, c["num_attention_heads"], c["qkv_bias"])
        self.intermediate = HfDense(d, c["intermediate_size"])
        self.output = HfDense(c["intermediate_size"], d)
        self.layernorm_before = nn.LayerNorm(d, eps=c["layer_norm_eps"])
        self.layernorm_after = nn.LayerNorm(d, eps=c["layer_norm_eps"])
        self.act = c["hidden_act"]

    def forward(self, x, store):
        x = self.attention(self.layernorm_before(x), store) + x
        y = self.layernorm_after(x)
        y = hf_activation(self.act, self.intermediate.dense(y))
        return self.output.dense(y) + x


class HfPatchEmbeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        p = c["patch_size"]
        self.projection = nn.Conv2d(c["num_channels"], c["hidden_size"], kernel_size=p, stride=p)

    def forward(self, pixels):
        return self.projection(pixels).flatten(2).transpose(1, 2)


class HfEmbeddings(nn.Module):
    """ViTEmbeddings (prefix 1) or DeiTEmbeddings (prefix 2: cls, distillation)."""

    def __init__(self, c, distillation):
        super().__init__()
        d = c["hidden_size"]
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d))
        self.prefix = 1
        if distillation:
            self.distillation_token = nn.Parameter(torch.zeros(1, 1, d))
            self.prefix = 2
        self.patch_embeddings = HfPatchEmbeddings(c)
        n = (c["image_size"] // c["patch_size"]) ** 2
        self.position_embeddings = nn.Parameter(torch.zeros(1, n + self.prefix, d))
        self.patch_size = c["patch_size"]

    def interpolate_pos_encoding(self, embeddings, height, width):
        # ViTEmbeddings / DeiTEmbeddings.interpolate_pos_encoding: size=, bicubic,
        # align_corners=False, no antialias, skipped only for a square input of the stored size.
        num_patches = embeddings.shape[1] - self.prefix
        num_positions = self.position_embeddings.shape[1] - self.prefix
        if num_patches == num_positions and height == width:
            return self.position_embeddings
        prefix_pos = self.position_embeddings[:, :self.prefix]
        patch_pos = self.position_embeddings[:, self.prefix:]
        dim = embeddings.shape[-1]
        new_h, new_w = height // self.patch_size, width // self.patch_size
        s = int(num_positions ** 0.5)
        patch_pos = patch_pos.reshape(1, s, s, dim).permute(0, 3, 1, 2)
        patch_pos = F.interpolate(patch_pos, size=(new_h, new_w), mode="bicubic", align_corners=False)
        patch_pos = patch_pos.permute(0, 2, 3, 1).reshape(1, -1, dim)
        return torch.cat((prefix_pos, patch_pos), dim=1)

    def forward(self, pixels, interpolate_pos_encoding):
        _, _, h, w = pixels.shape
        x = self.patch_embeddings(pixels)
        tokens = [self.cls_token.expand(x.shape[0], -1, -1)]
        if self.prefix == 2:
            tokens.append(self.distillation_token.expand(x.shape[0], -1, -1))
        x = torch.cat(tokens + [x], dim=1)
        if interpolate_pos_encoding:
            return x + self.interpolate_pos_encoding(x, h, w)
        return x + self.position_embeddings


class HfEncoder(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layer = nn.ModuleList(layers)


class HfPooler(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.dense = nn.Linear(hidden, hidden)


class HfViTModel(nn.Module):
    """ViTModel / DeiTModel: embeddings, encoder, layernorm (+ pooler)."""

    def __init__(self, c, distillation=False, pooler=False):
        super().__init__()
        self.embeddings = HfEmbeddings(c, distillation)
        self.encoder = HfEncoder([HfViTLayer(c) for _ in range(c["num_hidden_layers"])])
        self.layernorm = nn.LayerNorm(c["hidden_size"], eps=c["layer_norm_eps"])
        if pooler:
            self.pooler = HfPooler(c["hidden_size"])

    def forward(self, pixels, interpolate_pos_encoding=False):
        store = []
        x = self.embeddings(pixels, interpolate_pos_encoding)
        for layer in self.encoder.layer:
            x = layer(x, store)
        last = x
        x = self.layernorm(x)
        out = {"last_hidden_state": x, "pre_norm": last, "attentions": store}
        if hasattr(self, "pooler"):
            out["pooler_output"] = torch.tanh(self.pooler.dense(x[:, 0]))
        return out


class HfViTForImageClassification(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.vit = HfViTModel(c)
        self.classifier = nn.Linear(c["hidden_size"], len(c["id2label"]))

    def forward(self, pixels, interpolate_pos_encoding=False):
        out = self.vit(pixels, interpolate_pos_encoding)
        out["logits"] = self.classifier(out["last_hidden_state"][:, 0, :])
        return out


class HfDeiTForImageClassification(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.deit = HfViTModel(c, distillation=True)
        self.classifier = nn.Linear(c["hidden_size"], len(c["id2label"]))

    def forward(self, pixels, interpolate_pos_encoding=False):
        out = self.deit(pixels, interpolate_pos_encoding)
        # "we don't use the distillation token"
        out["logits"] = self.classifier(out["last_hidden_state"][:, 0, :])
        return out


class HfDeiTForImageClassificationWithTeacher(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.deit = HfViTModel(c, distillation=True)
        self.cls_classifier = nn.Linear(c["hidden_size"], len(c["id2label"]))
        self.distillation_classifier = nn.Linear(c["hidden_size"], len(c["id2label"]))

    def forward(self, pixels, interpolate_pos_encoding=False):
        out = self.deit(pixels, interpolate_pos_encoding)
        seq = out["last_hidden_state"]
        cls_logits = self.cls_classifier(seq[:, 0, :])
        dist_logits = self.distillation_classifier(seq[:, 1, :])
        out["logits"] = (cls_logits + dist_logits) / 2
        return out


# ---------------------------------------------------------------------------------------------
# transformers: Dinov2 / Dinov2WithRegisters (modeling_dinov2.py, modeling_dinov2_with_registers.py)

class Dinov2LayerScale(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.lambda1 = nn.Parameter(c["layerscale_value"] * torch.ones(c["hidden_size"]))


class Dinov2MLP(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        hidden = int(d * c["mlp_ratio"])
        self.fc1 = nn.Linear(d, hidden)
        self.fc2 = nn.Linear(hidden, d)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Dinov2SwiGLUFFN(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        hidden = int(d * c["mlp_ratio"])
        hidden = (int(hidden * 2 / 3) + 7) // 8 * 8
        self.weights_in = nn.Linear(d, 2 * hidden)
        self.weights_out = nn.Linear(hidden, d)

    def forward(self, x):
        x1, x2 = self.weights_in(x).chunk(2, dim=-1)
        return self.weights_out(F.silu(x1) * x2)


class Dinov2Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        self.norm1 = nn.LayerNorm(d, eps=c["layer_norm_eps"])
        self.attention = HfAttention(d, c["num_attention_heads"], c["qkv_bias"])
        self.layer_scale1 = Dinov2LayerScale(c)
        self.norm2 = nn.LayerNorm(d, eps=c["layer_norm_eps"])
        self.mlp = Dinov2SwiGLUFFN(c) if c["use_swiglu_ffn"] else Dinov2MLP(c)
        self.layer_scale2 = Dinov2LayerScale(c)

    def forward(self, x, store):
        x = self.attention(self.norm1(x), store) * self.layer_scale1.lambda1 + x
        return self.mlp(self.norm2(x)) * self.layer_scale2.lambda1 + x


class Dinov2Embeddings(nn.Module):
    def __init__(self, c, registers):
        super().__init__()
        d = c["hidden_size"]
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d))
        self.mask_token = nn.Parameter(torch.zeros(1, d))
        self.registers = registers
        if registers:
            self.register_tokens = nn.Parameter(torch.zeros(1, c["num_register_tokens"], d))
        self.patch_embeddings = HfPatchEmbeddings(c)
        n = (c["image_size"] // c["patch_size"]) ** 2
        self.position_embeddings = nn.Parameter(torch.zeros(1, n + 1, d))
        self.patch_size = c["patch_size"]

    def interpolate_pos_encoding(self, embeddings, height, width):
        # Dinov2: size=, bicubic, align_corners=False, in float32, no antialias.
        # Dinov2WithRegisters: the same with antialias=True.
        num_patches = embeddings.shape[1] - 1
        num_positions = self.position_embeddings.shape[1] - 1
        if num_patches == num_positions and height == width:
            return self.position_embeddings
        class_pos = self.position_embeddings[:, :1]
        patch_pos = self.position_embeddings[:, 1:]
        dim = embeddings.shape[-1]
        new_h, new_w = height // self.patch_size, width // self.patch_size
        s = int(num_positions ** 0.5)
        patch_pos = patch_pos.reshape(1, s, s, dim).permute(0, 3, 1, 2)
        target = patch_pos.dtype
        patch_pos = F.interpolate(patch_pos.to(torch.float32), size=(new_h, new_w), mode="bicubic",
                                  align_corners=False, antialias=bool(self.registers)).to(target)
        assert patch_pos.shape[-2:] == (new_h, new_w)
        patch_pos = patch_pos.permute(0, 2, 3, 1).reshape(1, -1, dim)
        return torch.cat((class_pos, patch_pos), dim=1)

    def forward(self, pixels):
        _, _, h, w = pixels.shape
        x = self.patch_embeddings(pixels)
        x = torch.cat((self.cls_token.expand(x.shape[0], -1, -1), x), dim=1)
        x = x + self.interpolate_pos_encoding(x, h, w)
        if self.registers:
            x = torch.cat((x[:, :1], self.register_tokens.expand(x.shape[0], -1, -1), x[:, 1:]), dim=1)
        return x


class Dinov2Model(nn.Module):
    def __init__(self, c, registers=False):
        super().__init__()
        self.embeddings = Dinov2Embeddings(c, registers)
        self.encoder = HfEncoder([Dinov2Layer(c) for _ in range(c["num_hidden_layers"])])
        self.layernorm = nn.LayerNorm(c["hidden_size"], eps=c["layer_norm_eps"])

    def forward(self, pixels):
        store = []
        x = self.embeddings(pixels)
        for layer in self.encoder.layer:
            x = layer(x, store)
        last = x
        x = self.layernorm(x)
        return {"last_hidden_state": x, "pre_norm": last, "attentions": store, "pooler_output": x[:, 0, :]}


class Dinov2ForImageClassification(nn.Module):
    """Dinov2ForImageClassification / Dinov2WithRegistersForImageClassification: the classifier
    reads [cls, mean of the patch tokens] (registers excluded), so it is (K, 2D)."""

    def __init__(self, c, registers=False):
        super().__init__()
        self.registers = c.get("num_register_tokens", 0) if registers else 0
        if registers:
            self.dinov2_with_registers = Dinov2Model(c, registers=True)
        else:
            self.dinov2 = Dinov2Model(c)
        self.classifier = nn.Linear(2 * c["hidden_size"], len(c["id2label"]))

    def forward(self, pixels):
        base = self.dinov2_with_registers if self.registers else self.dinov2
        out = base(pixels)
        seq = out["last_hidden_state"]
        patch_tokens = seq[:, 1 + self.registers:]
        out["logits"] = self.classifier(torch.cat([seq[:, 0], patch_tokens.mean(dim=1)], dim=1))
        return out


# ---------------------------------------------------------------------------------------------
# timm: VisionTransformer, VisionTransformerDistilled (vision_transformer.py, deit.py)

def resample_abs_pos_embed(posemb, new_size, old_size, num_prefix_tokens, interpolation="bicubic",
                           antialias=True):
    # timm.layers.pos_embed.resample_abs_pos_embed
    num_pos_tokens = posemb.shape[1]
    num_new_tokens = new_size[0] * new_size[1] + num_prefix_tokens
    if num_new_tokens == num_pos_tokens and new_size[0] == new_size[1]:
        return posemb
    if old_size is None:
        hw = int(math.sqrt(num_pos_tokens - num_prefix_tokens))
        old_size = hw, hw
    if num_prefix_tokens:
        prefix, posemb = posemb[:, :num_prefix_tokens], posemb[:, num_prefix_tokens:]
    else:
        prefix = None
    dim = posemb.shape[-1]
    orig_dtype = posemb.dtype
    posemb = posemb.float().reshape(1, old_size[0], old_size[1], -1).permute(0, 3, 1, 2)
    posemb = F.interpolate(posemb, size=new_size, mode=interpolation, antialias=antialias)
    posemb = posemb.permute(0, 2, 3, 1).reshape(1, -1, dim).to(orig_dtype)
    if prefix is not None:
        posemb = torch.cat([prefix, posemb], dim=1)
    return posemb


class TimmPatchEmbed(nn.Module):
    def __init__(self, in_chans, dim, patch, img_size):
        super().__init__()
        self.proj = nn.Conv2d(in_chans, dim, kernel_size=patch, stride=patch)
        self.grid_size = (img_size[0] // patch, img_size[1] // patch)

    def forward(self, x):
        return self.proj(x).permute(0, 2, 3, 1)  # NHWC, flattened after the position embedding


class TimmAttention(nn.Module):
    def __init__(self, dim, heads, qkv_bias):
        super().__init__()
        self.heads = heads
        self.head_dim = dim // heads
        self.scale = self.head_dim ** -0.5
        self.qkv = nn.Linear(dim, dim * 3, bias=qkv_bias)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, store):
        b, n, c = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)
        q = q * self.scale  # timm scales q before the product (fused_attn off)
        attn = (q @ k.transpose(-2, -1)).softmax(dim=-1)
        store.append(attn)
        x = (attn @ v).transpose(1, 2).reshape(b, n, c)
        return self.proj(x)


class TimmLayerScale(nn.Module):
    def __init__(self, dim, init_values):
        super().__init__()
        self.gamma = nn.Parameter(init_values * torch.ones(dim))


class TimmMlp(nn.Module):
    def __init__(self, dim, hidden, act):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)
        self.act = act

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class TimmGluMlp(nn.Module):
    """GluMlp as SwiGLUPacked: fc1 packs [x1 | x2], act(x1) * x2 (gate_last=False)."""

    def __init__(self, dim, hidden, act):
        super().__init__()
        assert hidden % 2 == 0
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden // 2, dim)
        self.act = act

    def forward(self, x):
        x1, x2 = self.fc1(x).chunk(2, dim=-1)
        return self.fc2(self.act(x1) * x2)


class TimmBlock(nn.Module):
    def __init__(self, dim, heads, mlp_ratio, qkv_bias, init_values, mlp_layer, act):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = TimmAttention(dim, heads, qkv_bias)
        if init_values:
            self.ls1 = TimmLayerScale(dim, init_values)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = mlp_layer(dim, int(dim * mlp_ratio), act)
        if init_values:
            self.ls2 = TimmLayerScale(dim, init_values)

    def forward(self, x, store):
        y = self.attn(self.norm1(x), store)
        if hasattr(self, "ls1"):
            y = y * self.ls1.gamma
        x = x + y
        y = self.mlp(self.norm2(x))
        if hasattr(self, "ls2"):
            y = y * self.ls2.gamma
        return x + y


class TimmVisionTransformer(nn.Module):
    def __init__(self, img_size=224, patch_size=16, num_classes=1000, global_pool="token", embed_dim=768,
                 depth=12, num_heads=12, mlp_ratio=4.0, qkv_bias=True, init_values=None, class_token=True,
                 no_embed_class=False, reg_tokens=0, fc_norm=None, dynamic_img_size=False,
                 mlp_layer="mlp", act_layer="gelu", distilled=False):
        super().__init__()
        img_size = img_size if isinstance(img_size, (tuple, list)) else (img_size, img_size)
        use_fc_norm = global_pool in ("avg", "avgmax", "max") if fc_norm is None else fc_norm
        act = {"gelu": nn.GELU(), "silu": nn.SiLU()}[act_layer]
        mlp_cls = {"mlp": TimmMlp, "swiglu_packed": TimmGluMlp}[mlp_layer]
        self.global_pool = global_pool
        self.num_prefix_tokens = (1 if class_token else 0) + reg_tokens
        self.no_embed_class = no_embed_class
        self.dynamic_img_size = dynamic_img_size
        self.distilled = distilled
        self.patch_embed = TimmPatchEmbed(3, embed_dim, patch_size, img_size)
        num_patches = self.patch_embed.grid_size[0] * self.patch_embed.grid_size[1]
        if class_token:
            self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        if reg_tokens:
            self.reg_token = nn.Parameter(torch.zeros(1, reg_tokens, embed_dim))
        if distilled:
            assert class_token and not reg_tokens and global_pool == "token"
            self.num_prefix_tokens = 2
            self.dist_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        embed_len = num_patches if no_embed_class else num_patches + self.num_prefix_tokens
        self.pos_embed = nn.Parameter(torch.zeros(1, embed_len, embed_dim))
        self.blocks = nn.Sequential(*[
            TimmBlock(embed_dim, num_heads, mlp_ratio, qkv_bias, init_values, mlp_cls, act)
            for _ in range(depth)])
        if not use_fc_norm:
            self.norm = nn.LayerNorm(embed_dim, eps=1e-6)
        else:
            self.fc_norm = nn.LayerNorm(embed_dim, eps=1e-6)
        self.num_classes = num_classes
        if num_classes > 0:  # else nn.Identity: no head tensors, forward_head gives pooled features
            self.head = nn.Linear(embed_dim, num_classes)
            if distilled:
                self.head_dist = nn.Linear(embed_dim, num_classes)

    def _pos_embed(self, x):
        if self.dynamic_img_size:
            b, h, w, c = x.shape
            pos_embed = resample_abs_pos_embed(
                self.pos_embed, new_size=(h, w), old_size=self.patch_embed.grid_size,
                num_prefix_tokens=0 if self.no_embed_class else self.num_prefix_tokens)
            x = x.view(b, -1, c)
        else:
            assert tuple(x.shape[1:3]) == self.patch_embed.grid_size, "timm: fixed input size"
            pos_embed = self.pos_embed
            x = x.reshape(x.shape[0], -1, x.shape[-1])
        to_cat = []
        if hasattr(self, "cls_token"):
            to_cat.append(self.cls_token.expand(x.shape[0], -1, -1))
        if self.distilled:
            to_cat.append(self.dist_token.expand(x.shape[0], -1, -1))
        if hasattr(self, "reg_token"):
            to_cat.append(self.reg_token.expand(x.shape[0], -1, -1))
        if self.no_embed_class:
            x = x + pos_embed
            return torch.cat(to_cat + [x], dim=1) if to_cat else x
        if to_cat:
            x = torch.cat(to_cat + [x], dim=1)
        return x + pos_embed

    def forward_features(self, x, store):
        x = self._pos_embed(self.patch_embed(x))
        for blk in self.blocks:
            x = blk(x, store)
        if hasattr(self, "norm"):
            x = self.norm(x)
        return x

    def forward_head(self, x):
        if self.distilled:
            return (self.head(x[:, 0]) + self.head_dist(x[:, 1])) / 2
        if self.global_pool == "token":
            x = x[:, 0]
        elif self.global_pool == "avg":
            x = x[:, self.num_prefix_tokens:].mean(dim=1)
        else:
            raise ValueError(self.global_pool)
        if hasattr(self, "fc_norm"):
            x = self.fc_norm(x)
        return self.head(x)

    def forward(self, pixels):
        store = []
        feats = self.forward_features(pixels, store)
        logits = self.forward_head(feats) if self.num_classes > 0 else None
        return {"features": feats, "logits": logits, "attentions": store}


# ---------------------------------------------------------------------------------------------
# Validation against the real fixtures.

def load_into(model, tensors):
    own = model.state_dict()
    missing = sorted(set(own) - set(tensors))
    unexpected = sorted(set(tensors) - set(own))
    if missing or unexpected:
        raise SystemExit(f"state_dict mismatch: missing {missing}, unexpected {unexpected}")
    model.load_state_dict({k: v.float() for k, v in tensors.items()})


def max_abs(a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    assert a.shape == b.shape, (a.shape, b.shape)
    return float(np.max(np.abs(a - b)))


def attentions_and_logits(model):
    def forward(pixels):
        out = model(pixels)
        return out["attentions"], out["logits"][0]
    return forward


REAL_LAYOUT = {"cls": 0, "distillation": -1, "register_begin": -1, "registers": 0, "patch_begin": 1,
               "grid_h": 14, "grid_w": 14}  # both real fixtures: 224x224, patch 16, a class token


def validate(reference_dir):
    """Max abs differences from the real fixtures, and the class attribution of each (written next
    to the copies in tests/data, as they cannot come from the real libraries here)."""
    results = {}
    attributions = {}
    ref = os.path.join(reference_dir, "hf_vit_cls")
    c = json.load(open(os.path.join(ref, "model", "config.json")))
    c["num_labels"] = len(c["id2label"])
    model = HfViTForImageClassification(c).eval()
    load_into(model, read_safetensors(os.path.join(ref, "model", "model.safetensors")))
    pixels = torch.from_numpy(np.load(os.path.join(ref, "pixel_values.npy")))
    with torch.no_grad():
        out = model(pixels)
    results["hf_vit_cls"] = {
        "attentions": max_abs(torch.stack(out["attentions"])[:, 0], np.load(os.path.join(ref, "attentions.npy"))),
        "logits": max_abs(out["logits"][0], np.load(os.path.join(ref, "logits.npy"))),
        "last_hidden_state": max_abs(out["pre_norm"][0], np.load(os.path.join(ref, "last_hidden_state.npy"))),
    }
    attributions["hf_vit_cls"] = class_attribution(attentions_and_logits(model), pixels, REAL_LAYOUT)

    ref = os.path.join(reference_dir, "timm_vit_tiny")
    c = json.load(open(os.path.join(ref, "model", "config.json")))
    assert c["architecture"] == "vit_tiny_patch16_224"
    args = dict(ARCHITECTURES["vit_tiny_patch16_224"], **c["model_args"])
    model = TimmVisionTransformer(**args).eval()
    load_into(model, read_safetensors(os.path.join(ref, "model", "model.safetensors")))
    pixels = torch.from_numpy(np.load(os.path.join(ref, "pixel_values.npy")))
    with torch.no_grad():
        out = model(pixels)
    results["timm_vit_tiny"] = {
        "attentions": max_abs(torch.stack(out["attentions"])[:, 0], np.load(os.path.join(ref, "attentions.npy"))),
        "logits": max_abs(out["logits"][0], np.load(os.path.join(ref, "logits.npy"))),
        "features_normed": max_abs(out["features"][0], np.load(os.path.join(ref, "features_normed.npy"))),
    }
    attributions["timm_vit_tiny"] = class_attribution(attentions_and_logits(model), pixels, REAL_LAYOUT)
    return results, attributions


# ---------------------------------------------------------------------------------------------
# The fixtures.

# timm architectures used here: the entrypoint's own model_args (vision_transformer.py, deit.py),
# in this script's vocabulary for mlp_layer / act_layer.
ARCHITECTURES = {
    "vit_tiny_patch16_224": dict(patch_size=16, embed_dim=192, depth=12, num_heads=3),
    "vit_small_patch16_224": dict(patch_size=16, embed_dim=384, depth=12, num_heads=6),
    "vit_small_patch14_dinov2": dict(
        img_size=518, patch_size=14, embed_dim=384, depth=12, num_heads=6, init_values=1e-5),
    "vit_base_patch16_reg4_gap_256": dict(
        img_size=256, patch_size=16, embed_dim=768, depth=12, num_heads=12, class_token=False,
        no_embed_class=True, global_pool="avg", reg_tokens=4),
    "vit_small_patch14_reg4_dinov2": dict(
        img_size=518, patch_size=14, embed_dim=384, depth=12, num_heads=6, init_values=1e-5,
        reg_tokens=4, no_embed_class=True),
    "vit_giant_patch14_dinov2": dict(
        img_size=518, patch_size=14, embed_dim=1536, depth=40, num_heads=24, init_values=1e-5,
        mlp_ratio=2.66667 * 2, mlp_layer="swiglu_packed", act_layer="silu"),
    "deit_tiny_distilled_patch16_224": dict(
        patch_size=16, embed_dim=192, depth=12, num_heads=3, distilled=True),
    "vit_medium_patch16_gap_256": dict(
        img_size=256, patch_size=16, embed_dim=512, depth=12, num_heads=8, class_token=False,
        global_pool="avg", qkv_bias=False, init_values=1e-6, fc_norm=False),
    "vit_so150m_patch16_reg4_gap_256": dict(
        img_size=256, patch_size=16, embed_dim=896, depth=18, num_heads=14, mlp_ratio=2.572,
        class_token=False, reg_tokens=4, global_pool="avg", fc_norm=False),
    "vit_so150m2_patch16_reg1_gap_256": dict(
        img_size=256, patch_size=16, embed_dim=832, depth=21, num_heads=13, mlp_ratio=34 / 13, init_values=1e-5,
        qkv_bias=False, class_token=False, reg_tokens=1, global_pool="avg"),
}


def perturb(model, generator):
    """Every parameter random and away from its default, so that LayerNorm affine terms, biases,
    layer scales and tokens all change the outputs."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            leaf = name.split(".")[-1]
            r = torch.randn(p.shape, generator=generator)
            if leaf in ("gamma", "lambda1"):
                p.copy_(0.6 + 0.3 * r)
            elif p.dim() == 1 and leaf == "weight":  # LayerNorm scale
                p.copy_(1.0 + 0.25 * r)
            elif leaf == "bias":
                p.copy_(0.1 * r)
            elif p.dim() >= 2 and ("token" in leaf or "embed" in leaf or "embeddings" in leaf):
                p.copy_(0.5 * r)
            else:
                fan_in = p[0].numel()
                p.copy_(r * (1.4 / math.sqrt(fan_in)))


def round_weights(model, dtype):
    """Round every parameter to dtype; return the rounded tensors (the reference outputs are
    then computed from their float32 upcast, as a loader converting at load time sees them)."""
    saved = {}
    with torch.no_grad():
        for name, t in model.state_dict().items():
            r = t.to(dtype)
            saved[name] = r
            t.copy_(r.float())
    return saved


def make_pixels(height, width, generator):
    # A smooth picture plus noise, in the range of mean/std normalised pixels.
    yy, xx = torch.meshgrid(torch.linspace(-1, 1, height), torch.linspace(-1, 1, width), indexing="ij")
    base = torch.stack([torch.sin(3 * xx + 1), torch.cos(2 * yy - xx), xx * yy])
    noise = torch.randn(3, height, width, generator=generator)
    return (1.2 * base + 0.5 * noise).unsqueeze(0).float()


def hf_vit_config(model_type, architectures, hidden, layers, heads, intermediate, patch, image, labels):
    c = {
        "architectures": architectures,
        "attention_probs_dropout_prob": 0.0,
        "dtype": "float32",
        "encoder_stride": patch,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.0,
        "hidden_size": hidden,
        "image_size": image,
        "initializer_range": 0.02,
        "intermediate_size": intermediate,
        "layer_norm_eps": 1e-12,
        "model_type": model_type,
        "num_attention_heads": heads,
        "num_channels": 3,
        "num_hidden_layers": layers,
        "patch_size": patch,
        "pooler_act": "tanh",
        "pooler_output_size": hidden,
        "qkv_bias": True,
        "transformers_version": "5.17.0",
    }
    if labels:
        c["id2label"] = {str(i): f"label_{i}" for i in range(labels)}
        c["label2id"] = {f"label_{i}": i for i in range(labels)}
    return dict(sorted(c.items()))


def hf_dinov2_config(model_type, architectures, hidden, layers, heads, patch, image, swiglu, registers):
    c = {
        "apply_layernorm": True,
        "architectures": architectures,
        "attention_probs_dropout_prob": 0.0,
        "drop_path_rate": 0.0,
        "dtype": "float32",
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.0,
        "hidden_size": hidden,
        "image_size": image,
        "initializer_range": 0.02,
        "layer_norm_eps": 1e-06,
        "layerscale_value": 1.0,
        "mlp_ratio": 4,
        "model_type": model_type,
        "num_attention_heads": heads,
        "num_channels": 3,
        "num_hidden_layers": layers,
        "out_features": ["stage%d" % layers],
        "out_indices": [layers],
        "patch_size": patch,
        "qkv_bias": True,
        "reshape_hidden_states": True,
        "stage_names": ["stem"] + ["stage%d" % (i + 1) for i in range(layers)],
        "transformers_version": "5.17.0",
        "use_swiglu_ffn": swiglu,
    }
    if model_type == "dinov2":
        c["use_mask_token"] = True
    if registers:
        c["num_register_tokens"] = registers
    return dict(sorted(c.items()))


def vit_preprocessor(height, width):
    return {
        "do_normalize": True, "do_rescale": True, "do_resize": True,
        "image_mean": [0.5, 0.5, 0.5], "image_processor_type": "ViTImageProcessor",
        "image_std": [0.5, 0.5, 0.5], "resample": 2, "rescale_factor": 1 / 255,
        "size": {"height": height, "width": width},
    }


def dinov2_preprocessor(crop):
    return {
        "crop_size": {"height": crop, "width": crop}, "do_center_crop": True, "do_convert_rgb": True,
        "do_normalize": True, "do_rescale": True, "do_resize": True,
        "image_mean": [0.485, 0.456, 0.406], "image_processor_type": "BitImageProcessor",
        "image_std": [0.229, 0.224, 0.225], "resample": 3, "rescale_factor": 1 / 255,
        "size": {"shortest_edge": crop * 8 // 7},
    }


def timm_config(architecture, model_args, num_classes, input_size):
    if not isinstance(input_size, (list, tuple)):
        input_size = [input_size, input_size]
    return {
        "architecture": architecture,
        "num_classes": num_classes,
        "model_args": model_args,
        "pretrained_cfg": {
            "architecture": architecture,
            "input_size": [3, input_size[0], input_size[1]],
            "fixed_input_size": not model_args.get("dynamic_img_size", False),
            "interpolation": "bicubic",
            "crop_pct": 1.0,
            "crop_mode": "center",
            "mean": [0.5, 0.5, 0.5],
            "std": [0.5, 0.5, 0.5],
            "num_classes": num_classes,
            "pool_size": None,
            "first_conv": "patch_embed.proj",
            "classifier": ["head", "head_dist"] if "distilled" in architecture else "head",
        },
    }


FIXTURES = []


def fixture(fn):
    FIXTURES.append(fn)
    return fn


@fixture
def hf_deit_distilled():
    c = hf_vit_config("deit", ["DeiTForImageClassificationWithTeacher"], 48, 2, 4, 96, 8, 48, 7)
    return dict(
        family="transformers", cls="DeiTForImageClassificationWithTeacher", config=c,
        model=HfDeiTForImageClassificationWithTeacher(c), input=(40, 64), interpolate=True,
        preprocessor=vit_preprocessor(48, 48),
        notes="distillation token; logits = (cls_classifier(token 0) + distillation_classifier(token 1)) / 2; "
              "trained 48x48 (6x6 grid), run at 40x64 (5x8) with interpolate_pos_encoding=True: "
              "bicubic, align_corners=False, no antialias, the 2 prefix positions kept")


@fixture
def hf_deit_cls_f16():
    c = hf_vit_config("deit", ["DeiTForImageClassification"], 32, 3, 2, 64, 16, 64, 5)
    c["dtype"] = "float16"
    return dict(
        family="transformers", cls="DeiTForImageClassification", config=c,
        model=HfDeiTForImageClassification(c), input=(64, 64), interpolate=False, dtype=torch.float16,
        preprocessor=vit_preprocessor(64, 64),
        notes="F16 weights; distillation token present but unused by the head (logits from token 0); "
              "run at the training size")


@fixture
def hf_vit_model_dino():
    c = hf_vit_config("vit", ["ViTModel"], 48, 3, 3, 192, 8, 48, 0)
    return dict(
        family="transformers", cls="ViTModel", config=c, model=HfViTModel(c, pooler=True),
        input=(80, 80), interpolate=True, preprocessor=vit_preprocessor(48, 48),
        notes="facebook/dino-vits16 layout: keys without 'vit.' prefix, pooler.dense, no classifier; "
              "trained 48x48 (6x6), run at 80x80 (10x10) with interpolate_pos_encoding=True")


@fixture
def hf_dinov2():
    c = hf_dinov2_config("dinov2", ["Dinov2Model"], 48, 2, 3, 14, 56, False, 0)
    return dict(
        family="transformers", cls="Dinov2Model", config=c, model=Dinov2Model(c), input=(70, 42),
        preprocessor=dinov2_preprocessor(56),
        notes="layer scale, GELU MLP, embeddings.mask_token stored but unused; trained 56x56 (4x4), "
              "run at 70x42 (5x3): Dinov2 always interpolates a non-square input, bicubic in float32, "
              "align_corners=False, no antialias")


@fixture
def hf_dinov2_swiglu_bf16():
    c = hf_dinov2_config("dinov2", ["Dinov2Model"], 32, 2, 2, 14, 42, True, 0)
    c["dtype"] = "bfloat16"
    return dict(
        family="transformers", cls="Dinov2Model", config=c, model=Dinov2Model(c), input=(42, 42),
        dtype=torch.bfloat16, preprocessor=dinov2_preprocessor(42),
        notes="BF16 weights; use_swiglu_ffn: weights_in packs [x1 | x2] (hidden (int(128*2/3)+7)//8*8 = 88), "
              "silu(x1) * x2; run at the training size 42x42 (3x3)")


@fixture
def hf_dinov2_registers():
    c = hf_dinov2_config("dinov2_with_registers", ["Dinov2WithRegistersModel"], 48, 2, 4, 14, 56, False, 4)
    return dict(
        family="transformers", cls="Dinov2WithRegistersModel", config=c, model=Dinov2Model(c, registers=True),
        input=(84, 56), preprocessor=dinov2_preprocessor(56),
        notes="4 register tokens after cls (tokens: cls, reg x4, patches), position embedding added before the "
              "registers are inserted; trained 56x56 (4x4), run at 84x56 (6x4): bicubic with antialias=True")


@fixture
def timm_reg4_gap():
    args = dict(embed_dim=48, depth=2, num_heads=3, img_size=64, num_classes=6, dynamic_img_size=True)
    return dict(
        family="timm", architecture="vit_base_patch16_reg4_gap_256", model_args=args, input=(96, 64),
        notes="no class token, 4 reg tokens, no_embed_class (pos_embed only for patches), global_pool='avg' "
              "over patch tokens with fc_norm (so 'norm' is Identity and features are the last block's output); "
              "img 64 (4x4), run at 96x64 (6x4) via dynamic_img_size: resample_abs_pos_embed bicubic antialias")


@fixture
def timm_dinov2_reg4():
    args = dict(embed_dim=48, depth=2, num_heads=4, img_size=112, num_classes=5, dynamic_img_size=True)
    return dict(
        family="timm", architecture="vit_small_patch14_reg4_dinov2", model_args=args, input=(70, 56),
        notes="class token + 4 reg tokens, no_embed_class, layer scale (ls1/ls2.gamma); img 112 (8x8), "
              "run at 70x56 (5x4): antialiased bicubic downsampling of the position grid")


@fixture
def timm_giant_swiglu_bf16():
    args = dict(embed_dim=48, depth=2, num_heads=3, img_size=42, num_classes=4, dynamic_img_size=True)
    return dict(
        family="timm", architecture="vit_giant_patch14_dinov2", model_args=args, input=(56, 70),
        dtype=torch.bfloat16,
        notes="BF16 weights; SwiGLUPacked (GluMlp, gate_last=False): fc1 packs [x1 | x2], silu(x1) * x2, "
              "fc1 width int(48 * 2.66667 * 2) = 256, fc2 in 128; layer scale; class token with a position; "
              "img 42 (3x3), run at 56x70 (4x5)")


@fixture
def timm_deit_distilled():
    args = dict(embed_dim=48, depth=2, num_heads=3, img_size=64, num_classes=5, dynamic_img_size=True)
    return dict(
        family="timm", architecture="deit_tiny_distilled_patch16_224", model_args=args, input=(48, 80),
        notes="VisionTransformerDistilled: cls, dist_token, pos_embed with 2 prefix positions; inference "
              "logits = (head(token 0) + head_dist(token 1)) / 2; img 64 (4x4), run at 48x80 (3x5)")


@fixture
def timm_medium_gap():
    args = dict(embed_dim=32, depth=2, num_heads=2, img_size=64, num_classes=3)
    return dict(
        family="timm", architecture="vit_medium_patch16_gap_256", model_args=args, input=(64, 64),
        notes="no class token, qkv_bias=False (no attn.qkv.bias), layer scale, global_pool='avg' with "
              "fc_norm=False: final 'norm' on all tokens, then the mean of the patch tokens; fixed input size")


@fixture
def hf_dinov2_cls():
    c = hf_dinov2_config("dinov2", ["Dinov2ForImageClassification"], 32, 2, 2, 14, 42, False, 0)
    c["id2label"] = {str(i): f"label_{i}" for i in range(5)}
    c["label2id"] = {f"label_{i}": i for i in range(5)}
    c = dict(sorted(c.items()))
    return dict(
        family="transformers", cls="Dinov2ForImageClassification", config=c,
        model=Dinov2ForImageClassification(c), input=(56, 42), preprocessor=dinov2_preprocessor(42),
        notes="'dinov2.' prefix; classifier (K, 2D) on [cls, mean of patch tokens]; trained 42x42 (3x3), "
              "run at 56x42 (4x3), bicubic without antialias")


@fixture
def hf_dinov2_registers_cls():
    c = hf_dinov2_config("dinov2_with_registers", ["Dinov2WithRegistersForImageClassification"],
                         32, 2, 4, 14, 56, False, 2)
    c["id2label"] = {str(i): f"label_{i}" for i in range(3)}
    c["label2id"] = {f"label_{i}": i for i in range(3)}
    c = dict(sorted(c.items()))
    return dict(
        family="transformers", cls="Dinov2WithRegistersForImageClassification", config=c,
        model=Dinov2ForImageClassification(c, registers=True), input=(42, 42),
        preprocessor=dinov2_preprocessor(56),
        notes="'dinov2_with_registers.' prefix, 2 registers; classifier (K, 2D) on [cls, mean of the patch "
              "tokens after the registers]; trained 56x56 (4x4), run at 42x42 (3x3): antialiased bicubic "
              "downsampling")


@fixture
def timm_dinov2_headless():
    args = dict(embed_dim=32, depth=2, num_heads=2, img_size=56, num_classes=0, dynamic_img_size=True)
    return dict(
        family="timm", architecture="vit_small_patch14_dinov2", model_args=args, input=(42, 70),
        notes="num_classes=0 like the timm DINOv2 hub checkpoints: head is Identity, no head tensors, no "
              "logits; layer scale; class token with a position; img 56 (4x4), run at 42x70 (3x5)")


@fixture
def timm_nonsquare_train():
    args = dict(embed_dim=48, depth=2, num_heads=3, img_size=[48, 80], num_classes=4, dynamic_img_size=True)
    return dict(
        family="timm", architecture="vit_small_patch16_224", model_args=args, input=(64, 64),
        notes="trained on a non-square img_size [48, 80] (position grid 3x5), run at 64x64 (4x4): "
              "resample_abs_pos_embed from old_size (3, 5) to (4, 4), bicubic antialias")


@fixture
def hf_vit_cls_gelu_new():
    c = hf_vit_config("vit", ["ViTForImageClassification"], 48, 2, 4, 128, 16, 64, 6)
    c["hidden_act"] = "gelu_new"
    c["qkv_bias"] = False
    c["layer_norm_eps"] = 1e-06
    return dict(
        family="transformers", cls="ViTForImageClassification", config=c,
        model=HfViTForImageClassification(c), input=(96, 48), interpolate=True,
        preprocessor=vit_preprocessor(64, 64),
        notes="hidden_act gelu_new (tanh approximation), qkv_bias false (no query/key/value bias tensors), "
              "layer_norm_eps 1e-6; trained 64x64 (4x4), run at 96x48 (6x3) with interpolate_pos_encoding=True")


@fixture
def timm_cls_avg_f16():
    args = dict(embed_dim=32, depth=2, num_heads=4, img_size=48, num_classes=5, global_pool="avg",
                dynamic_img_size=True)
    return dict(
        family="timm", architecture="vit_tiny_patch16_224", model_args=args, input=(64, 48),
        dtype=torch.float16,
        notes="F16 weights; class token kept but global_pool='avg' (model_args): the mean of the patch "
              "tokens only, then fc_norm (so 'norm' is Identity); img 48 (3x3), run at 64x48 (4x3)")


@fixture
def timm_so150m_reg4_pos():
    args = dict(embed_dim=48, depth=2, num_heads=3, img_size=64, num_classes=5, dynamic_img_size=True)
    return dict(
        family="timm", architecture="vit_so150m_patch16_reg4_gap_256", model_args=args, input=(48, 80),
        notes="registers with positions: no class token, 4 reg tokens, no_embed_class False, so pos_embed has 4 "
              "prefix rows (one per register) before the grid; global_pool='avg' with fc_norm=False (final 'norm', "
              "then the mean of the patch tokens); MLP int(48 * 2.572) = 123; img 64 (4x4), run at 48x80 (3x5): "
              "resample_abs_pos_embed keeps the 4 prefix rows, bicubic antialias on the grid")


@fixture
def timm_so150m2_reg1_cls_pos():
    args = dict(embed_dim=48, depth=2, num_heads=4, img_size=48, num_classes=4, class_token=True,
                global_pool="token", dynamic_img_size=True)
    return dict(
        family="timm", architecture="vit_so150m2_patch16_reg1_gap_256", model_args=args, input=(64, 48),
        notes="class token and register both with positions (model_args class_token=True, global_pool='token' on "
              "vit_so150m2's reg_tokens=1, no_embed_class False): pos_embed rows [cls, reg, grid]; layer scale, "
              "qkv_bias=False; img 48 (3x3), run at 64x48 (4x3), the 2 prefix rows kept")


def build(spec):
    if spec["family"] == "timm":
        base = ARCHITECTURES[spec["architecture"]]
        return TimmVisionTransformer(**dict(base, **spec["model_args"]))
    return spec["model"]


def forward_reference(spec, model, pixels):
    if spec["family"] == "timm":
        out = model(pixels)
        logits = out["logits"][0] if out["logits"] is not None else None
        return out["features"][0], logits, out["attentions"]
    if isinstance(model, (Dinov2Model, Dinov2ForImageClassification)):
        out = model(pixels)  # Dinov2 has no switch: it interpolates whenever the size differs
    else:
        out = model(pixels, interpolate_pos_encoding=spec["interpolate"])
    logits = out["logits"][0] if "logits" in out else None
    return out["last_hidden_state"][0], logits, out["attentions"]


def run_reference(spec, model, pixels):
    with torch.no_grad():
        return forward_reference(spec, model, pixels)


def class_attribution(forward, pixels, layout):
    """Chefer, Gur & Wolf 2021 for ViT (hila-chefer/Transformer-MM-Explainability) by autograd, for
    the class of the smallest logit (not the prediction, so that the map is not merely the top
    class's). forward(pixels) gives (attentions [1, H, T, T] per layer, logits [K]). Returns
    (class, d logit / d attention probabilities [L, H, T, T], relevance [gh, gw]): R = I; per layer
    R = R + mean over heads of (grad * attn).clamp(min=0) @ R; the class token's row over the patch
    tokens, or without a class token the mean of the patch rows."""
    with torch.enable_grad():
        attentions, logits = forward(pixels)
        for a in attentions:
            a.retain_grad()
        k = int(torch.argmin(logits))
        logits[k].backward()
    gradients = torch.stack([a.grad[0] for a in attentions])  # (L, H, T, T)
    probs = torch.stack([a[0] for a in attentions]).detach()
    relevance = torch.eye(probs.shape[-1], dtype=torch.float64)
    for g, a in zip(gradients.double(), probs.double()):
        relevance = relevance + (g * a).clamp(min=0).mean(dim=0) @ relevance
    begin = layout["patch_begin"]
    if layout["cls"] >= 0:
        row = relevance[layout["cls"], begin:]
    else:
        row = relevance[begin:, begin:].mean(dim=0)
    return k, gradients, row.reshape(layout["grid_h"], layout["grid_w"]).float()


def write_attribution(folder, attribution):
    k, gradients, relevance = attribution
    save_npy(os.path.join(folder, "attention_gradients.npy"), gradients.numpy())
    save_npy(os.path.join(folder, "relevance.npy"), relevance.numpy())
    with open(os.path.join(folder, "attribution.json"), "w") as f:
        json.dump({"class_index": k,
                   "chosen_as": "arg-min logit",
                   "made_by": "tools/make_fixtures.py class_attribution (torch %s autograd)" % torch.__version__},
                  f, indent=1)
        f.write("\n")


def training_size(spec, config):
    size = spec["model_args"]["img_size"] if spec["family"] == "timm" else config["image_size"]
    return list(size) if isinstance(size, (list, tuple)) else [size, size]


def token_layout(spec, model, config, height, width):
    """Where each token sits, in vitscope::TokenLayout's terms."""
    if spec["family"] == "timm":
        args = dict(ARCHITECTURES[spec["architecture"]], **spec["model_args"])
        cls = 0 if args.get("class_token", True) else -1
        dist = 1 if args.get("distilled", False) else -1
        registers = args.get("reg_tokens", 0)
        patch = args["patch_size"]
    else:
        cls = 0
        dist = 1 if spec["cls"].startswith("DeiT") else -1
        registers = config.get("num_register_tokens", 0)
        patch = config["patch_size"]
    begin = (cls + 1) + (1 if dist >= 0 else 0)
    return {"cls": cls, "distillation": dist, "register_begin": begin if registers else -1,
            "registers": registers, "patch_begin": begin + registers,
            "grid_h": height // patch, "grid_w": width // patch}


def antialias_flipped(spec, model, pixels, attentions):
    """How far the attentions move when the position grid is resampled with the other antialias
    setting: shows that the fixture tells the two apart (None when nothing is resampled)."""
    calls = []

    def flipped(*args, **kwargs):
        calls.append(kwargs.get("antialias", False))
        kwargs["antialias"] = not kwargs.get("antialias", False)
        return interpolate(*args, **kwargs)

    interpolate = F.interpolate
    F.interpolate = flipped
    try:
        _, _, other = run_reference(spec, model, pixels)
    finally:
        F.interpolate = interpolate
    if not calls:
        return None
    return max(float((a - b).abs().max()) for a, b in zip(attentions, other))


def write_fixture(out_root, index, fn):
    spec = fn()
    name = fn.__name__
    generator = torch.Generator().manual_seed(1000 + index)
    model = build(spec).eval()
    perturb(model, generator)
    dtype = spec.get("dtype", torch.float32)
    saved = round_weights(model, dtype)
    h, w = spec["input"]
    pixels = make_pixels(h, w, generator)
    features, logits, attentions = run_reference(spec, model, pixels)
    flipped = antialias_flipped(spec, model, pixels, attentions)

    folder = os.path.join(out_root, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(os.path.join(folder, "model"))
    if spec["family"] == "timm":
        config = timm_config(spec["architecture"], spec["model_args"], spec["model_args"]["num_classes"],
                             spec["model_args"]["img_size"])
        write_safetensors(os.path.join(folder, "model", "model.safetensors"), saved)
    else:
        config = spec["config"]
        write_safetensors(os.path.join(folder, "model", "model.safetensors"), saved, {"format": "pt"})
        with open(os.path.join(folder, "model", "preprocessor_config.json"), "w") as f:
            json.dump(spec["preprocessor"], f, indent=2, sort_keys=True)
            f.write("\n")
    with open(os.path.join(folder, "model", "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")

    attn = torch.stack([a[0] for a in attentions])  # (L, H, T, T)
    save_npy(os.path.join(folder, "pixel_values.npy"), pixels.numpy())
    save_npy(os.path.join(folder, "attentions.npy"), attn.numpy())
    save_npy(os.path.join(folder, "features.npy"), features.numpy())
    if logits is not None:
        save_npy(os.path.join(folder, "logits.npy"), logits.numpy())

    layout = token_layout(spec, model, config, h, w)
    if logits is not None:
        def forward(p):
            _, out_logits, out_attentions = forward_reference(spec, model, p)
            return out_attentions, out_logits
        write_attribution(folder, class_attribution(forward, pixels, layout))

    meta = {
        "layout": layout,
        "made_by": "tools/make_fixtures.py (plain-PyTorch reimplementation, torch %s)" % torch.__version__,
        "family": spec["family"],
        "class": spec.get("cls", "VisionTransformerDistilled" if "distilled" in spec.get("architecture", "")
                          else "VisionTransformer"),
        "architecture": spec.get("architecture", config.get("architectures", [""])[0]),
        "weights_dtype": _NAMES[dtype],
        "input_size": [h, w],
        "training_size": training_size(spec, config),
        "tokens": int(attn.shape[-1]),
        "features": "last_hidden_state (after the final layernorm)" if spec["family"] != "timm"
                    else "forward_features (after 'norm'; Identity when fc_norm is used)",
        "notes": spec["notes"],
    }
    with open(os.path.join(folder, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    size = sum(os.path.getsize(os.path.join(r, x)) for r, _, xs in os.walk(folder) for x in xs)
    print(f"  {name}: {h}x{w}, tokens {attn.shape[-1]}, {_NAMES[dtype]}, {size / 1024:.0f} KiB")
    train = meta["training_size"]
    return {"name": name, "made": f"{meta['family']} `{meta['class']}`"
            + (f" (`{spec['architecture']}`)" if spec["family"] == "timm" else ""),
            "dtype": meta["weights_dtype"], "train": f"{train[0]}x{train[1]}", "run": f"{h}x{w}",
            "tokens": meta["tokens"], "notes": spec["notes"],
            "flipped": "-" if flipped is None else f"{flipped:.2g}"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(REPO, "tests", "data", "families"))
    parser.add_argument("--reference", default="/work/shared/reference")
    parser.add_argument("--real-out", default=os.path.join(REPO, "tests", "data"),
                        help="where the copies of the real fixtures get their attribution files")
    args = parser.parse_args()
    torch.set_num_threads(1)  # run-to-run identical reductions

    print("validation against the real fixtures (max abs diff):")
    results, attributions = validate(args.reference)
    worst = 0.0
    for fixture_name, diffs in results.items():
        for key, value in diffs.items():
            print(f"  {fixture_name}/{key}: {value:.3g}")
            worst = max(worst, value)
    if worst > TOLERANCE_VALIDATION:
        sys.exit(f"reimplementation disagrees with the reference libraries ({worst:.3g} > {TOLERANCE_VALIDATION})")

    for fixture_name, attribution in attributions.items():
        folder = os.path.join(args.real_out, fixture_name)
        print(f"  {folder}: attribution of class {attribution[0]}")
        write_attribution(folder, attribution)

    os.makedirs(args.out, exist_ok=True)
    print(f"writing fixtures to {args.out}:")
    rows = [write_fixture(args.out, index, fn) for index, fn in enumerate(FIXTURES)]
    write_readme(args.out, results, rows)


def write_readme(out, results, rows):
    lines = [
        "# Golden fixtures for more checkpoint families",
        "",
        "Written by `tools/make_fixtures.py` (do not edit by hand: rerun it with `/usr/bin/python3`).",
        "transformers and timm are not installed here, so the script reimplements their forward passes",
        "in plain PyTorch from the libraries' source (transformers 5.x `modeling_vit.py`,",
        "`modeling_deit.py`, `modeling_dinov2.py`, `modeling_dinov2_with_registers.py`; timm 1.0.29",
        "`vision_transformer.py`, `deit.py`, `layers/pos_embed.py`, `layers/mlp.py`, `layers/attention.py`",
        "with fused attention off), with the libraries' own module names, so `model.safetensors` has",
        "exactly the real checkpoint keys. Weights are random, every parameter perturbed.",
        "",
        "## Validation of the reimplementation",
        "",
        "Before writing, the script loads the two real fixtures of `/work/shared/reference` (made by",
        "transformers 5.17 and timm 1.0.29 themselves) into its reimplementation and compares. Max abs diff:",
        "",
        "| reference fixture | output | max abs diff |",
        "| --- | --- | --- |",
    ]
    for fixture_name, diffs in results.items():
        for key, value in diffs.items():
            lines.append(f"| {fixture_name} | {key} | {value:.2g} |")
    lines += [
        "",
        "Position-embedding interpolation (most fixtures below run at other sizes than they were made",
        "for) has no real fixture to check against; it follows each library's code as read and calls",
        "`F.interpolate` of this machine's torch %s exactly as the library calls it." % torch.__version__,
        "",
        "## Fixtures",
        "",
        "Each folder: `model/` (`config.json` in the library's own format, `model.safetensors`, and for",
        "transformers `preprocessor_config.json`), `pixel_values.npy` [1,3,H,W], `attentions.npy`",
        "[L,H,T,T] (softmax probabilities), `features.npy` [T,D] (transformers `last_hidden_state`, after",
        "the final layernorm; timm `forward_features`), `logits.npy` [K] when there is a classifier, and",
        "`meta.json` (what made it, the token layout, notes). F16/BF16 fixtures: outputs computed from the",
        "float32 upcast of the rounded weights.",
        "",
        "With a classifier, also the class attribution of the arg-min logit class (named in",
        "`attribution.json`): `attention_gradients.npy` [L,H,T,T], d logit / d attention probabilities by",
        "torch autograd, and `relevance.npy` [gh,gw], Chefer et al.'s relevance of the patches",
        "(`class_attribution` in the script). The script writes the same files next to the copies of the",
        "real fixtures, `tests/data/hf_vit_cls` and `tests/data/timm_vit_tiny`.",
        "",
        "'AA flipped' is how far the attentions move (max abs) when the position grid is resampled",
        "with the other antialias setting than the library's: far above the 1e-4 the tests allow.",
        "",
        "| folder | made as | weights | trained / run at | tokens | AA flipped | notes |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append("| {name} | {made} | {dtype} | {train} / {run} | {tokens} | {flipped} | {notes} |".format(**r))
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

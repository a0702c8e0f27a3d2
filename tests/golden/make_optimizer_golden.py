#!/usr/bin/python3
"""Golden steps for AttentionLab's optimiser (core/train/optimizer.h), from PyTorch itself.

Run with Debian's interpreter (python3-torch 1.13):
    /usr/bin/python3 tests/golden/make_optimizer_golden.py
Writes tests/golden/optimizer/steps.safetensors (F32) with, for three parameter tensors:
  param.{i}                       initial values
  grad.{t}.{i}                    the raw gradient of step t (t = 1..STEPS), before clipping
  lr.{t}                          the paper's learning rate for step t, shape [1]
  {variant}.norm.{t}              clip_grad_norm_'s returned norm at step t, shape [1]
  {variant}.param.{t}.{i}         the parameters after step t
for variants adam (no decay), adam_l2 (torch.optim.Adam, weight_decay) and adamw (torch.optim.AdamW).
"""
import math
import struct
import json
from pathlib import Path

import torch

OUT = Path(__file__).resolve().parent / "optimizer"
SHAPES = [(4, 3), (5,), (2, 2)]
STEPS, D_MODEL, WARMUP, SCALE, MAX_NORM, DECAY = 6, 16, 3, 2.0, 1.0, 0.05
VARIANTS = {"adam": (torch.optim.Adam, 0.0), "adam_l2": (torch.optim.Adam, DECAY), "adamw": (torch.optim.AdamW, DECAY)}


def paper_lr(step):
    return SCALE * D_MODEL ** -0.5 * min(step ** -0.5, step * WARMUP ** -1.5)


def save(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        data = tensors[name].detach().to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)
    path.write_bytes(struct.pack("<Q", len(head)) + head + b"".join(blobs))


def main():
    gen = torch.Generator().manual_seed(2024)
    out = {}
    init = [torch.randn(s, generator=gen) for s in SHAPES]
    # Gradients of varied size: some steps have a global norm above MAX_NORM (clipped), some below.
    grads = [[torch.randn(s, generator=gen) * (0.1 if t % 2 else 1.0) for s in SHAPES] for t in range(STEPS)]
    grads[2][1][0] = 1e-8                                       # a tiny gradient: ε matters
    for i, p in enumerate(init):
        out[f"param.{i}"] = p
    for t in range(STEPS):
        out[f"lr.{t + 1}"] = torch.tensor([paper_lr(t + 1)])
        for i, g in enumerate(grads[t]):
            out[f"grad.{t + 1}.{i}"] = g
    for variant, (cls, decay) in VARIANTS.items():
        params = [p.clone().requires_grad_() for p in init]
        opt = cls(params, lr=1.0, betas=(0.9, 0.98), eps=1e-9, weight_decay=decay)
        for t in range(STEPS):
            for p, g in zip(params, grads[t]):
                p.grad = g.clone()
            norm = torch.nn.utils.clip_grad_norm_(params, MAX_NORM)
            out[f"{variant}.norm.{t + 1}"] = norm.reshape(1)
            for group in opt.param_groups:
                group["lr"] = paper_lr(t + 1)
            opt.step()
            for i, p in enumerate(params):
                out[f"{variant}.param.{t + 1}.{i}"] = p.detach().clone()
    OUT.mkdir(exist_ok=True)
    save(OUT / "steps.safetensors", out)
    clipped = sum(out[f"adam.norm.{t + 1}"].item() > MAX_NORM for t in range(STEPS))
    print(f"{len(out)} tensors, {clipped} of {STEPS} steps clipped")


if __name__ == "__main__":
    main()

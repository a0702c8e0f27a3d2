#!/usr/bin/python3
"""Golden fixtures for backward through dropout: our seeded masks, PyTorch's autograd.

Run with Debian's interpreter (python3-torch 1.13, python3-numpy):
    /usr/bin/python3 tests/golden/make_dropout_golden.py
AttentionLab draws its dropout masks from its own generator (core/rng.h: SplitMix64 seeding
xoshiro256**; core/model/dropout.h: an entry is 0 when the top 24 bits of a draw are below
round(p * 2^24), else 1/(1 - p) in float32), one mask after another in the order the forward pass
runs: src_dropout [S, d], then per encoder layer dropout1, dropout2 [S, d], then tgt_dropout [T, d],
then per decoder layer dropout1, dropout2, dropout3 [T, d]. This script draws the same masks (the
C++ test checks them bit for bit against its trace), applies them in the float64 reference of
make_golden.py, and takes the loss and every gradient from autograd.

Where the masks sit, against nn.Transformer (which we tie to, below, with our masks put in):
  ours                          nn.Transformer(dropout=p)
  <layer>.dropout1/2/3          layer.dropout1/2/3: a sub-layer's output, before the residual sum
  src_dropout, tgt_dropout      not in nn.Transformer (the paper's dropout on embeddings + positions)
  (none)                        layer.dropout inside the FFN (between activation and linear2) and
                                the attention weights' dropout in MultiheadAttention (dropout_p)
so the module is run with dropout=0 and its layer.dropout<i> modules replaced by our masks.
Writes tests/golden/<case>/: config.json, weights.safetensors, inputs.json, labels.json (with
"dropout" p and "dropout_seed"), reference.safetensors (the forward with dropout),
gradients.safetensors, and dropout.safetensors (the masks, for the C++ test's check).
"""
import json
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_golden as mg  # noqa: E402

M64 = (1 << 64) - 1
CASES = {
    "dropout_postnorm_h2": dict(d_model=16, heads=2, d_ff=32, encoder_layers=2, decoder_layers=2,
                                src_vocab=13, tgt_vocab=11, norm_first=False, activation="relu",
                                positional_encoding="sinusoidal", scale_embedding=True, S=6, T=5,
                                pad_id=0, src_pad=1, tgt_pad=1, label_smoothing=0.1,
                                dropout=0.25, dropout_seed=20261124),
    "dropout_prenorm_h4": dict(d_model=16, heads=4, d_ff=24, encoder_layers=1, decoder_layers=2,
                               src_vocab=15, tgt_vocab=12, norm_first=True, activation="gelu",
                               positional_encoding="learned", scale_embedding=False, S=5, T=4,
                               label_smoothing=0.0, dropout=0.5, dropout_seed=7),
}


class Rng:
    """core/rng.h: xoshiro256** seeded through SplitMix64."""

    def __init__(self, seed):
        self.s = []
        for _ in range(4):
            seed = (seed + 0x9E3779B97F4A7C15) & M64
            z = seed
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
            self.s.append(z ^ (z >> 31))

    def next(self):
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & M64
        s = self.s
        result = (rotl((s[1] * 5) & M64, 7) * 9) & M64
        t = (s[1] << 17) & M64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result


def draw_masks(cfg):
    """Our masks, in the order Model::forward draws them (see the module docstring)."""
    p = np.float32(cfg["dropout"])
    drop_below = int(round(float(p) * 16777216.0))
    keep = np.float32(1.0) / (np.float32(1.0) - p)
    rng, d = Rng(cfg["dropout_seed"]), cfg["d_model"]

    def mask(rows):
        m = np.array([[0.0 if (rng.next() >> 40) < drop_below else keep for _ in range(d)]
                      for _ in range(rows)], dtype=np.float32)
        return torch.from_numpy(m).double()
    masks = {"src_dropout": mask(cfg["S"])}
    for l in range(cfg["encoder_layers"]):
        for i in (1, 2):
            masks[f"encoder.{l}.dropout{i}"] = mask(cfg["S"])
    masks["tgt_dropout"] = mask(cfg["T"])
    for l in range(cfg["decoder_layers"]):
        for i in (1, 2, 3):
            masks[f"decoder.{l}.dropout{i}"] = mask(cfg["T"])
    return masks


class GivenMask(nn.Module):
    """Stands in for nn.Dropout: multiplies by a fixed [len, d] mask (batch of one, batch_first False)."""

    def __init__(self, mask):
        super().__init__()
        self.mask = mask

    def forward(self, x):
        return x * self.mask.to(x.dtype)[:, None, :]


def check_module_with_masks(model, cfg, src, tgt, tr, labels, grads, masks):
    """nn.Transformer in float64 with our masks as its layer.dropout<i>: the same outputs (1e-10),
    loss and parameter gradients (embeddings excepted: the module is fed the dropped-out embeddings)."""
    m = mg.copy.deepcopy(model).double()
    for stack, name in ((m.encoder.layers, "encoder"), (m.decoder.layers, "decoder")):
        for l, layer in enumerate(stack):
            for i in (1, 2, 3):
                if hasattr(layer, f"dropout{i}"):
                    setattr(layer, f"dropout{i}", GivenMask(masks[f"{name}.{l}.dropout{i}"]))
            assert layer.dropout.p == 0.0                     # the FFN's inner dropout: not ours
            assert getattr(layer, "self_attn").dropout == 0.0  # nor the attention weights'
    got = mg.module_forward(m, tr["encoder.input"].detach(), tr["decoder.input"].detach(), cfg, src, tgt)
    for name, t in got.items():
        err = (t.detach() - tr[name]).abs().max().item()
        assert err <= 1e-10, f"{name}: max abs err {err:.3g}"
    loss = mg.loss_of(got["output.logits"], labels, cfg)
    assert abs(loss.item() - grads["output.loss"].item()) <= 1e-10
    loss.backward()
    for name, p in m.named_parameters():
        if "embed" not in name:
            err = (p.grad - grads["grad.param." + name]).abs().max().item()
            assert err <= 1e-10, f"grad.param.{name}: max abs err {err:.3g}"


def write_case(name, spec, seed):
    cfg = {**mg.BASE, **spec}
    gen = torch.Generator().manual_seed(seed)
    model = mg.build_model(cfg, gen)
    src, tgt = mg.make_inputs(cfg, gen)
    labels = mg.make_labels(cfg, gen, tgt)
    masks = draw_masks(cfg)
    tr, P = mg.reference_forward(model, cfg, src, tgt, masks)
    grads = mg.reference_gradients(tr, P, cfg, labels)
    check_module_with_masks(model, cfg, src, tgt, tr, labels, grads, masks)
    d = mg.OUT_DIR / name
    d.mkdir(exist_ok=True)
    (d / "config.json").write_text(json.dumps({k: cfg[k] for k in mg.CONFIG_KEYS}, indent=2) + "\n")
    (d / "inputs.json").write_text(json.dumps({"src_ids": src.tolist(), "tgt_ids": tgt.tolist()}) + "\n")
    (d / "labels.json").write_text(json.dumps({"labels": labels.tolist(), "label_smoothing": cfg["label_smoothing"],
                                               "dropout": cfg["dropout"], "dropout_seed": cfg["dropout_seed"]}) + "\n")
    for fname, tensors in (("weights.safetensors", model.state_dict()), ("reference.safetensors", tr),
                           ("gradients.safetensors", grads), ("dropout.safetensors", masks)):
        mg.save_safetensors(d / fname, tensors)
        mg.verify_roundtrip(d / fname, tensors)
    dropped = sum(int((m == 0).sum()) for m in masks.values())
    total = sum(m.numel() for m in masks.values())
    print(f"{name}: p {cfg['dropout']}, {len(masks)} masks, {dropped} of {total} entries dropped; "
          f"loss {grads['output.loss'].item():.6f}, {len(grads)} loss and gradients")


if __name__ == "__main__":
    for i, (case, spec) in enumerate(CASES.items()):
        write_case(case, spec, seed=4321 + i)

#!/usr/bin/python3
"""Generate AttentionLab golden fixtures from PyTorch's nn.Transformer.

Run with Debian's interpreter (python3-torch 1.13, python3-numpy):
    /usr/bin/python3 tests/golden/make_golden.py
Each case is written to tests/golden/<case>/ (see README.md for the layout), with the loss and
every gradient from PyTorch autograd (labels and label smoothing in labels.json).
"""
import copy
import json
import math
import struct
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

OUT_DIR = Path(__file__).resolve().parent
BASE = dict(layer_norm_eps=1e-5, max_len=16, final_norm=True, pad_id=-1,
            src_pad=0, tgt_pad=0)
CASES = {
    "postnorm_h2": dict(d_model=16, heads=2, d_ff=32, encoder_layers=2, decoder_layers=2,
                        src_vocab=13, tgt_vocab=11, norm_first=False, activation="relu",
                        positional_encoding="sinusoidal", scale_embedding=True, S=5, T=4,
                        label_smoothing=0.1),
    "prenorm_h4": dict(d_model=16, heads=4, d_ff=32, encoder_layers=2, decoder_layers=2,
                       src_vocab=15, tgt_vocab=12, norm_first=True, activation="gelu",
                       positional_encoding="sinusoidal", scale_embedding=True, S=6, T=3,
                       label_smoothing=0.0),
    "padding_h1": dict(d_model=8, heads=1, d_ff=16, encoder_layers=2, decoder_layers=2,
                       src_vocab=12, tgt_vocab=14, norm_first=False, activation="gelu",
                       positional_encoding="sinusoidal", scale_embedding=True, S=7, T=5,
                       pad_id=0, src_pad=2, tgt_pad=2, label_smoothing=0.1),
    "learned_pe_h8": dict(d_model=32, heads=8, d_ff=64, encoder_layers=1, decoder_layers=2,
                          src_vocab=17, tgt_vocab=20, norm_first=False, activation="relu",
                          positional_encoding="learned", scale_embedding=False, S=4, T=6,
                          label_smoothing=0.25),
    "nope": dict(d_model=8, heads=2, d_ff=16, encoder_layers=1, decoder_layers=1,
                 src_vocab=11, tgt_vocab=11, norm_first=True, activation="relu",
                 positional_encoding="none", scale_embedding=False, S=3, T=3,
                 label_smoothing=0.0),
}
CONFIG_KEYS = ["d_model", "heads", "d_ff", "encoder_layers", "decoder_layers", "src_vocab",
               "tgt_vocab", "max_len", "norm_first", "activation", "layer_norm_eps",
               "positional_encoding", "scale_embedding", "final_norm", "pad_id"]


# ----------------------------------------------------------------------------- model
def build_model(cfg, gen):
    """nn.Transformer plus embeddings/generator, every parameter randomised."""
    model = nn.Transformer(d_model=cfg["d_model"], nhead=cfg["heads"],
                           num_encoder_layers=cfg["encoder_layers"],
                           num_decoder_layers=cfg["decoder_layers"],
                           dim_feedforward=cfg["d_ff"], dropout=0.0,
                           activation=cfg["activation"], layer_norm_eps=cfg["layer_norm_eps"],
                           batch_first=False, norm_first=cfg["norm_first"])
    d = cfg["d_model"]
    model.src_embed = nn.Embedding(cfg["src_vocab"], d)
    model.tgt_embed = nn.Embedding(cfg["tgt_vocab"], d)
    model.generator = nn.Linear(d, cfg["tgt_vocab"])
    if cfg["positional_encoding"] == "learned":
        model.pos_embed = nn.Embedding(cfg["max_len"], d)
    with torch.no_grad():  # initialisation only; forward passes run with grad enabled
        for name, p in model.named_parameters():
            noise = torch.randn(p.shape, generator=gen)
            if "norm" in name and name.endswith("weight"):
                p.copy_(1.0 + 0.2 * noise)                    # LayerNorm gamma != 1
            elif name.endswith("bias"):
                p.copy_(0.2 * noise)                          # every bias != 0
            elif "embed" in name:
                p.copy_(0.5 * noise)
            else:
                p.copy_(noise / math.sqrt(p.shape[1]))        # weight matrix, fan-in scaled
    return model.eval()


def make_inputs(cfg, gen):
    """Random token ids; padding (if any) only at the end, never the first target token."""
    def ids(n, vocab, n_pad):
        low = 1 if cfg["pad_id"] == 0 else 0
        out = torch.randint(low, vocab, (n,), generator=gen)
        if n_pad:
            out[n - n_pad:] = cfg["pad_id"]
        return out
    return ids(cfg["S"], cfg["src_vocab"], cfg["src_pad"]), ids(cfg["T"], cfg["tgt_vocab"], cfg["tgt_pad"])


def make_labels(cfg, gen, tgt):
    """One label per target position (drawn after the inputs); padded positions get pad_id (ignored)."""
    labels = torch.randint(0, cfg["tgt_vocab"], (len(tgt),), generator=gen)
    if cfg["pad_id"] >= 0:
        labels[tgt == cfg["pad_id"]] = cfg["pad_id"]
    return labels


# ----------------------------------------------------------------------------- reference ops
def positional_encoding(cfg, n, P):
    d = cfg["d_model"]
    if cfg["positional_encoding"] == "learned":
        return P["pos_embed.weight"][:n]
    pe = torch.zeros(n, d, dtype=torch.float64)
    if cfg["positional_encoding"] == "sinusoidal":
        pos = torch.arange(n, dtype=torch.float64)[:, None]
        two_i = torch.arange(0, d, 2, dtype=torch.float64)
        angle = pos / torch.pow(10000.0, two_i / d)
        pe[:, 0::2] = torch.sin(angle)
        pe[:, 1::2] = torch.cos(angle)
    return pe.requires_grad_()                                # a constant, but its gradient is named too


def embed(ids, table, cfg):
    e = table[ids]
    return e * math.sqrt(cfg["d_model"]) if cfg["scale_embedding"] else e


def layer_norm(x, P, name, eps, tr=None, key=None):
    """Records the row mean and 1/sqrt(var + eps), [n, 1], as tr[key + "_mean"] / tr[key + "_rstd"]."""
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)            # biased variance, like PyTorch
    rstd = 1.0 / torch.sqrt(var + eps)
    if tr is not None:
        tr[key + "_mean"], tr[key + "_rstd"] = mean.detach(), rstd.detach()
    return (x - mean) * rstd * P[name + ".weight"] + P[name + ".bias"]


def activation(x, kind):
    if kind == "relu":
        return torch.clamp_min(x, 0.0)
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))     # exact (erf) GELU, F.gelu default


def softmax(x):
    e = torch.exp(x - x.max(-1, keepdim=True).values)        # -inf entries -> exp(-inf) = 0
    return e / e.sum(-1, keepdim=True)


def attention(tr, pre, xq, xkv, P, mod, heads, allowed):
    """Multi-head attention; records q,k,v,scores,scaled,weights,context,concat,output,mask."""
    d = xq.shape[-1]
    dk = d // heads
    W, b = P[mod + ".in_proj_weight"], P[mod + ".in_proj_bias"]
    split = lambda t: t.reshape(t.shape[0], heads, dk).transpose(0, 1)   # [S,d] -> [h,S,dk]
    q = split(xq @ W[:d].T + b[:d])
    k = split(xkv @ W[d:2 * d].T + b[d:2 * d])
    v = split(xkv @ W[2 * d:].T + b[2 * d:])
    scores = q @ k.transpose(-1, -2)
    scaled = (scores / math.sqrt(dk)).masked_fill(~allowed, float("-inf"))
    weights = softmax(scaled)
    context = weights @ v
    concat = context.transpose(0, 1).reshape(-1, d)
    output = concat @ P[mod + ".out_proj.weight"].T + P[mod + ".out_proj.bias"]
    tr.update({f"{pre}.{n}": t for n, t in dict(
        q=q, k=k, v=v, scores=scores, scaled=scaled, weights=weights, context=context,
        concat=concat, output=output, mask=allowed.double()).items()})
    return output


def ffn(tr, pre, x, P, mod, kind):
    tr[pre + ".ffn.pre_activation"] = pre_act = x @ P[mod + ".linear1.weight"].T + P[mod + ".linear1.bias"]
    hidden = activation(pre_act, kind)
    output = hidden @ P[mod + ".linear2.weight"].T + P[mod + ".linear2.bias"]
    tr[pre + ".ffn.hidden"], tr[pre + ".ffn.output"] = hidden, output
    return output


def residual_block(tr, pre, i, x, sublayer, P, mod, cfg, drop=None):
    """One sub-layer with its residual + LayerNorm i (post-norm or pre-norm). With `drop` (a dict of
    dropout masks, make_dropout_golden.py), the sub-layer's output is multiplied by drop[pre.dropout<i>]
    before the residual sum: nn.Transformer's layer.dropout<i>."""
    norm = lambda t: layer_norm(t, P, f"{mod}.norm{i}", cfg["layer_norm_eps"], tr, f"{pre}.norm{i}")
    if drop is not None:
        inner = sublayer
        sublayer = lambda h: inner(h) * drop[f"{pre}.dropout{i}"]
    if cfg["norm_first"]:
        tr[f"{pre}.norm{i}"] = normed = norm(x)
        out = x + sublayer(normed)
    else:
        tr[f"{pre}.residual{i}"] = summed = x + sublayer(x)   # what post-norm LayerNorm i normalises
        out = tr[f"{pre}.norm{i}"] = norm(summed)
    tr[f"{pre}.add_norm{i}"] = out
    return out


def encoder_layer(tr, l, x, P, cfg, src_allowed, drop=None):
    pre, mod = f"encoder.{l}", f"encoder.layers.{l}"
    x = residual_block(tr, pre, 1, x, lambda h: attention(
        tr, pre + ".self_attn", h, h, P, mod + ".self_attn", cfg["heads"], src_allowed), P, mod, cfg, drop)
    x = residual_block(tr, pre, 2, x, lambda h: ffn(tr, pre, h, P, mod, cfg["activation"]), P, mod, cfg, drop)
    tr[pre + ".output"] = x
    return x


def decoder_layer(tr, l, x, memory, P, cfg, self_allowed, cross_allowed, drop=None):
    pre, mod = f"decoder.{l}", f"decoder.layers.{l}"
    x = residual_block(tr, pre, 1, x, lambda h: attention(
        tr, pre + ".self_attn", h, h, P, mod + ".self_attn", cfg["heads"], self_allowed), P, mod, cfg, drop)
    x = residual_block(tr, pre, 2, x, lambda h: attention(
        tr, pre + ".cross_attn", h, memory, P, mod + ".multihead_attn", cfg["heads"], cross_allowed),
        P, mod, cfg, drop)
    x = residual_block(tr, pre, 3, x, lambda h: ffn(tr, pre, h, P, mod, cfg["activation"]), P, mod, cfg, drop)
    tr[pre + ".output"] = x
    return x


def allowed_masks(cfg, src, tgt):
    """Boolean [Tq,Tk] masks, True where attention is allowed."""
    S, T = len(src), len(tgt)
    src_ok, tgt_ok = src != cfg["pad_id"], tgt != cfg["pad_id"]
    causal = torch.ones(T, T, dtype=torch.bool).tril()
    return src_ok.expand(S, S), causal & tgt_ok.expand(T, T), src_ok.expand(T, S)


def reference_forward(model, cfg, src, tgt, drop=None):
    """Float64 forward pass that records every intermediate under its trace name. `drop`: dropout
    masks (src_dropout, tgt_dropout on the embedding sums, <layer>.dropout<i> on the sub-layers)."""
    P = {k: v.detach().double().requires_grad_() for k, v in model.state_dict().items()}
    enc_ok, dec_ok, cross_ok = allowed_masks(cfg, src, tgt)
    mask = lambda name: drop[name] if drop is not None else 1.0
    tr = {}
    tr["input.src_embedding"] = embed(src, P["src_embed.weight"], cfg)
    tr["input.positional_encoding"] = positional_encoding(cfg, len(src), P)
    x = tr["encoder.input"] = (tr["input.src_embedding"] + tr["input.positional_encoding"]) * mask("src_dropout")
    for l in range(cfg["encoder_layers"]):
        x = encoder_layer(tr, l, x, P, cfg, enc_ok, drop)
    memory = tr["encoder.output"] = layer_norm(x, P, "encoder.norm", cfg["layer_norm_eps"], tr, "encoder.norm")
    tr["input.tgt_embedding"] = embed(tgt, P["tgt_embed.weight"], cfg)
    tr["input.tgt_positional_encoding"] = positional_encoding(cfg, len(tgt), P)
    y = tr["decoder.input"] = (tr["input.tgt_embedding"] + tr["input.tgt_positional_encoding"]) * mask("tgt_dropout")
    for l in range(cfg["decoder_layers"]):
        y = decoder_layer(tr, l, y, memory, P, cfg, dec_ok, cross_ok, drop)
    y = tr["decoder.output"] = layer_norm(y, P, "decoder.norm", cfg["layer_norm_eps"], tr, "decoder.norm")
    tr["output.logits"] = y @ P["generator.weight"].T + P["generator.bias"]
    tr["output.probs"] = softmax(tr["output.logits"])
    return tr, P


def loss_of(logits, labels, cfg):
    return F.cross_entropy(logits, labels, ignore_index=cfg["pad_id"], label_smoothing=cfg["label_smoothing"])


def reference_gradients(tr, P, cfg, labels):
    """Autograd through the float64 reference: output.loss, grad.<trace name>, grad.param.<name>.
    Masks, probs and the LayerNorm statistics are not on the loss's path and have no gradient."""
    for t in tr.values():
        if t.requires_grad:
            t.retain_grad()
    loss = loss_of(tr["output.logits"], labels, cfg)
    loss.backward()
    grads = {"output.loss": loss.detach()}
    skipped = lambda n: n.endswith((".mask", "_mean", "_rstd")) or n == "output.probs"
    for name, t in tr.items():
        assert skipped(name) or t.grad is not None, name
        if not skipped(name):
            grads["grad." + name] = t.grad
    grads.update({"grad.param." + n: p.grad for n, p in P.items()})
    return grads


# ----------------------------------------------------------------------------- PyTorch check
def _forbid(*_args, **_kwargs):
    raise AssertionError("PyTorch fast path was taken")


def module_forward(model, src_in, tgt_in, cfg, src, tgt):
    """Run the real nn.Transformer (grad enabled, fast-path kernels booby-trapped)."""
    pad = lambda ids: (ids == cfg["pad_id"])[None, :] if cfg["pad_id"] >= 0 else None
    saved = {n: getattr(torch, n) for n in ("_transformer_encoder_layer_fwd",
                                            "_native_multi_head_attention", "_nested_tensor_from_mask")}
    for n in saved:
        setattr(torch, n, _forbid)
    try:
        assert torch.is_grad_enabled()
        dtype = next(model.parameters()).dtype
        s, t = src_in.to(dtype)[:, None, :], tgt_in.to(dtype)[:, None, :]   # [len, batch=1, d]
        causal = nn.Transformer.generate_square_subsequent_mask(len(tgt)).to(dtype)
        memory = model.encoder(s, src_key_padding_mask=pad(src))
        out = model(s, t, tgt_mask=causal, src_key_padding_mask=pad(src),
                    tgt_key_padding_mask=pad(tgt), memory_key_padding_mask=pad(src))
        assert out.requires_grad                               # the autograd (slow) path ran
        logits = model.generator(out)
    finally:
        for n, f in saved.items():
            setattr(torch, n, f)
    return {"encoder.output": memory[:, 0], "decoder.output": out[:, 0], "output.logits": logits[:, 0]}


def check_against_module(model, cfg, src, tgt, tr, labels, grads):
    """Tie the reference trace to nn.Transformer in float32 (1e-5) and float64 (1e-10), and the
    reference's parameter gradients to the module's own autograd in float64 (embeddings excepted:
    the module is fed the embedded inputs)."""
    for m, tol in ((model, 1e-5), (copy.deepcopy(model).double(), 1e-10)):
        got = module_forward(m, tr["encoder.input"].detach(), tr["decoder.input"].detach(), cfg, src, tgt)
        for name, t in got.items():
            err = (t.detach().double() - tr[name]).abs().max().item()
            assert err <= tol, f"{name}: max abs err {err:.3g} > {tol} ({t.dtype})"
        if m is not model:
            loss = loss_of(got["output.logits"], labels, cfg)
            assert abs(loss.item() - grads["output.loss"].item()) <= 1e-10
            loss.backward()
            for name, p in m.named_parameters():
                if "embed" not in name:
                    err = (p.grad - grads["grad.param." + name]).abs().max().item()
                    assert err <= 1e-10, f"grad.param.{name}: max abs err {err:.3g}"


# ----------------------------------------------------------------------------- I/O
def save_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        data = tensors[name].detach().to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)                           # pad so the data is 8-byte aligned
    path.write_bytes(struct.pack("<Q", len(head)) + head + b"".join(blobs))


def load_safetensors(path):
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out, expected = {}, 0
    for name in sorted(header):
        info = header[name]
        b, e = info["data_offsets"]
        assert info["dtype"] == "F32" and b == expected, name  # contiguous, in key order
        out[name] = np.frombuffer(raw[8 + n + b:8 + n + e], dtype="<f4").reshape(info["shape"])
        expected = e
    assert 8 + n + expected == len(raw)
    return out


def verify_roundtrip(path, tensors):
    loaded = load_safetensors(path)
    assert set(loaded) == set(tensors), path
    for name, t in tensors.items():
        assert np.array_equal(loaded[name], t.detach().to(torch.float32).numpy()), f"{path}:{name}"


def write_case(name, spec, seed):
    cfg = {**BASE, **spec}
    gen = torch.Generator().manual_seed(seed)
    model = build_model(cfg, gen)
    src, tgt = make_inputs(cfg, gen)
    labels = make_labels(cfg, gen, tgt)
    tr, P = reference_forward(model, cfg, src, tgt)
    grads = reference_gradients(tr, P, cfg, labels)
    check_against_module(model, cfg, src, tgt, tr, labels, grads)
    d = OUT_DIR / name
    d.mkdir(exist_ok=True)
    (d / "config.json").write_text(json.dumps({k: cfg[k] for k in CONFIG_KEYS}, indent=2) + "\n")
    (d / "inputs.json").write_text(json.dumps({"src_ids": src.tolist(), "tgt_ids": tgt.tolist()}) + "\n")
    (d / "labels.json").write_text(json.dumps({"labels": labels.tolist(),
                                               "label_smoothing": cfg["label_smoothing"]}) + "\n")
    weights = model.state_dict()
    for fname, tensors in (("weights.safetensors", weights), ("reference.safetensors", tr),
                           ("gradients.safetensors", grads)):
        save_safetensors(d / fname, tensors)
        verify_roundtrip(d / fname, tensors)
    sizes = ", ".join(f"{f.name} {f.stat().st_size}" for f in sorted(d.iterdir()))
    print(f"{name}: {len(weights)} weights, {len(tr)} trace tensors, {len(grads)} loss and gradients; {sizes}")


if __name__ == "__main__":
    for i, (case, spec) in enumerate(CASES.items()):
        write_case(case, spec, seed=1234 + i)

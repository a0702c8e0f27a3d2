#!/usr/bin/python3
"""Run a PyTorch nn.Transformer with forward hooks and write an AttentionLab trace folder.

The folder (index.json + one float32 .npy per tensor, AttentionLab's tensor names) is what
`attention-lab trace` writes, so `attention-lab compare OURS THEIRS` (or the debugger) finds the
first tensor where a port diverges from PyTorch.

    /usr/bin/python3 scripts/torch_trace.py --config config.json --weights model.safetensors \
        --src-ids 4,5,6 [--tgt-ids 1,7] --out torch_run
    /usr/bin/python3 scripts/torch_trace.py --module my_model.py --src-ids 4,5,6 --tgt-ids 1,7 --out torch_run

--config/--weights: AttentionLab's config JSON and a safetensors file with nn.Transformer's
state_dict names plus src_embed.weight, tgt_embed.weight, generator.weight/.bias (and
pos_embed.weight for learned positions), as README.md "Your own PyTorch model" describes.
--module FILE.py: a file defining build_model() that returns (model, config): an nn.Transformer
carrying src_embed, tgt_embed, generator (and pos_embed) attributes, and a dict with the config keys
(at least scale_embedding, positional_encoding, pad_id).

What is captured and how: every module output is taken from a forward hook (embeddings, each
LayerNorm's input and output, linear1, linear2, each layer, the final norms, the generator).
MultiheadAttention keeps q, k, v and the scores inside one call, so its forward is wrapped to ask for
per-head weights (need_weights=True, average_attn_weights=False); q, k, v are the module's in_proj
applied to the inputs it received, scores = q·kᵀ, scaled = scores/√d_k with −inf where the mask it
received forbids, weights are the module's own, context = weights·v, concat joins the heads, and
output is the module's own output. LayerNorm means and 1/σ are computed from each norm's input.
Needs Debian's python3-torch and python3-numpy (run with /usr/bin/python3).
"""
import argparse
import importlib.util
import json
import math
import os
import shutil
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

MARKER = ".attention-lab"  # the owner marker attention-lab writes into its output folders


# ----------------------------------------------------------------------------- model from files
def read_safetensors(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        b, e = info["data_offsets"]
        buf = raw[8 + n + b:8 + n + e]
        if info["dtype"] == "F32":
            a = np.frombuffer(buf, dtype="<f4")
        elif info["dtype"] == "F16":
            a = np.frombuffer(buf, dtype="<f2").astype(np.float32)
        elif info["dtype"] == "BF16":
            a = (np.frombuffer(buf, dtype="<u2").astype(np.uint32) << 16).view(np.float32)
        else:
            raise ValueError(f"{path}: tensor {name} has dtype {info['dtype']} (F32, F16 or BF16 expected)")
        out[name] = torch.from_numpy(a.reshape(info["shape"]).copy())
    return out


def build_from_files(config_path, weights_path):
    cfg = json.load(open(config_path))
    d, heads = cfg["d_model"], cfg["heads"]
    if cfg.get("d_k", 0) not in (0, d // heads):
        raise ValueError("nn.Transformer needs d_k = d_model / heads")
    model = nn.Transformer(d_model=d, nhead=heads, num_encoder_layers=cfg["encoder_layers"],
                           num_decoder_layers=cfg["decoder_layers"], dim_feedforward=cfg["d_ff"],
                           dropout=0.0, activation=cfg.get("activation", "relu"),
                           layer_norm_eps=cfg.get("layer_norm_eps", 1e-5), batch_first=False,
                           norm_first=cfg.get("norm_first", False))
    model.src_embed = nn.Embedding(cfg["src_vocab"], d)
    model.tgt_embed = nn.Embedding(cfg["tgt_vocab"], d)
    model.generator = nn.Linear(d, cfg["tgt_vocab"])
    if cfg.get("positional_encoding", "sinusoidal") == "learned":
        model.pos_embed = nn.Embedding(cfg["max_len"], d)
    if not cfg.get("final_norm", True):
        model.encoder.norm = None
        model.decoder.norm = None
    state = read_safetensors(weights_path)
    missing = [k for k in model.state_dict() if k not in state]
    if missing:
        raise ValueError(f"{weights_path}: no tensor {missing[0]}")
    model.load_state_dict({k: state[k] for k in model.state_dict()})
    return model.eval(), cfg


def build_from_module(path):
    spec = importlib.util.spec_from_file_location("user_model", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    model, cfg = mod.build_model()
    return model.eval(), cfg


# ----------------------------------------------------------------------------- capture
def ln_stats(x, eps):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return mean, 1.0 / torch.sqrt(var + eps)


def allowed_mask(tq, tk, attn_mask, key_padding_mask):
    """1 where the module let a query attend to a key, from the masks it was given."""
    ok = torch.ones(tq, tk, dtype=torch.bool)
    if attn_mask is not None:
        ok &= ~attn_mask if attn_mask.dtype == torch.bool else torch.isfinite(attn_mask)
    if key_padding_mask is not None:
        kpm = key_padding_mask[0]
        ok &= (~kpm if kpm.dtype == torch.bool else torch.isfinite(kpm))[None, :]
    return ok


def wrap_attention(mha, prefix, rec):
    original = mha.forward

    def forward(query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
                average_attn_weights=True, **kw):
        out, w = original(query, key, value, key_padding_mask=key_padding_mask, need_weights=True,
                          attn_mask=attn_mask, average_attn_weights=False, **kw)
        d, h = mha.embed_dim, mha.num_heads
        dk = d // h
        W, b = mha.in_proj_weight, mha.in_proj_bias
        split = lambda t: t.reshape(t.shape[0], h, dk).transpose(0, 1)  # [T, d] -> [h, T, dk]
        q = split(nn.functional.linear(query[:, 0], W[:d], b[:d]))
        k = split(nn.functional.linear(key[:, 0], W[d:2 * d], b[d:2 * d]))
        v = split(nn.functional.linear(value[:, 0], W[2 * d:], b[2 * d:]))
        ok = allowed_mask(q.shape[1], k.shape[1], attn_mask, key_padding_mask)
        scores = q @ k.transpose(-1, -2)
        weights = w[0]
        context = weights @ v
        rec.update({prefix + n: t for n, t in dict(
            q=q, k=k, v=v, scores=scores, scaled=(scores / math.sqrt(dk)).masked_fill(~ok, float("-inf")),
            mask=ok.float(), weights=weights, context=context,
            concat=context.transpose(0, 1).reshape(-1, d), output=out[:, 0]).items()})
        return out, (w.mean(1) if average_attn_weights else w) if need_weights else None

    mha.forward = forward


def hook_layer(layer, prefix, count, norm_first, rec):
    """Hooks on one encoder (count 2) or decoder (count 3) layer."""
    def on(module, fn):
        module.register_forward_hook(lambda m, inputs, output: fn(inputs[0][:, 0], output[:, 0]))

    for i in range(1, count + 1):
        norm = getattr(layer, f"norm{i}")

        def record(x, y, i=i, eps=norm.eps):
            rec[f"{prefix}norm{i}_mean"], rec[f"{prefix}norm{i}_rstd"] = ln_stats(x, eps)
            rec[f"{prefix}norm{i}"] = y
            if norm_first:  # the stream entering LayerNorm i is the previous sub-layer's sum
                if i > 1:
                    rec[f"{prefix}add_norm{i - 1}"] = x
            else:           # post-norm: LayerNorm i normalises x + sublayer(x)
                rec[f"{prefix}residual{i}"] = x
                rec[f"{prefix}add_norm{i}"] = y
        on(norm, record)
    on(layer.linear1, lambda x, y: rec.__setitem__(prefix + "ffn.pre_activation", y))
    on(layer.linear2, lambda x, y: rec.update({prefix + "ffn.hidden": x, prefix + "ffn.output": y}))

    def layer_out(x, y):
        rec[prefix + "output"] = y
        if norm_first:
            rec[f"{prefix}add_norm{count}"] = y
    on(layer, layer_out)
    wrap_attention(layer.self_attn, prefix + "self_attn.", rec)
    if count == 3:
        wrap_attention(layer.multihead_attn, prefix + "cross_attn.", rec)


def positions(cfg, model, n, d):
    kind = cfg.get("positional_encoding", "sinusoidal")
    if kind == "learned":
        return model.pos_embed(torch.arange(n))
    pe = torch.zeros(n, d)
    if kind == "sinusoidal":
        pos = torch.arange(n, dtype=torch.float64)[:, None]
        angle = pos / torch.pow(10000.0, torch.arange(0, d, 2, dtype=torch.float64) / d)
        pe[:, 0::2], pe[:, 1::2] = torch.sin(angle).float(), torch.cos(angle).float()
    return pe


def trace(model, cfg, src_ids, tgt_ids):
    """Runs the model once with hooks; returns {name: numpy float32 array} in AttentionLab's names."""
    rec = {}
    norm_first = model.encoder.layers[0].norm_first if len(model.encoder.layers) else cfg.get("norm_first", False)
    for l, layer in enumerate(model.encoder.layers):
        hook_layer(layer, f"encoder.{l}.", 2, norm_first, rec)
    for l, layer in enumerate(model.decoder.layers):
        hook_layer(layer, f"decoder.{l}.", 3, norm_first, rec)
    for stack in ("encoder", "decoder"):
        norm = getattr(model, stack).norm
        if norm is not None:
            def final(m, inputs, output, stack=stack, eps=norm.eps):
                rec[stack + ".norm_mean"], rec[stack + ".norm_rstd"] = ln_stats(inputs[0][:, 0], eps)
            norm.register_forward_hook(final)

    d = model.encoder.layers[0].self_attn.embed_dim
    scale = math.sqrt(d) if cfg.get("scale_embedding", True) else 1.0
    pad = cfg.get("pad_id", -1)
    src, tgt = torch.tensor(src_ids), torch.tensor(tgt_ids)
    padding = lambda ids: (ids == pad)[None, :] if pad >= 0 else None
    with torch.enable_grad():  # the autograd path: PyTorch's fused fast path would skip the hooks
        rec["input.src_embedding"] = model.src_embed(src) * scale
        rec["input.positional_encoding"] = positions(cfg, model, len(src_ids), d)
        x = rec["encoder.input"] = rec["input.src_embedding"] + rec["input.positional_encoding"]
        memory = model.encoder(x[:, None, :], src_key_padding_mask=padding(src))
        rec["encoder.output"] = memory[:, 0]
        if tgt_ids:
            rec["input.tgt_embedding"] = model.tgt_embed(tgt) * scale
            rec["input.tgt_positional_encoding"] = positions(cfg, model, len(tgt_ids), d)
            y = rec["decoder.input"] = rec["input.tgt_embedding"] + rec["input.tgt_positional_encoding"]
            causal = torch.ones(len(tgt_ids), len(tgt_ids), dtype=torch.bool).triu(1)  # True = may not attend
            out = model.decoder(y[:, None, :], memory, tgt_mask=causal, tgt_key_padding_mask=padding(tgt),
                                memory_key_padding_mask=padding(src))
            rec["decoder.output"] = out[:, 0]
            rec["output.logits"] = model.generator(out[:, 0])
            rec["output.probs"] = torch.softmax(rec["output.logits"], -1)
    return {n: t.detach().to(torch.float32).numpy() for n, t in rec.items()}


# ----------------------------------------------------------------------------- the folder
def write_folder(tensors, out, src_tokens, tgt_tokens):
    """Writes out/ whole or not at all; replaces only an empty folder or one attention-lab wrote."""
    if os.path.lexists(out) and (not os.path.isdir(out) or (os.listdir(out) and not os.path.exists(os.path.join(out, MARKER)))):
        raise ValueError(f"{out} exists and was not written by attention-lab: choose another --out")
    staging = f"{out}.tmp-{os.getpid()}"
    os.makedirs(staging)
    try:
        entries = []
        for name, a in tensors.items():
            np.save(os.path.join(staging, name + ".npy"), np.ascontiguousarray(a, dtype="<f4"))
            entries.append({"name": name, "shape": list(a.shape), "file": name + ".npy"})
        with open(os.path.join(staging, "index.json"), "w") as f:
            json.dump({"tensors": entries, "src_tokens": src_tokens, "tgt_tokens": tgt_tokens}, f, indent=1)
        with open(os.path.join(staging, MARKER), "w") as f:
            f.write("This folder was written by attention-lab, which may replace it on the next run.\n")
        if os.path.isdir(out):
            shutil.rmtree(out)
        os.rename(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def ids(text):
    try:
        return [int(s) for s in text.split(",")] if text else []
    except ValueError:
        raise ValueError(f"\"{text}\" is not a comma-separated list of token ids")


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--config")
    p.add_argument("--weights")
    p.add_argument("--module")
    p.add_argument("--vocab", help="one token per line, to label the tokens in index.json")
    p.add_argument("--src-ids", required=True)
    p.add_argument("--tgt-ids", default="")
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    try:
        if a.module and (a.config or a.weights) or not a.module and not (a.config and a.weights):
            raise ValueError("give --config and --weights, or --module FILE.py")
        model, cfg = build_from_module(a.module) if a.module else build_from_files(a.config, a.weights)
        src, tgt = ids(a.src_ids), ids(a.tgt_ids)
        vocab = open(a.vocab, encoding="utf-8").read().split("\n") if a.vocab else None
        label = lambda seq: [vocab[i] if vocab and i < len(vocab) else str(i) for i in seq]
        tensors = trace(model, cfg, src, tgt)
        write_folder(tensors, a.out, label(src), label(tgt))
    except (ValueError, OSError, KeyError, RuntimeError, IndexError) as e:
        print(f"torch_trace.py: {e}", file=sys.stderr)
        return 1
    print(f"wrote {len(tensors)} tensors to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

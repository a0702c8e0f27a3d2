#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz harness (tests/fuzz/corpus/<reader>/): valid inputs to start
from, and a reproducer of each crash or silent acceptance found in issue 7 (files named issue7-*).
Run from anywhere: python3 tests/fuzz/make_corpus.py. Inputs libFuzzer finds later are added as files
named crash-<what> next to these, by hand, after the bug is fixed."""
import json
import os
import struct

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def put(reader, name, data):
    folder = os.path.join(HERE, reader)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def safetensors(tensors, header_extra=None, data_extra=b"", raw_header=None):
    """tensors: list of (name, shape, floats); F32, offsets back to back, header padded to 8 bytes."""
    header, data = {}, b""
    for name, shape, values in tensors:
        blob = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(data), len(data) + len(blob)]}
        data += blob
    if header_extra:
        header.update(header_extra)
    text = raw_header if raw_header is not None else json.dumps(header, separators=(",", ":"))
    text += " " * ((8 - (8 + len(text)) % 8) % 8)
    return struct.pack("<Q", len(text)) + text.encode() + data + data_extra


def npy(shape_text, floats):
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': %s, }" % shape_text
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + b"\0" * (4 * floats)


TINY = {"d_model": 4, "heads": 2, "d_ff": 8, "encoder_layers": 1, "decoder_layers": 1,
        "src_vocab": 6, "tgt_vocab": 6, "max_len": 8}


def model_tensors(c):
    """Every tensor of a config (as core/weights.cpp names them), with small distinct values."""
    d, f, p = c["d_model"], c["d_ff"], c.get("proj", c["d_model"])
    shapes = [("src_embed.weight", [c["src_vocab"], d]), ("tgt_embed.weight", [c["tgt_vocab"], d])]

    def mha(prefix):
        return [(prefix + ".in_proj_weight", [3 * p, d]), (prefix + ".in_proj_bias", [3 * p]),
                (prefix + ".out_proj.weight", [d, p]), (prefix + ".out_proj.bias", [d])]

    def lin(prefix, o, i):
        return [(prefix + ".weight", [o, i]), (prefix + ".bias", [o])]

    def norm(prefix):
        return [(prefix + ".weight", [d]), (prefix + ".bias", [d])]

    shapes += mha("encoder.layers.0.self_attn") + lin("encoder.layers.0.linear1", f, d)
    shapes += lin("encoder.layers.0.linear2", d, f) + norm("encoder.layers.0.norm1") + norm("encoder.layers.0.norm2")
    shapes += norm("encoder.norm")
    shapes += mha("decoder.layers.0.self_attn") + mha("decoder.layers.0.multihead_attn")
    shapes += lin("decoder.layers.0.linear1", f, d) + lin("decoder.layers.0.linear2", d, f)
    shapes += norm("decoder.layers.0.norm1") + norm("decoder.layers.0.norm2") + norm("decoder.layers.0.norm3")
    shapes += norm("decoder.norm") + lin("generator", c["tgt_vocab"], d)
    out = []
    for k, (name, shape) in enumerate(sorted(shapes)):
        n = 1
        for s in shape:
            n *= s
        out.append((name, shape, [((i * 7 + k) % 11 - 5) / 10.0 for i in range(n)]))
    return out


def model_input(config, tensors, ids, **kw):
    return json.dumps(config).encode() + b"\0" + safetensors(tensors, **kw) + b"\0" + ids.encode()


def main():
    # JSON
    put("json", "config", json.dumps(TINY, indent=2))
    put("json", "values", '{"a": [0, -0, 1.5e-3, -2E+2, true, false, null], "s": "\\u00e9\\ud83d\\ude00\\n\xe4\xb8\xad"}')
    put("json", "issue7-leading-zero", '{"d_model": 0048}')
    put("json", "issue7-duplicate-key", '{"a": 1, "a": 2}')
    put("json", "deep-nesting", "[" * 5000)
    put("json", "control-character", '["a\tb"]')
    put("json", "number-out-of-range", "[1e400, -1e400]")
    put("json", "invalid-utf8", b'["\xc0\xaf", "\xed\xa0\x80", "\xff"]')
    put("json", "trailing-garbage", "{} x")
    # Config
    put("config", "tiny", json.dumps(TINY))
    put("config", "all-keys", json.dumps(dict(TINY, d_k=3, norm_first=True, activation="gelu", layer_norm_eps=1e-6,
                                              positional_encoding="learned", scale_embedding=False, final_norm=False,
                                              pad_id=0)))
    put("config", "issue7-heads-times-dk-overflow", '{"heads": 536870913, "d_k": 8}')
    put("config", "issue7-dk-overflow", '{"d_k": 536870913}')
    put("config", "issue7-max-len-1e9", '{"max_len": 1000000000}')
    put("config", "issue7-eps-1e300", '{"layer_norm_eps": 1e300}')
    put("config", "issue7-leading-zero", '{"d_model": 0048}')
    put("config", "learned-huge", '{"positional_encoding": "learned", "max_len": 1000000000, "d_model": 1024}')
    # safetensors
    two = [("a", [2, 2], [1, 2, 3, 4]), ("b", [3], [5, 6, 7])]
    put("safetensors", "two-tensors", safetensors(two, header_extra={"__metadata__": {"format": "pt"}}))
    put("safetensors", "issue7-zero-elements", safetensors([("empty", [0], []), ("x", [1], [1])]))
    put("safetensors", "issue7-overlap", safetensors([], raw_header='{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},'
                                                     '"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}',
                                                     data_extra=b"x" * 12))
    put("safetensors", "issue7-duplicate-key", safetensors([], raw_header='{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},'
                                                           '"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}',
                                                           data_extra=b"x" * 8))
    put("safetensors", "issue7-bytes-after-data", safetensors([("a", [1], [1])], data_extra=b"EXTRA"))
    put("safetensors", "hole", safetensors([], raw_header='{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},'
                                           '"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}', data_extra=b"x" * 12))
    put("safetensors", "shape-overflow", safetensors([], raw_header='{"a":{"dtype":"F32","shape":[274177,67280421310721],'
                                                     '"data_offsets":[0,4]}}', data_extra=b"x" * 4))
    put("safetensors", "f16-bf16", safetensors([], raw_header='{"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},'
                                               '"b":{"dtype":"BF16","shape":[2],"data_offsets":[4,8]}}',
                                               data_extra=b"\x00\x3c\x00\x7c\x80\x3f\xc0\x7f"))
    # .npy
    put("npy", "matrix", npy("(2, 3)", 6))
    put("npy", "scalar", npy("()", 1))
    put("npy", "zero-elements", npy("(0, 3)", 0))
    put("npy", "issue7-shape-wraps-to-one", npy("(274177, 67280421310721)", 1))
    # ids
    for name, text in [("list", "1,2,3"), ("spaces", " 4 , 5 "), ("negative", "-1"), ("empty", ""), ("comma", ","),
                       ("range", "4-5"), ("too-long", "9999999999"), ("minus", "-"), ("max", "999999999,-999999999")]:
        put("ids", name, text)
    # vocabulary: the file, a NUL, a sentence
    put("vocabulary", "english", "<unk>\n<bos>\nthe\ncat\r\nsat\n\0The cat sat on the mat.")
    put("vocabulary", "chinese", "机\n器\n思考\n\0机器会思考吗？<bos> x")
    put("vocabulary", "invalid-utf8", b"a\n\xff\xfe\n\0a \xff\xc3 \xe4\xb8 <eos")
    # load + forward
    tiny = dict(TINY)
    put("model", "tiny", model_input(tiny, model_tensors(tiny), "1,2,3|1,2"))
    put("model", "encoder-only-ids", model_input(tiny, model_tensors(tiny), "0,5"))
    # heads × d_k wrapped to 8 in an int, so weights of width 8 loaded and forward ran with 536870913 heads.
    put("model", "issue7-heads-times-dk-overflow",
        model_input(dict(tiny, heads=536870913, d_k=8), model_tensors(dict(tiny, proj=8)), "1,2|1"))
    put("model", "issue7-dk-overflow",
        model_input(dict(tiny, heads=8, d_k=536870913), model_tensors(dict(tiny, proj=8)), "1,2|1"))
    put("model", "issue7-eps-1e300", model_input(dict(tiny, layer_norm_eps=1e300), model_tensors(tiny), "1,2|1"))
    put("model", "issue7-zero-element-extra", model_input(tiny, model_tensors(tiny) + [("zz.empty", [0], [])], "1|1"))
    # interventions (fuzz_intervention): one spec per file, good and bad
    for name, spec in [("zero-head", "encoder.0.self_attn.head=1:zero"), ("scale", "decoder.0.cross_attn.weights:scale=0.5"),
                       ("set-cell", "decoder.0.ffn.hidden[1,7]:set=-2"), ("set-head-cell", "decoder.0.self_attn.scores[1,1,0]:set=9"),
                       ("mask", "decoder.0.self_attn.mask:zero"), ("bad-head", "encoder.0.self_attn.head=2:zero"),
                       ("bad-cell", "encoder.output[3,0]:set=1"), ("stat", "encoder.0.norm1_rstd:zero"),
                       ("patch-missing", "encoder.output:patch-from=/nonexistent"), ("no-colon", "encoder.output"),
                       # a newline inside an unknown tensor name came back in the error: two lines
                       ("crash-newline-in-name", b"decoder\xb7\xb7\xb7\x00\x00\x00\n0.self_attn.skmask:zero")]:
        put("intervention", name, spec)


if __name__ == "__main__":
    main()

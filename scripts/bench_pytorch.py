#!/usr/bin/python3
"""PyTorch reference for bench/bench_forward.cpp: the same Transformer (by default the base model,
d_model 512, 8 heads, d_ff 2048, 6+6 layers, vocab 1000, S = T = 128, batch 1) through torch.nn.Transformer
plus the two embeddings, the sinusoidal positional encoding and the generator Linear + softmax, in eval
mode, under no_grad, at PyTorch's default thread count (--threads N to hold it to N). Same protocol as ours: warm-up, then N timed passes, median and min.
Prints a human line and a machine-readable "RESULT impl=pytorch ..." line (parsed by scripts/bench.sh).
"""
import argparse
import math
import time

import torch


def forward_flops(S, T, d, f, V, layers):
    """Matmul FLOPs (2 per multiply-add), the same formula as forwardFlops() in bench_forward.cpp."""
    enc = 3 * 2 * S * d * d + 4 * S * S * d + 2 * S * d * d + 4 * S * d * f
    dec_self = 3 * 2 * T * d * d + 4 * T * T * d + 2 * T * d * d
    dec_cross = 2 * T * d * d + 4 * S * d * d + 4 * T * S * d + 2 * T * d * d
    dec_ffn = 4 * T * d * f
    return layers * enc + layers * (dec_self + dec_cross + dec_ffn) + 2 * T * d * V


def sinusoidal(n, d):
    pos = torch.arange(n, dtype=torch.float32).unsqueeze(1)
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float32) * (-math.log(10000.0) / d))
    pe = torch.zeros(n, d)
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)
    return pe.unsqueeze(1)  # [n, 1, d], seq-first


class Seq2Seq(torch.nn.Module):
    def __init__(self, d, heads, f, layers, vocab, max_len):
        super().__init__()
        self.d = d
        self.src_embed = torch.nn.Embedding(vocab, d)
        self.tgt_embed = torch.nn.Embedding(vocab, d)
        self.transformer = torch.nn.Transformer(d_model=d, nhead=heads, num_encoder_layers=layers,
                                                num_decoder_layers=layers, dim_feedforward=f, dropout=0.0)
        self.generator = torch.nn.Linear(d, vocab)
        self.register_buffer("pe", sinusoidal(max_len, d))

    def forward(self, src, tgt, tgt_mask):  # src [S, 1], tgt [T, 1] -> probs [T, 1, V]
        scale = math.sqrt(self.d)
        x = self.src_embed(src) * scale + self.pe[: src.shape[0]]
        y = self.tgt_embed(tgt) * scale + self.pe[: tgt.shape[0]]
        out = self.transformer(x, y, tgt_mask=tgt_mask)
        return torch.softmax(self.generator(out), dim=-1)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--seq", type=int, default=128)
    p.add_argument("--layers", type=int, default=6)
    p.add_argument("--vocab", type=int, default=1000)
    p.add_argument("--d-model", type=int, default=512)
    p.add_argument("--heads", type=int, default=8)
    p.add_argument("--d-ff", type=int, default=2048)
    p.add_argument("--threads", type=int, default=0, help="0: PyTorch's default")
    p.add_argument("--label", default="pytorch", help="impl= name in the RESULT line (e.g. pytorch_openblas)")
    args = p.parse_args()
    d, heads, f = args.d_model, args.heads, args.d_ff

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    model = Seq2Seq(d, heads, f, args.layers, args.vocab, max(512, args.seq)).eval()
    src = torch.randint(0, args.vocab, (args.seq, 1))
    tgt = torch.randint(0, args.vocab, (args.seq, 1))
    mask = torch.nn.Transformer.generate_square_subsequent_mask(args.seq)  # causal, -inf above the diagonal

    flops = forward_flops(args.seq, args.seq, d, f, args.vocab, args.layers)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), {flops / 1e9:.3f} GFLOP per pass")
    times = []
    with torch.no_grad():
        for _ in range(args.warmup):
            model(src, tgt, mask)
        cpu_start = time.process_time()  # every thread's CPU time: the work, even on a loaded machine
        for _ in range(args.runs):
            start = time.perf_counter()
            probs = model(src, tgt, mask)
            times.append((time.perf_counter() - start) * 1e3)
        cpu_ms = (time.process_time() - cpu_start) * 1e3 / args.runs
    assert probs.shape == (args.seq, 1, args.vocab)
    times.sort()
    n = len(times)
    median = times[n // 2] if n % 2 else 0.5 * (times[n // 2 - 1] + times[n // 2])
    print(f"{args.label:<13} median {median:8.2f} ms  min {times[0]:8.2f} ms  {flops / median / 1e6:6.1f} GFLOP/s (median)"
          f"  {flops / times[0] / 1e6:6.1f} GFLOP/s (min)")
    print(f"RESULT impl={args.label} capture=none median_ms={median:.3f} min_ms={times[0]:.3f} cpu_ms={cpu_ms:.3f} "
          f"gflops={flops / median / 1e6:.2f} runs={n} threads={torch.get_num_threads()}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""PyTorch reference for bench/bench_train_step.cpp: one training step (forward, cross-entropy with label
smoothing 0.1, backward, global-norm clipping at 1.0, Adam with the paper's betas and eps) of the same
post-norm Transformer (two embeddings scaled by sqrt(d), sinusoidal PE, nn.Transformer without dropout,
generator Linear) on random token ids, at PyTorch's default thread count unless --threads is given.
Cases as bench_train_step: small (d 64, 4 heads, d_ff 256, 2+2 layers, vocab 16, batch 64 x 12) and
base (d 512, 8 heads, d_ff 2048, 6+6 layers, vocab 1000, batch 8 x 64). Prints a human line and
"RESULT impl=pytorch case=... median_ms=... min_ms=..." for scripts/bench.sh.
"""
import argparse
import math
import time

import torch

CASES = {"small": dict(d=64, heads=4, f=256, layers=2, vocab=16, batch=64, len=12),
         "base": dict(d=512, heads=8, f=2048, layers=6, vocab=1000, batch=8, len=64)}


def sinusoidal(n, d):
    pos = torch.arange(n, dtype=torch.float32).unsqueeze(1)
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float32) * (-math.log(10000.0) / d))
    pe = torch.zeros(n, d)
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)
    return pe.unsqueeze(0)  # [1, n, d], batch-first


class Seq2Seq(torch.nn.Module):
    def __init__(self, d, heads, f, layers, vocab):
        super().__init__()
        self.d = d
        self.src_embed = torch.nn.Embedding(vocab, d)
        self.tgt_embed = torch.nn.Embedding(vocab, d)
        self.transformer = torch.nn.Transformer(d_model=d, nhead=heads, num_encoder_layers=layers,
                                                num_decoder_layers=layers, dim_feedforward=f, dropout=0.0,
                                                batch_first=True)
        self.generator = torch.nn.Linear(d, vocab)
        self.register_buffer("pe", sinusoidal(512, d))

    def forward(self, src, tgt, tgt_mask):  # [B, S], [B, T] -> logits [B, T, V]
        scale = math.sqrt(self.d)
        x = self.src_embed(src) * scale + self.pe[:, : src.shape[1]]
        y = self.tgt_embed(tgt) * scale + self.pe[:, : tgt.shape[1]]
        return self.generator(self.transformer(x, y, tgt_mask=tgt_mask))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--case", choices=CASES, default="small")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--threads", type=int, default=0, help="0: PyTorch's default")
    args = p.parse_args()
    k = CASES[args.case]
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    model = Seq2Seq(k["d"], k["heads"], k["f"], k["layers"], k["vocab"]).train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-4, betas=(0.9, 0.98), eps=1e-9)
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
    g = torch.Generator().manual_seed(7)
    src, tgt, labels = (torch.randint(0, k["vocab"], (k["batch"], k["len"]), generator=g) for _ in range(3))
    mask = torch.nn.Transformer.generate_square_subsequent_mask(k["len"])
    times, cpu = [], 0.0  # cpu: every thread's CPU time of the timed steps
    for i in range(args.warmup + args.runs):
        cpu_start = time.process_time()
        start = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(src, tgt, mask).reshape(-1, k["vocab"]), labels.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        elapsed = (time.perf_counter() - start) * 1e3
        assert math.isfinite(loss.item())
        if i >= args.warmup:
            times.append(elapsed)
            cpu += time.process_time() - cpu_start
    times.sort()
    n = len(times)
    median = times[n // 2] if n % 2 else 0.5 * (times[n // 2 - 1] + times[n // 2])
    print(f"pytorch {args.case}: torch {torch.__version__}, {torch.get_num_threads()} thread(s): "
          f"median {median:.2f} ms, min {times[0]:.2f} ms")
    print(f"RESULT impl=pytorch case={args.case} median_ms={median:.3f} min_ms={times[0]:.3f} "
          f"cpu_ms={cpu * 1e3 / n:.3f} runs={n} "
          f"threads={torch.get_num_threads()}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The shapes of bench/bench_products.cpp through numpy's BLAS (Debian's OpenBLAS when installed):
y = x @ W.T, dW = dy.T @ x, dx = dy @ W, float32, GFLOP/s of the best of N runs. Run it with
OPENBLAS_NUM_THREADS=1 for one thread, as bench_products runs."""
import sys
import time

import numpy as np

runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 15


def best(f):
    b = 1e9
    for _ in range(runs):
        t = time.perf_counter()
        f()
        b = min(b, time.perf_counter() - t)
    return b


rng = np.random.default_rng(0)
print("%-18s %10s %10s %10s" % ("rows x in x out", "affine", "dW", "dx"))
for rows, inp, out in [(128, 512, 512), (128, 512, 2048), (128, 2048, 512), (512, 512, 512), (512, 512, 2048),
                       (512, 2048, 512)]:
    x = rng.standard_normal((rows, inp), dtype=np.float32)
    w = rng.standard_normal((out, inp), dtype=np.float32)
    dy = rng.standard_normal((rows, out), dtype=np.float32)
    flop = 2.0 * rows * inp * out
    g = [flop / best(f) / 1e9 for f in (lambda: x @ w.T, lambda: dy.T @ x, lambda: dy @ w)]
    print("%4d x %4d x %4d   %10.1f %10.1f %10.1f" % (rows, inp, out, *g))

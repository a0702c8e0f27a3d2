// The three products of a Transformer layer on their own, one thread: y = x · Wᵀ + b (affine), the
// backward's dW += dyᵀ · x and dx = dy · W, each through our kernel and through Eigen's plain product,
// on the base model's shapes. GFLOP/s of the best of N runs; compare with the core's FMA peak (an FMA
// loop: ~117 GFLOP/s on the Zen 4 this was written on) and with OpenBLAS on the same shapes:
// `OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/bench_numpy_products.py`.
#include "core/attention.h"
#include "core/model/affine_kernel.h"
#include "core/parallel.h"
#include "core/train/affine_backward_kernel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <tuple>

using namespace alab::core;
using Eigen::Index;

namespace {

template <class F>
double bestSeconds(int runs, F f) {
    double best = 1e9;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
}

void blocking(Index m, Index k, Index n, Index& kc, Index& mc) {
    kc = k, mc = m;
    Eigen::internal::computeProductBlockingSizes<float, float, 1, Index>(kc, mc, n, Index(1));
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 15;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
    setThreadCount(1);
    if (!affineKernelAvailable()) std::printf("this build has no AVX-512 kernel: both columns are Eigen\n");
    std::printf("%-18s %18s %18s %18s\n", "rows x in x out", "affine ours/eigen", "dW ours/eigen", "dx ours/eigen");
    for (auto [rows, in, out] : {std::tuple{128, 512, 512}, {128, 512, 2048}, {128, 2048, 512}, {512, 512, 512},
                                 {512, 512, 2048}, {512, 2048, 512}}) {
        const Matrix x = Matrix::Random(rows, in), w = Matrix::Random(out, in), dy = Matrix::Random(rows, out);
        const RowVector b = RowVector::Random(out);
        Matrix y(rows, out), dw = Matrix::Zero(out, in), dx(rows, in);
        const double flop = 2.0 * rows * in * out;
        Index kc, mc;
        const double fOurs = bestSeconds(runs, [&] { y = affine(x, w, b); });
        const double fEigen = bestSeconds(runs, [&] {
            y.noalias() = x * w.transpose();
            y.rowwise() += b;
        });
        blocking(in, rows, out, kc, mc);
        const double wOurs = bestSeconds(runs, [&] { weightGradientKernel(dy, x, dw, 0, out, kc, mc); });
        const double wEigen = bestSeconds(runs, [&] { dw.noalias() += dy.transpose() * x; });
        blocking(in, out, rows, kc, mc);
        const double iOurs = bestSeconds(runs, [&] { inputGradientKernel(dy, w, dx, 0, in, kc, mc); });
        const double iEigen = bestSeconds(runs, [&] { dx.noalias() = dy * w; });
        const auto g = [&](double s) { return flop / s / 1e9; };
        std::printf("%4d x %4d x %4d   %7.1f / %-7.1f   %7.1f / %-7.1f   %7.1f / %-7.1f\n", rows, in, out, g(fOurs),
                    g(fEigen), g(wOurs), g(wEigen), g(iOurs), g(iEigen));
    }
    return 0;
}

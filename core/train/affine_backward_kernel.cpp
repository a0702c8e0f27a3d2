// weightGradientKernel and inputGradientKernel (see affine_backward_kernel.h). In both, v runs along
// the 32 columns of the result a tile writes (x's or W's columns, read in place as A), c along 12 of its
// rows (B, broadcast from dy), p along the sum (dy's rows for dWeight, W's rows for dx).
#include "core/train/affine_backward_kernel.h"

#include "core/model/affine_kernel.h"

#if defined(__AVX512F__)
#include "core/model/tile_kernel.h"
#endif

#include <algorithm>

namespace alab::core {

using Eigen::Index;

void eigenWeightGradient(const Matrix& dy, const Matrix& x, Matrix& dWeight, Index r0, Index n, Index k0, Index m,
                         Index kc, Index mc, Index nc) {
    using Gemm = Eigen::internal::general_matrix_matrix_product<Index, float, Eigen::ColMajor, false, float,
                                                                Eigen::RowMajor, false, Eigen::ColMajor, 1>;
    FixedEigenBlocking blocking(mc, nc, kc);
    Gemm::run(m, n, dy.rows(), x.data() + k0, x.outerStride(), dy.data() + r0, dy.outerStride(),
              dWeight.data() + r0 * dWeight.outerStride() + k0, 1, dWeight.outerStride(), 1.0f, blocking, nullptr);
}

void eigenInputGradient(const Matrix& dy, const Matrix& weight, Matrix& dx, Index k0, Index m, Index kc, Index mc,
                        Index nc) {
    using Gemm = Eigen::internal::general_matrix_matrix_product<Index, float, Eigen::ColMajor, false, float,
                                                                Eigen::ColMajor, false, Eigen::ColMajor, 1>;
    dx.middleCols(k0, m).setZero();  // as Eigen's `=`: zero, then add the product
    FixedEigenBlocking blocking(mc, nc, kc);
    Gemm::run(m, dy.rows(), weight.rows(), weight.data() + k0, weight.outerStride(), dy.data(), dy.outerStride(),
              dx.data() + k0, 1, dx.outerStride(), 1.0f, blocking, nullptr);
}

namespace {

#if defined(__AVX512F__)
using namespace tile;

// A tile's A: 32 columns from `first` of a row-major matrix read in place; loads are masked where the
// 32 would run past the row.
Tile columnsTile(const Matrix& a, Index first, Index last) {
    const Index valid = std::min<Index>(kVector, last - first);
    return Tile{a.data() + first, a.outerStride(), laneMask(valid), laneMask(valid - 16), nullptr, 0, 0, nullptr, 0};
}

bool maskedLoads(const Matrix& a, Index first) { return first + kVector > a.cols(); }

void runTile(bool masked, int cols, const Tile& t, Index k0, Index k1, bool first) {
    if (masked) run<Layout::VCols, true>(cols, t, k0, k1, first, false);
    else run<Layout::VCols, false>(cols, t, k0, k1, first, false);
}

// dWeight rows [r0, r0 + n), x's columns [v0, v1): every number a chain over dy's rows.
void weightChains(const Matrix& dy, const Matrix& x, Matrix& dw, Index r0, Index n, Index v0, Index v1, Index kc) {
    const Index rows = dy.rows();
    for (Index v = v0; v < v1; v += kVector) {
        Tile t = columnsTile(x, v, v1);
        const bool masked = maskedLoads(x, v);
        for (Index c = r0; c < r0 + n; c += kCols) {
            t.b = dy.data() + c, t.ldbc = 1, t.ldbp = dy.outerStride();
            t.y = dw.data() + c * dw.outerStride() + v, t.ldy = dw.outerStride();
            const int cols = int(std::min<Index>(kCols, r0 + n - c));
            for (Index k0 = 0; k0 < rows; k0 += kc) runTile(masked, cols, t, k0, std::min(rows, k0 + kc), false);
        }
    }
}

// dx's columns [v0, v1): every number a chain over W's rows.
void inputChains(const Matrix& dy, const Matrix& w, Matrix& dx, Index v0, Index v1, Index kc) {
    const Index rows = dy.rows(), depth = w.rows();
    for (Index v = v0; v < v1; v += kVector) {
        Tile t = columnsTile(w, v, v1);
        const bool masked = maskedLoads(w, v);
        for (Index r = 0; r < rows; r += kCols) {
            t.b = dy.data() + r * dy.outerStride(), t.ldbc = dy.outerStride(), t.ldbp = 1;
            t.y = dx.data() + r * dx.outerStride() + v, t.ldy = dx.outerStride();
            const int cols = int(std::min<Index>(kCols, rows - r));
            for (Index k0 = 0; k0 < depth; k0 += kc) runTile(masked, cols, t, k0, std::min(depth, k0 + kc), k0 == 0);
        }
    }
}
#endif

}  // namespace

// As in affineColumnsKernel: the chained columns to the kernel, the others to Eigen's GEMM
// (splitByEigenRounding). A build without the kernel is never asked (affineKernelAvailable()); it
// would give Eigen the whole product.
void weightGradientKernel(const Matrix& dy, const Matrix& x, Matrix& dWeight, Index r0, Index n, Index kc, Index mc) {
#if defined(__AVX512F__)
    splitByEigenRounding(
        x.cols(), mc, [&](Index begin, Index end) { weightChains(dy, x, dWeight, r0, n, begin, end, kc); },
        [&](Index begin, Index m) { eigenWeightGradient(dy, x, dWeight, r0, n, begin, m, kc, m, n); });
#else
    eigenWeightGradient(dy, x, dWeight, r0, n, 0, x.cols(), kc, mc, n);
#endif
}

void inputGradientKernel(const Matrix& dy, const Matrix& weight, Matrix& dx, Index c0, Index n, Index kc, Index mc) {
#if defined(__AVX512F__)
    splitByEigenRounding(
        n, mc, [&](Index begin, Index end) { inputChains(dy, weight, dx, c0 + begin, c0 + end, kc); },
        [&](Index begin, Index m) { eigenInputGradient(dy, weight, dx, c0 + begin, m, kc, m, dy.rows()); });
#else
    eigenInputGradient(dy, weight, dx, c0, n, kc, mc, dy.rows());
#endif
}

}  // namespace alab::core

// affineColumnsKernel (see affine_kernel.h). A tile is 32 rows of x × 12 output columns: per input
// position p, two 16-float vectors of packed x (rows) and 12 weights W[c][p] broadcast (read in place,
// 12 rows of W streamed in order): 24 accumulators, 24 FMAs per step. The tile is then transposed in
// registers so that each row of y is written with one masked store.
#include "core/model/affine_kernel.h"

#include <algorithm>
#include <cstdint>

#if defined(__AVX512F__)
#include "core/model/tile_kernel.h"
#endif

namespace alab::core {

using Eigen::Index;

// As Eigen evaluates y.middleCols(c0, width) = x · W.middleRows(c0, width)ᵀ for a row-major y: the
// column-major product W-block [width × in] · xᵀ [in × rows], here with the blocking given.
void eigenColumns(const Matrix& x, const Matrix& weight, Matrix& y, Index c0, Index width, Index mc, Index nc,
                  Index kc) {
    using Gemm = Eigen::internal::general_matrix_matrix_product<Index, float, Eigen::RowMajor, false, float,
                                                                Eigen::ColMajor, false, Eigen::ColMajor, 1>;
    y.middleCols(c0, width).setZero();  // as Eigen's `=`: zero, then add the product
    FixedEigenBlocking blocking(mc, nc, kc);
    Gemm::run(width, x.rows(), x.cols(), weight.data() + c0 * weight.outerStride(), weight.outerStride(), x.data(),
              x.outerStride(), y.data() + c0, 1, y.outerStride(), 1.0f, blocking, nullptr);
}

#if defined(__AVX512F__)
namespace {

using namespace tile;
constexpr int kBlockRows = kVector;  // rows of x per packed block

// dst[p][r] = src[r][p] for r < count (≤ 32), 0 beyond; dst is [depth][32].
void transposeRows(const float* src, Index ld, Index depth, Index count, float* dst) {
    const Index fast = depth - depth % 16;
    for (int h = 0; h < 2; ++h) {
        const Index first = 16 * h, valid = std::clamp<Index>(count - first, 0, 16);
        for (Index p0 = 0; p0 < fast; p0 += 16) {
            __m512 r[16];
#pragma GCC unroll 16
            for (int i = 0; i < 16; ++i)
                r[i] = i < valid ? _mm512_loadu_ps(src + (first + i) * ld + p0) : _mm512_setzero_ps();
            transpose16(r);
#pragma GCC unroll 16
            for (int i = 0; i < 16; ++i) _mm512_store_ps(dst + (p0 + i) * kBlockRows + first, r[i]);
        }
        for (Index p = fast; p < depth; ++p)
            for (Index i = 0; i < 16; ++i)
                dst[p * kBlockRows + first + i] = i < valid ? src[(first + i) * ld + p] : 0.0f;
    }
}

}  // namespace

// With EIGEN_USE_BLAS (cmake -DALAB_BLAS=ON) Eigen's products are the BLAS's, which round otherwise.
bool affineKernelAvailable() {
#if defined(EIGEN_USE_BLAS)
    return false;
#else
    return true;
#endif
}

void PackedRows::reset(const Matrix& x) {
    m_rows = x.rows(), m_depth = x.cols();
    m_buffer.resize(size_t(blocks() * m_depth * kBlockRows) + 16);
    m_start = reinterpret_cast<float*>((reinterpret_cast<uintptr_t>(m_buffer.data()) + 63) & ~uintptr_t(63));
}

void PackedRows::packBlock(const Matrix& x, Index b) {
    const Index first = b * kBlockRows;
    transposeRows(x.data() + first * x.outerStride(), x.outerStride(), m_depth,
                  std::min<Index>(kBlockRows, m_rows - first), m_start + b * m_depth * kBlockRows);
}

namespace {

// The kernel's part: columns [c0, c0 + width), all in runs that Eigen rounds as chains. v = rows of x
// (packed), c = output columns, p = inputs; the weight rows of a tile are B, read in place.
void kernelColumns(const PackedRows& x, const Matrix& weight, const RowVector& bias, Matrix& y, Index c0,
                   Index width, Index kc) {
    const Index depth = x.depth(), ldw = weight.outerStride();
    const Index calls = x.blocks() * ((depth + kc - 1) / kc);
    for (Index c = c0; c < c0 + width; c += kCols) {
        const int cols = int(std::min<Index>(kCols, c0 + width - c));
        // The next tile's weight rows (contiguous) are fetched into L2, a line per step, while this one runs.
        const Index nextRows = std::clamp<Index>(weight.rows() - (c + cols), 0, kCols);
        const char* next = reinterpret_cast<const char*>(weight.data() + (c + cols) * ldw);
        const Index nextLines = nextRows * ldw * Index(sizeof(float)) / 64, perCall = (nextLines + calls - 1) / calls;
        Index call = 0;
        for (Index b = 0; b < x.blocks(); ++b) {
            const Index rows = x.rows() - b * kBlockRows;
            Tile t{x.block(b), kBlockRows, laneMask(rows), laneMask(rows - 16), weight.data() + c * ldw, ldw, 1,
                   y.data() + b * kBlockRows * y.outerStride() + c, y.outerStride(), bias.data() + c};
            for (Index k0 = 0; k0 < depth; k0 += kc, ++call) {
                const Index k1 = std::min(depth, k0 + kc);
                t.prefetch = next + call * perCall * 64;
                t.prefetchLines = std::clamp<Index>(nextLines - call * perCall, 0, perCall);
                run<Layout::VRows, false>(cols, t, k0, k1, k0 == 0, k1 == depth);
            }
        }
    }
}

}  // namespace

// The chained columns to the kernel, the others to Eigen (splitByEigenRounding), then their bias.
void affineColumnsKernel(const Matrix& x, const PackedRows& packed, const Matrix& weight, const RowVector& bias,
                         Matrix& y, Index c0, Index width, Index kc, Index mc) {
    splitByEigenRounding(
        width, mc, [&](Index begin, Index end) { kernelColumns(packed, weight, bias, y, c0 + begin, end - begin, kc); },
        [&](Index begin, Index n) {
            eigenColumns(x, weight, y, c0 + begin, n, n, x.rows(), kc);
            y.middleCols(c0 + begin, n).rowwise() += bias.segment(c0 + begin, n);
        });
}

#else  // no AVX-512: Eigen does every product

bool affineKernelAvailable() { return false; }
void PackedRows::reset(const Matrix& x) { m_rows = x.rows(), m_depth = x.cols(); }
void PackedRows::packBlock(const Matrix&, Index) {}
void affineColumnsKernel(const Matrix&, const PackedRows&, const Matrix&, const RowVector&, Matrix&, Index, Index,
                         Index, Index) {}

#endif

}  // namespace alab::core

// Our own kernel for the large products of the model, y = x · Wᵀ + b over a range of output columns,
// written for AVX-512: Eigen 3.4's kernel reaches ~75 % of one core's FMA peak on these shapes, and
// packs every weight matrix on every call; this one reads the weights where they lie and packs only
// x (once per product, shared by all threads). It rounds every number exactly as Eigen's product
// does — one FMA chain over each depth block of kc inputs, in order, the blocks' sums added in order,
// then the bias — so using it or Eigen never changes a bit (tested with memcmp on many shapes).
#pragma once

#include "core/tensor.h"

#include <algorithm>
#include <vector>

namespace alab::core {

/// Eigen's GEMM blocking with the sizes given (level3_blocking keeps them in protected fields): calling
/// Eigen's GEMM with the blocking a product would get rounds its numbers as that product does.
class FixedEigenBlocking : public Eigen::internal::level3_blocking<float, float> {
public:
    FixedEigenBlocking(Eigen::Index mc, Eigen::Index nc, Eigen::Index kc) { m_mc = mc, m_nc = nc, m_kc = kc; }
};

/// Eigen's GEMM walks the rows of its column-major product (our output columns in the forward, x's or
/// W's columns in the backward) in row blocks of mc, each in runs of 48 and then one of 32 that it
/// rounds as one FMA chain per number, as our kernel does; a run of 16 and the last rows (< 16) take
/// paths that split or vectorise the sum otherwise. Calls chains(begin, end) for the chained rows of
/// each block of [0, count) and rest(begin, n) for the n rows after them, which callers leave to
/// Eigen's GEMM on just those rows with the same blocking: the same paths, the same bits.
template <class Chains, class Rest>
void splitByEigenRounding(Eigen::Index count, Eigen::Index mc, Chains chains, Rest rest) {
    for (Eigen::Index i2 = 0; i2 < count; i2 += mc) {
        const Eigen::Index rows = std::min(mc, count - i2);
        Eigen::Index chained = rows / 48 * 48;
        if (rows - chained >= 32) chained += 32;
        if (chained > 0) chains(i2, i2 + chained);
        if (rows > chained) rest(i2 + chained, rows - chained);
    }
}

/// True when this build has the kernel (compiled for a CPU with AVX-512, and Eigen not handing its
/// products to a BLAS: ALAB_BLAS); otherwise callers use Eigen.
bool affineKernelAvailable();

/// x laid out for the kernel: blocks of 32 rows, each [in][32] (x transposed), rows past the end 0.
class PackedRows {
public:
    void reset(const Matrix& x);                  ///< sizes the buffer for x (does not pack yet)
    void packBlock(const Matrix& x, Eigen::Index block);  ///< packs rows [32·block, 32·block + 32)
    Eigen::Index blocks() const { return (m_rows + 31) / 32; }
    Eigen::Index rows() const { return m_rows; }
    Eigen::Index depth() const { return m_depth; }
    const float* block(Eigen::Index b) const { return m_start + b * m_depth * 32; }
    size_t capacityBytes() const { return m_buffer.capacity() * sizeof(float); }

private:
    std::vector<float> m_buffer;
    float* m_start = nullptr;  // m_buffer's first 64-byte aligned float
    Eigen::Index m_rows = 0, m_depth = 0;
};

/// y[:, c0 : c0 + width] = x · weight[c0 : c0 + width]ᵀ + bias[c0 : c0 + width], bit for bit as Eigen's
/// product of that column block with depth blocks of kc and row blocks of mc (the blocking Eigen picks
/// for it, or the one a caller fixes) followed by `rowwise() += bias`. `packed` holds x packed whole;
/// the few columns Eigen rounds otherwise are left to Eigen (see the .cpp). y must already be
/// [x.rows(), weight.rows()]. Requires affineKernelAvailable().
void affineColumnsKernel(const Matrix& x, const PackedRows& packed, const Matrix& weight, const RowVector& bias,
                         Matrix& y, Eigen::Index c0, Eigen::Index width, Eigen::Index kc, Eigen::Index mc);

/// y[:, c0 : c0 + width] = x · weight[c0 : c0 + width]ᵀ by Eigen's GEMM with the blocking given (no bias).
void eigenColumns(const Matrix& x, const Matrix& weight, Matrix& y, Eigen::Index c0, Eigen::Index width,
                  Eigen::Index mc, Eigen::Index nc, Eigen::Index kc);

}  // namespace alab::core

// The backward's two large products on our AVX-512 tile kernel (core/model/tile_kernel.h), bit for bit
// as Eigen's GEMM computes them (what the shipped models were trained with): dWeight += dyᵀ · x for a
// block of weight rows, and dx = dy · W for a block of input columns. Both read every operand in
// place; the columns Eigen rounds otherwise than as a chain are left to Eigen's GEMM.
#pragma once

#include "core/tensor.h"

namespace alab::core {

/// dWeight[r0 : r0 + n] += dy[:, r0 : r0 + n]ᵀ · x, as Eigen's GEMM of that block with depth blocks of kc
/// and row blocks of mc (its rows being x's columns). Requires affineKernelAvailable(), dy.rows() ≥ 2.
void weightGradientKernel(const Matrix& dy, const Matrix& x, Matrix& dWeight, Eigen::Index r0, Eigen::Index n,
                          Eigen::Index kc, Eigen::Index mc);

/// dx[:, c0 : c0 + n] = dy · weight[:, c0 : c0 + n], as Eigen's GEMM of that block with depth blocks of
/// kc and row blocks of mc (its rows being dx's columns). Requires affineKernelAvailable(), dy.rows() ≥ 2.
void inputGradientKernel(const Matrix& dy, const Matrix& weight, Matrix& dx, Eigen::Index c0, Eigen::Index n,
                         Eigen::Index kc, Eigen::Index mc);

/// Eigen's GEMM for dWeight[r0 : r0 + n] += dy[:, r0 : r0 + n]ᵀ · x[:, k0 : k0 + m] (x's columns
/// k0 … k0 + m − 1 only), with the blocking given: the column-major dWᵀ-part [m × n] += xᵀ-part · dy-block.
void eigenWeightGradient(const Matrix& dy, const Matrix& x, Matrix& dWeight, Eigen::Index r0, Eigen::Index n,
                         Eigen::Index k0, Eigen::Index m, Eigen::Index kc, Eigen::Index mc, Eigen::Index nc);

/// Eigen's GEMM for dx[:, k0 : k0 + m] = dy · weight[:, k0 : k0 + m], with the blocking given: the
/// column-major dxᵀ-part [m × rows] = Wᵀ-part [m × out] · dyᵀ.
void eigenInputGradient(const Matrix& dy, const Matrix& weight, Matrix& dx, Eigen::Index k0, Eigen::Index m,
                        Eigen::Index kc, Eigen::Index mc, Eigen::Index nc);

}  // namespace alab::core

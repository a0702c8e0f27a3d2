// Several independent products y = x · Wᵀ + b computed in one parallel job: the Q, K and V projections
// of an attention, or the keys and values of the encoder's output for every decoder layer at once. Each
// product is cut into exactly the blocks affine() uses (128 output columns when large, else whole), so
// every y has the same bits as affine() gives it alone, on any thread count; putting the blocks of all
// products into one job only balances the threads better and wakes them once instead of per product.
#pragma once

#include "core/tensor.h"

#include <vector>

namespace alab::core {

/// One product of a batch: *y = *x · weightᵀ + bias, weight [out, in] as PyTorch's Linear.
struct AffineTask {
    const Matrix* x = nullptr;         // [rows, in]
    const Matrix* weight = nullptr;    // [out, in]
    const RowVector* bias = nullptr;   // [out]
    Matrix* y = nullptr;               // resized to [rows, out]
};

/// Runs every task; each y equals affine(*x, *weight, *bias) bit for bit.
void affineBatch(const std::vector<AffineTask>& tasks);

}  // namespace alab::core

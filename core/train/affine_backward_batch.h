// The backward of several products y = x · Wᵀ + b in one parallel job (the Q, K and V projections of an
// attention). Each product is cut into exactly the blocks affineBackward uses (128 rows of dWeight and
// 128 columns of dx when large, else whole), so every result has the bits affineBackward gives it
// alone, on any thread count; one job for all of them only balances the threads and wakes them once.
#pragma once

#include "core/tensor.h"

#include <vector>

namespace alab::core {

/// One product's backward: *dx = dy · weight; adds dyᵀ · x into *dWeight and dy's column sums into *dBias.
struct AffineBackwardTask {
    const Matrix* dy = nullptr;      // [rows, out]
    const Matrix* x = nullptr;       // [rows, in]
    const Matrix* weight = nullptr;  // [out, in]
    Matrix* dWeight = nullptr;       // [out, in], added into
    RowVector* dBias = nullptr;      // [out], added into
    Matrix* dx = nullptr;            // resized to [rows, in]
};

/// Runs every task, each bit for bit as affineBackward (core/train/attention_backward.h).
void affineBackwardBatch(const std::vector<AffineBackwardTask>& tasks);

}  // namespace alab::core

// Backward of the attention kernels in core/attention.cpp, one function per forward function and
// named after it (affine -> affineBackward, softmaxRows -> softmaxRowsBackward, ...). They live in
// core/train/ (the room for training code) so the forward files stay untouched by training work.
// Legend: Tq query rows, Tk key rows, h heads, d_k per-head width. "Adds into" means +=.
#pragma once

#include "core/trace.h"
#include "core/train/packed_batch.h"
#include "core/weights.h"

namespace alab::core {

/// Backward of affine(x, W, b) = x·Wᵀ + b: returns dx = dy·W [rows, in]; adds dyᵀ·x into dWeight
/// [out, in] and the column sums of dy into dBias [out].
Matrix affineBackward(const Matrix& dy, const Matrix& x, const Matrix& weight, Matrix& dWeight, RowVector& dBias);

/// Backward of softmaxRows: with y = softmax(x) row by row, dx = y ∘ (dy − rowsum(dy ∘ y)).
/// Entries with y = 0 (masked keys) get exactly 0.
Matrix softmaxRowsBackward(const Matrix& dy, const Matrix& y);

/// Backward of multiHeadAttention(xq, xkv, w, heads, mask, &trace). Given dout [Tq, d_model], writes
/// dxq [Tq, d_model] and dxkv [Tk, d_model] (for self-attention the caller adds the two), adds into
/// grads (same layout as w), and, when gradTrace is given, records dL/d(each field of trace) in the
/// same field (mask left empty).
void multiHeadAttentionBackward(const Matrix& dout, const Matrix& xq, const Matrix& xkv, const MhaWeights& w,
                                const AttentionTrace& trace, Matrix& dxq, Matrix& dxkv, MhaWeights& grads,
                                AttentionTrace* gradTrace = nullptr);

/// Backward of packedAttention (packed_batch.h): example i's queries are rows qs[i], its keys ks[i].
/// Writes dxq [R_q, d_model] and dxkv [R_k, d_model] and adds into grads, as multiHeadAttentionBackward.
void packedAttentionBackward(const Matrix& dout, const Matrix& xq, const Matrix& xkv, const MhaWeights& w,
                             const AttentionTrace& trace, const std::vector<Segment>& qs,
                             const std::vector<Segment>& ks, Matrix& dxq, Matrix& dxkv, MhaWeights& grads);

}  // namespace alab::core

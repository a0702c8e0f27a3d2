// Scaled dot-product attention and multi-head attention (Vaswani et al. 2017, section 3.2),
// each a plain function that optionally records its intermediates into an AttentionTrace.
// Legend: Tq query rows, Tk key rows, h heads, d_k per-head width.
#pragma once

#include "core/trace.h"
#include "core/weights.h"

#include <vector>

namespace alab::core {

/// x · Wᵀ + b with W [out, in] (PyTorch's Linear): x [rows, in] -> [rows, out], one GEMM.
Matrix affine(const Matrix& x, const Matrix& weight, const RowVector& bias);

/// Softmax of each row, subtracting the row max first; -inf entries get weight exactly 0,
/// and a row with every entry -inf becomes all zeros (rather than NaN).
Matrix softmaxRows(const Matrix& x);

/// [T, T] with 1 on and below the diagonal: position i may attend to keys 0..i.
Matrix causalMask(int T);

/// [Tq, Tk] with 0 in the columns whose key id equals pad_id (all ones when pad_id < 0).
Matrix paddingMask(int Tq, const std::vector<int>& keyIds, int pad_id);

/// One head: softmax(q kᵀ / sqrt(d_k), masked) · v. q [Tq,d_k], k and v [Tk,d_k], mask [Tq,Tk] or empty.
/// When the out-pointers are given they receive scores, scaled and weights [Tq,Tk].
Matrix scaledDotProductAttention(const Eigen::Ref<const Matrix>& q, const Eigen::Ref<const Matrix>& k,
                                 const Eigen::Ref<const Matrix>& v, const Matrix& mask,
                                 Matrix* scores = nullptr, Matrix* scaled = nullptr, Matrix* weights = nullptr);

/// The keys and values of an attention's xkv, projected ahead (the decoder's cross-attention takes them
/// for every layer at once from the encoder's output).
struct KeyValues {
    Matrix k;  // [Tk, h*d_k] xkv · W_Kᵀ + b_K
    Matrix v;  // [Tk, h*d_k] xkv · W_Vᵀ + b_V
};

/// The keys and values of `memory` for each of the attentions, in one parallel job (bit for bit what
/// multiHeadAttention computes itself).
std::vector<KeyValues> projectKeyValues(const Matrix& memory, const std::vector<const MhaWeights*>& attentions);

/// Multi-head attention: queries from xq [Tq,d_model], keys and values from xkv [Tk,d_model] (or, when
/// kv is given, its projections of xkv); heads of width d_k, concatenated and projected by W^O.
/// Returns [Tq, d_model].
Matrix multiHeadAttention(const Matrix& xq, const Matrix& xkv, const MhaWeights& w, int heads,
                          const Matrix& mask, AttentionTrace* trace = nullptr, const KeyValues* kv = nullptr);

}  // namespace alab::core

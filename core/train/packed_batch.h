// A training batch packed into one pass: the examples' rows stacked one under another (no padding), so
// each position-wise step (projections, LayerNorm, FFN, generator) is one product for the whole batch,
// while attention runs per example and head on that example's rows only. packedForward keeps exactly
// what the backward pass (model_backward.h, packedBackward) reads; the numbers equal one forward per
// example up to float rounding. Legend: R = Σ rows of the examples (source or target side).
#pragma once

#include "core/attention.h"
#include "core/config.h"
#include "core/trace.h"
#include "core/train/train_step.h"
#include "core/weights.h"

#include <vector>

namespace alab::core {

/// Rows [begin, begin + rows) of a packed matrix: one example's positions.
struct Segment {
    Eigen::Index begin = 0, rows = 0;
};

/// Where each example lies in a packed pass, and its attention masks (as Model::forward builds them).
struct PackedRows {
    std::vector<Segment> src, tgt;      // one per example
    std::vector<Matrix> srcMask;        // [S_i, S_i] encoder self-attention
    std::vector<Matrix> selfMask;       // [T_i, T_i] causal and target padding
    std::vector<Matrix> crossMask;      // [T_i, S_i] source padding
};

/// Examples packed for one pass: concatenated ids and labels, and their rows.
struct PackedBatch {
    std::vector<int> src_ids, tgt_ids, labels;  // [R_src], [R_tgt], [R_tgt]
    PackedRows rows;
};

/// Packs examples[begin, end) (each a source, a target and one label per target position). Throws
/// InvalidArgument naming the example (1-based index into examples) on an empty side, an id or label
/// out of range, a side over max_len or a label count that differs from the target's length.
PackedBatch packExamples(const ModelConfig& config, const std::vector<TrainingPair>& examples, size_t begin = 0,
                         size_t end = size_t(-1));

/// Forward pass of a packed batch into a Trace whose matrices have R rows. Every layer keeps what
/// backward needs; attention keeps q, k, v as one matrix each ([R, h·d_k] in slot 0) and the weights of
/// example i, head h in weights[i·heads + h]; scores, scaled and context are not kept.
Trace packedForward(const ModelConfig& config, const Weights& weights, const PackedBatch& batch);

/// Multi-head attention over packed rows: example i's queries (rows qs[i]) attend to its keys (ks[i])
/// under masks[i]. Records into t as packedForward describes. Returns [R_q, d_model]. kv, when given,
/// holds xkv's projections (projectKeyValues, core/attention.h); they are moved into t.
Matrix packedAttention(const Matrix& xq, const Matrix& xkv, const MhaWeights& w, int heads,
                       const std::vector<Segment>& qs, const std::vector<Segment>& ks,
                       const std::vector<Matrix>& masks, AttentionTrace& t, KeyValues* kv = nullptr);

}  // namespace alab::core

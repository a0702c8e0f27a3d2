// The trace: every intermediate of one forward pass, as typed structs with shapes, plus the one
// visitor that names them. The dotted names are a contract shared by the CLI, the inspector and the
// exporters: e.g. "encoder.0.self_attn.weights" is [h, S, S]. A trace is built once and never mutated.
// Legend: S source positions, T target positions, Tq query rows, Tk key columns, h heads.
#pragma once

#include "core/tensor.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace alab::core {

/// Everything one (multi-head) attention computes.
struct AttentionTrace {
    HeadStack q;        // [h, Tq, d_k]
    HeadStack k;        // [h, Tk, d_k]
    HeadStack v;        // [h, Tk, d_k]
    HeadStack scores;   // [h, Tq, Tk]  raw q·k
    HeadStack scaled;   // [h, Tq, Tk]  scores / sqrt(d_k), masked entries -inf
    HeadStack weights;  // [h, Tq, Tk]  softmax over each row
    HeadStack context;  // [h, Tq, d_k] weights · v
    Matrix mask;        // [Tq, Tk]     1 = may attend, 0 = masked
    // Lean capture (CapturePolicy::keepMaps false): scores, scaled, weights and mask stay empty and
    // are recomputed from q, k, v and this mask rule on demand (core/model/attention_maps.h).
    bool mapsOnDemand = false;
    std::vector<unsigned char> keyAllowed;  // [Tk] 0 = a padding key no query may attend
    bool causal = false;                    // query i may attend keys 0..i only
    Matrix concat;      // [Tq, heads*d_k]
    Matrix output;      // [Tq, d_model] concat · W^O + b
};

/// The position-wise feed-forward network's results.
struct FfnTrace {
    Matrix pre_activation;  // [rows, d_ff] linear1's output, before the activation (kept for backward)
    Matrix hidden;          // [rows, d_ff] after the activation
    Matrix output;          // [rows, d_model]
};

/// What a LayerNorm's backward needs besides its input: each row's mean and 1/sqrt(var + eps).
struct LayerNormStats {
    Matrix mean;  // [rows, 1]
    Matrix rstd;  // [rows, 1]
};

/// One encoder layer; its fields are empty unless `captured`.
struct EncoderLayerTrace {
    bool captured = false;
    AttentionTrace self_attn;
    Matrix norm1, add_norm1;  // [S, d_model]
    FfnTrace ffn;
    Matrix norm2, add_norm2;  // [S, d_model]
    Matrix output;            // [S, d_model]
    Matrix residual1, residual2;          // [S, d_model] x + sublayer(x) entering LayerNorm i (post-norm only)
    LayerNormStats norm1_stats, norm2_stats;  // [S, 1] each
    Matrix dropout1, dropout2;  // [S, d_model] training only: the sub-layer outputs' dropout masks (0 or 1/(1−p))
};

/// One decoder layer; its fields are empty unless `captured`.
struct DecoderLayerTrace {
    bool captured = false;
    AttentionTrace self_attn;   // weights [h, T, T], causal
    Matrix norm1, add_norm1;    // [T, d_model]
    AttentionTrace cross_attn;  // weights [h, T, S]
    Matrix norm2, add_norm2;    // [T, d_model]
    FfnTrace ffn;
    Matrix norm3, add_norm3;    // [T, d_model]
    Matrix output;              // [T, d_model]
    Matrix residual1, residual2, residual3;  // [T, d_model] the sums entering LayerNorm i (post-norm only)
    LayerNormStats norm1_stats, norm2_stats, norm3_stats;  // [T, 1] each
    Matrix dropout1, dropout2, dropout3;  // [T, d_model] training only: the sub-layer outputs' dropout masks
};

/// Which layers keep their intermediates; inputs and outputs are always kept.
struct CapturePolicy {
    bool allLayers = true;
    std::set<int> encoderLayers;  // used when !allLayers
    std::set<int> decoderLayers;
    bool keepMaps = true;  // false: keep the O(S·d) tensors only; the O(S²) maps are recomputed on demand
    bool encoder(int l) const { return allLayers || encoderLayers.count(l); }
    bool decoder(int l) const { return allLayers || decoderLayers.count(l); }
    static CapturePolicy none() { return {false, {}, {}}; }
};

/// Every intermediate of one forward pass (see the dotted names in visitTrace).
struct Trace {
    std::vector<int> src_ids;          // [S]
    std::vector<int> tgt_ids;          // [T], empty for an encoder-only pass
    Matrix src_embedding;              // [S, d_model] after the sqrt(d_model) scale when enabled
    Matrix src_positional_encoding;    // [S, d_model]
    Matrix encoder_input;              // [S, d_model]
    std::vector<EncoderLayerTrace> encoder;
    Matrix encoder_output;             // [S, d_model] after the final norm, if any
    LayerNormStats encoder_norm_stats; // [S, 1] each, when final_norm
    Matrix tgt_embedding;              // [T, d_model]
    Matrix tgt_positional_encoding;    // [T, d_model]
    Matrix decoder_input;              // [T, d_model]
    std::vector<DecoderLayerTrace> decoder;
    Matrix decoder_output;             // [T, d_model]
    LayerNormStats decoder_norm_stats; // [T, 1] each, when final_norm
    Matrix logits;                     // [T, tgt_vocab]
    Matrix probs;                      // [T, tgt_vocab]
    Matrix src_dropout, tgt_dropout;   // [S|T, d_model] training only: dropout masks of embeddings + positions
};

/// Called with each recorded tensor's dotted name and its values.
using TensorVisitor = std::function<void(const std::string& name, const Tensor& tensor)>;

/// Which names a visit yields (true = yield); an empty filter yields all.
using NameFilter = std::function<bool(const std::string& name)>;

/// Yields every recorded tensor as (dotted name, tensor) in forward order; empty fields are skipped.
/// Maps a lean trace keeps on demand are recomputed as they are yielded, and only when `wanted`
/// accepts their name (core/model/attention_maps.h).
void visitTrace(const Trace& trace, const TensorVisitor& visit, const NameFilter& wanted = {});

/// A recorded tensor's dotted name and shape, without its data.
struct TensorInfo {
    std::string name;
    std::vector<int64_t> shape;
};

/// Names and shapes of everything visitTrace would yield, in the same order; copies no data.
std::vector<TensorInfo> traceShapes(const Trace& trace);

/// All names visitTrace would yield, in the same order.
std::vector<std::string> traceNames(const Trace& trace);

/// The tensor with that dotted name, or nothing.
std::optional<Tensor> findTensor(const Trace& trace, const std::string& name);

/// Up to `count` recorded names closest to `name` (edit distance), for "did you mean" messages.
std::vector<std::string> nearestNames(const Trace& trace, const std::string& name, size_t count = 3);

}  // namespace alab::core

// Tensor names of a trace, made and read in one place: "encoder.1.self_attn.weights",
// "decoder.0.cross_attn.scores", "encoder.0.norm1", and the PyTorch name of an attention's
// in_proj_weight. Also which attentions a trace holds (kind, layer count, heads). The names are a
// contract shared by the CLI, the inspector, the exporters and the lessons (see trace.h).
// Layers and heads are counted from 0 in names, as in PyTorch; texts for people add 1.
#pragma once

#include "core/trace.h"

#include <optional>
#include <string>

namespace alab::core {

/// The three attentions of an encoder–decoder.
enum class AttentionKind { EncoderSelf, DecoderSelf, Cross };

/// "encoder-self", "decoder-self", "cross": stable keys for settings and command lines.
std::string attentionKindKey(AttentionKind kind);
/// The kind with that key, or nothing.
std::optional<AttentionKind> attentionKindFromKey(const std::string& key);

/// "encoder.{layer}.self_attn", "decoder.{layer}.self_attn" or "decoder.{layer}.cross_attn".
std::string attentionPrefix(AttentionKind kind, int layer);
/// attentionPrefix + "." + leaf, e.g. ("q", "scores", "weights", "context", "mask").
std::string attentionTensorName(AttentionKind kind, int layer, const std::string& leaf);
/// "encoder.{layer}.{leaf}" or "decoder.{layer}.{leaf}" for a layer's own tensors (norm1, output …).
std::string layerTensorName(bool decoder, int layer, const std::string& leaf);

/// An attention tensor's name taken apart.
struct AttentionName {
    AttentionKind kind;
    int layer;
    std::string leaf;  // "weights", "scores", …
};
/// "decoder.1.cross_attn.weights" → {Cross, 1, "weights"}; nothing for any other name
/// (including "encoder.0.cross_attn.x", which no trace holds).
std::optional<AttentionName> parseAttentionName(const std::string& name);

/// True for the [h, Tq, Tk] tensors of an attention: scores, scaled and weights.
bool isAttentionMap(const std::string& leaf);

/// PyTorch's name of the attention's packed q;k;v weight: "encoder.layers.0.self_attn.in_proj_weight",
/// "decoder.layers.1.multihead_attn.in_proj_weight".
std::string inProjWeightName(AttentionKind kind, int layer);

/// The attention's record in the trace, or nullptr when that layer was not captured.
const AttentionTrace* findAttention(const Trace& trace, AttentionKind kind, int layer);
/// How many layers hold this kind of attention with weights (0 unless every layer was captured).
int attentionLayerCount(const Trace& trace, AttentionKind kind);
/// Heads of this kind of attention (0 when the trace holds none).
int attentionHeadCount(const Trace& trace, AttentionKind kind);

/// True when the glob matches the whole of `name`: '*' any run of characters, '?' one character
/// (breakpoint patterns and `trace --tensors` both use it).
bool globMatch(const std::string& glob, const std::string& name);

}  // namespace alab::core

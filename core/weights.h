// The learnable parameters of the model, laid out like torch.nn.Transformer's state_dict
// (Linear weights are [out, in]; in_proj_weight is split into its q, k, v thirds).
// Weights come from a seed (deterministic everywhere) or from named tensors (a safetensors file).
#pragma once

#include "core/config.h"
#include "core/tensor.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace alab::core {

/// PyTorch state_dict name -> tensor, as in a safetensors file.
using NamedTensors = std::map<std::string, Tensor>;

/// y = x W^T + b.
struct Linear {
    Matrix weight;  // [out, in]
    RowVector bias; // [out]
};

/// LayerNorm's scale and shift.
struct LayerNormWeights {
    RowVector gamma;  // [d_model]
    RowVector beta;   // [d_model]
};

/// One multi-head attention block's projections.
struct MhaWeights {
    Matrix wq, wk, wv;     // [heads*d_k, d_model] each: the thirds of in_proj_weight
    RowVector bq, bk, bv;  // [heads*d_k] each: the thirds of in_proj_bias
    Linear out;            // weight [d_model, heads*d_k]: W^O
};

/// One encoder layer (PyTorch: encoder.layers.{l}).
struct EncoderLayerWeights {
    MhaWeights self_attn;
    Linear linear1;  // [d_ff, d_model]
    Linear linear2;  // [d_model, d_ff]
    LayerNormWeights norm1, norm2;
};

/// One decoder layer (PyTorch: decoder.layers.{l}).
struct DecoderLayerWeights {
    MhaWeights self_attn;
    MhaWeights cross_attn;  // PyTorch: multihead_attn
    Linear linear1, linear2;
    LayerNormWeights norm1, norm2, norm3;
};

/// Every parameter of the model.
struct Weights {
    Matrix src_embed;  // [src_vocab, d_model]
    Matrix tgt_embed;  // [tgt_vocab, d_model]
    Matrix pos_embed;  // [max_len, d_model], only for learned positional encoding
    std::vector<EncoderLayerWeights> encoder;
    LayerNormWeights encoder_norm;  // used when final_norm
    std::vector<DecoderLayerWeights> decoder;
    LayerNormWeights decoder_norm;  // used when final_norm
    Linear generator;               // [tgt_vocab, d_model]
};

/// Xavier-uniform projections, uniform embeddings (variance 1, or 1/d_model when scale_embedding),
/// LayerNorm 1/0, zero biases;
/// bit-identical for a seed on every platform.
Weights initWeights(const ModelConfig& config, uint64_t seed);

/// Throws InvalidArgument unless weights hold config's layers (extra layers are ignored) and every
/// tensor fromNamedTensors would fill has its shape (the message names it and both shapes) and no NaN.
void checkWeights(const ModelConfig& config, const Weights& weights);

/// PyTorch state_dict names -> tensors (plus src_embed, tgt_embed, generator, pos_embed).
/// Throws InvalidArgument on a missing layer or a wrong shape, as checkWeights does.
NamedTensors toNamedTensors(const ModelConfig& config, const Weights& weights);

/// The inverse; throws InvalidArgument naming a missing tensor, a wrong shape (both shapes) or a NaN.
Weights fromNamedTensors(const ModelConfig& config, const NamedTensors& tensors);

}  // namespace alab::core

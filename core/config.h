// ModelConfig: the hyper-parameters of a Transformer, validated, and read from / written to JSON.
// Key names match the JSON file (d_model, heads, ...), so a config saved from Python loads as is.
#pragma once

#include "core/json.h"

#include <string>

namespace alab::core {

/// The feed-forward network's activation.
enum class Activation { Relu, Gelu };
/// How positions enter: the paper's sinusoids, a learned table (pos_embed), or not at all.
enum class PositionalEncoding { Sinusoidal, Learned, None };

/// The hyper-parameters; the defaults describe a small encoder-decoder.
struct ModelConfig {
    int d_model = 64;
    int heads = 4;
    int d_k = 0;  ///< per-head width; 0 means d_model / heads (the paper and PyTorch)
    int d_ff = 256;
    int encoder_layers = 2;
    int decoder_layers = 2;
    int src_vocab = 32;
    int tgt_vocab = 32;
    int max_len = 512;
    bool norm_first = false;  ///< false: the paper's post-norm; true: pre-norm
    Activation activation = Activation::Relu;
    float layer_norm_eps = 1e-5f;
    PositionalEncoding positional_encoding = PositionalEncoding::Sinusoidal;
    bool scale_embedding = true;  ///< multiply embeddings by sqrt(d_model), as the paper
    bool final_norm = true;       ///< encoder.norm / decoder.norm after the stacks (nn.Transformer has them)
    int pad_id = -1;              ///< token id that is masked as a key; -1: no padding mask

    int headDim() const { return d_k > 0 ? d_k : d_model / heads; }  ///< d_k with the 0 default resolved
    int projDim() const { return heads * headDim(); }  ///< width of Q, K, V and of the concat

    /// Throws InvalidArgument naming the offending numbers, e.g. "d_model 50 is not divisible by heads 8".
    void validate() const;
    static ModelConfig fromJson(const Json& json);  ///< validates; unknown keys are an error
    Json toJson() const;  ///< every key (d_k only when set), so fromJson(toJson()) gives the same config
};

}  // namespace alab::core

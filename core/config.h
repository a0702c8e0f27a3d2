// ModelConfig: the hyper-parameters of a Transformer, validated, and read from / written to JSON.
// Key names match the JSON file (d_model, heads, ...), so a config saved from Python loads as is.
#pragma once

#include "core/json.h"

#include <cstdint>
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
    /// Width of Q, K, V and of the concat: heads × d_k. validate() refuses configs where it exceeds
    /// kMaxWidth, so on a validated config it always fits an int.
    int projDim() const { return int(int64_t(heads) * headDim()); }

    static constexpr int64_t kMaxWidth = 1 << 20;       ///< d_model, d_k, d_ff and heads × d_k at most
    static constexpr int64_t kMaxHeads = 1 << 16;
    static constexpr int64_t kMaxLayers = 1 << 12;      ///< per stack
    static constexpr int64_t kMaxVocab = 1 << 24;
    static constexpr int64_t kMaxLen = 1'000'000'000;
    static constexpr int64_t kMaxTensorElements = int64_t(1) << 34;  ///< any one weight tensor (64 GiB of floats)

    /// Throws InvalidArgument naming the offending keys and numbers, e.g. "d_model 50 is not divisible
    /// by heads 8" or "heads 536870913 × d_k 8 = 4294967304 is larger than 1048576"; every size and
    /// product of sizes is checked in 64 bits, and layer_norm_eps must be finite and in (0, 1].
    void validate() const;
    static ModelConfig fromJson(const Json& json);  ///< validates; unknown keys are an error
    Json toJson() const;  ///< every key (d_k only when set), so fromJson(toJson()) gives the same config

private:
    void validateSizes() const;
};

}  // namespace alab::core

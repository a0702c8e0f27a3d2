// The building blocks around attention: LayerNorm, the position-wise feed-forward network, and the
// encoder and decoder layers in post-norm (the paper) or pre-norm form. Each records into its trace.
#pragma once

#include "core/attention.h"
#include "core/config.h"
#include "core/model/dropout.h"
#include "core/trace.h"
#include "core/weights.h"

namespace alab::core {

/// Normalise each row to mean 0 / variance 1 (biased variance), then scale by gamma and shift by beta.
/// When `stats` is given it receives each row's mean and 1/sqrt(var + eps) ([rows, 1]), for backward.
Matrix layerNorm(const Matrix& x, const LayerNormWeights& w, float eps, LayerNormStats* stats = nullptr);

/// linear2(activation(linear1(x))); x [rows, d_model] -> [rows, d_model].
Matrix feedForward(const Matrix& x, const Linear& linear1, const Linear& linear2, Activation act,
                   FfnTrace* trace = nullptr);

/// One encoder layer: self-attention then FFN, each with a residual connection and LayerNorm.
/// With `dropout` (training), each sub-layer's output is dropped out before the residual sum.
Matrix encoderLayer(const Matrix& x, const EncoderLayerWeights& w, const ModelConfig& c, const Matrix& mask,
                    EncoderLayerTrace* trace = nullptr, Dropout* dropout = nullptr);

/// One decoder layer: masked self-attention, encoder–decoder attention (Q from x, K and V from memory), FFN.
/// memoryKv, when given, holds the cross-attention's projections of memory (projectKeyValues).
Matrix decoderLayer(const Matrix& x, const Matrix& memory, const DecoderLayerWeights& w, const ModelConfig& c,
                    const Matrix& selfMask, const Matrix& crossMask, DecoderLayerTrace* trace = nullptr,
                    Dropout* dropout = nullptr, const KeyValues* memoryKv = nullptr);

}  // namespace alab::core

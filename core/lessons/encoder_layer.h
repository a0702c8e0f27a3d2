// The encoder-layer lesson (registry id "encoder-layer"): the residual stream x + Sublayer(x), Add &
// Norm with a row's mean and variance before and after, the position-wise FFN and its ReLU, the
// stack of N layers, and where the LayerNorm sits (post-norm as in the paper, or pre-norm). Built
// from any encoder trace; the helpers below are what its numbers are computed with, for the tests.
// Legend: S words, F the focus word, d_model width, d_ff the FFN's hidden width, N layers.
#pragma once

#include "core/lesson.h"

#include <vector>

namespace alab::core {

/// One row through LayerNorm, in double: what the Add & Norm steps show.
struct LayerNormRow {
    std::vector<double> input;       // [d_model] v
    double mean = 0;                 // μ = Σ v / d_model
    double variance = 0;             // σ² = Σ (v − μ)² / d_model (biased, as PyTorch)
    double rstd = 0;                 // 1/σ = 1/√(σ² + ε)
    std::vector<double> normalized;  // [d_model] (v − μ)·(1/σ)
    std::vector<double> output;      // [d_model] normalized·γ + β
    double meanAfter = 0;            // of normalized: 0 up to rounding
    double varianceAfter = 0;        // of normalized: σ² / (σ² + ε), 1 up to ε
};

/// LayerNorm of one row, each quantity of the formula kept.
LayerNormRow layerNormRow(const RowVector& x, const LayerNormWeights& w, double eps);

/// Mean and (biased) variance of a row.
std::pair<double, double> rowMeanVariance(const RowVector& x);

/// The encoder stack run again from trace.encoder_input with the model's weights and padding mask,
/// LayerNorms placed as `normFirst` says: each layer's output, [N][S, d_model].
std::vector<Matrix> stackOutputs(const Trace& trace, const Model& model, bool normFirst);

/// The encoder stack run again from trace.encoder_input with the LayerNorms on the other side
/// (norm_first flipped), same weights and padding mask: each layer's output, [N][S, d_model].
std::vector<Matrix> otherPlacementOutputs(const Trace& trace, const Model& model);

/// Parameters of one encoder layer of that shape: attention 4·d_model² + 4·d_model, FFN
/// 2·d_model·d_ff + d_ff + d_model, two LayerNorms 4·d_model. The paper's base: 3,152,384.
int64_t encoderLayerParameters(int64_t d_model, int64_t d_ff);

/// "3,152,384": thousands separated by commas.
std::string groupedNumber(int64_t n);

/// The lesson on layer options.spec.layer of `trace`, word options.spec.focus.
Lesson buildEncoderLayerLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                               const LessonOptions& options);

}  // namespace alab::core

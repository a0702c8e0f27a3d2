// The decoder lesson (registry id "decoder"), on the trained en→zh model (translation_example.h):
// the decoder reads its own output shifted by one (row i reads input token i and writes the next),
// the causal mask (−∞ before the softmax, exactly 0 after), why (a later token changes no earlier
// row: computed by changing one), the padding mask (padding the source changes no logit), and
// cross-attention (Q from the decoder, K and V from the encoder output): which source word each
// target word reads. Legend: S source words, T decoder rows, h heads; texts count from 1.
#pragma once

#include "core/lesson.h"
#include "core/lessons/translation_example.h"

namespace alab::core {

/// A change of one decoder input token, and how much each row's logits move: max_v |Δ logit|.
struct FutureChange {
    int position = 0;              // the input position changed (0-based, ≥ 1: never <bos>)
    int oldToken = 0, newToken = 0;
    std::vector<double> rowChange;  // [T]
};
/// Replaces input token `position` by the second choice of the row before it, and runs the model again.
FutureChange changeOneInput(const TranslationExample& e, int position);

/// The source followed by `pads` <pad> tokens, run with the same decoder input.
Trace paddedSourceTrace(const TranslationExample& e, int pads);
/// max |Δ logit| over every row and token between the padded run and the example's.
double paddingLogitChange(const TranslationExample& e, const Trace& padded);

/// The cross-attention head of `layer` whose rows are most decided: the largest mean row maximum
/// (the first such head on a tie).
int sharpestCrossHead(const Trace& trace, int layer);
/// Cross-attention weights of `layer` averaged over its heads: [T, S].
Matrix meanCrossWeights(const Trace& trace, int layer);

/// The lesson (6 steps).
Lesson buildDecoderLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                          const LessonOptions& options);

}  // namespace alab::core

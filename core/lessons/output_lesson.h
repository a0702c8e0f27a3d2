// The output lesson (registry id "output"), on the trained en→zh model (translation_example.h): the
// final linear layer turns a decoder row into one logit per vocabulary token, softmax makes them
// probabilities (top-k bars), greedy decoding appends the most probable token until <eos>, and
// beam search (K = 3) keeps three hypotheses, scored by their summed log-probabilities, as a tree.
// Legend: T decoder rows, V the vocabulary, r the row shown, K the beam width; texts count from 1.
#pragma once

#include "core/lesson.h"
#include "core/lessons/translation_example.h"
#include "core/train/decode.h"

namespace alab::core {

constexpr int kOutputTopK = 5;  ///< tokens shown as bars
constexpr int kOutputBeam = 3;  ///< the beam width of the tree

/// The row the lesson looks at: the one least sure of its token (the smallest top probability).
int leastSureRow(const Trace& trace);
/// The `k` tokens with the largest logits of row `row`, largest first (the smaller id on a tie).
std::vector<int> topTokens(const Trace& trace, int row, int k);
/// Beam search with K = kOutputBeam on source ids `src` whose greedy translation has `rows` decoder rows.
DecodeResult lessonBeam(const Model& model, const Vocabulary& vocab, const std::vector<int>& src, int rows);
/// lessonBeam on the example's source, its tree kept.
DecodeResult exampleBeam(const TranslationExample& e);

/// The lesson (5 steps).
Lesson buildOutputLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                         const LessonOptions& options);

}  // namespace alab::core

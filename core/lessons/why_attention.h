// The why-attention lesson (registry id "why-attention"): a tiny seeded RNN reads the sentence one
// word at a time while attention sees every word at once; the path between two words is n steps
// against 1; and how much the RNN's last state still depends on an early one, ‖∂h_n/∂h_t‖, shrinks
// with the distance — computed as a product of Jacobians (core/lessons/tiny_rnn.h).
// Legend: S words, H the RNN's hidden width, t a word (1-based in texts), n = S the last word.
#pragma once

#include "core/lesson.h"
#include "core/lessons/tiny_rnn.h"

namespace alab::core {

constexpr int kWhyRnnHidden = 4;          ///< the RNN's hidden width: four numbers fit on the stage
constexpr uint64_t kWhyRnnSeed = 42;      ///< its weights' seed
constexpr double kWhyRnnStretch = 0.9;    ///< the spectral norm of its W_h

/// The lesson's RNN for word vectors of width d_model.
TinyRnn whyAttentionRnn(int d_model);
/// Its input: the trace's word vectors (input.src_embedding), in double, [S, d_model].
Eigen::MatrixXd whyAttentionInputs(const Trace& trace);
/// ‖∂h_S/∂h_t‖ for t = 1 … S (index t − 1): the last state's sensitivity to each earlier one.
std::vector<double> gradientNorms(const TinyRnn& rnn, const TinyRnnTrace& trace);

/// The lesson on the words of `trace` (attention shares from layer 1, head 1, of its encoder); fewer than
/// kWhyMinWords words: on its own sentence (core/lessons/why_attention_example.h).
Lesson buildWhyAttentionLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                               const LessonOptions& options);

}  // namespace alab::core

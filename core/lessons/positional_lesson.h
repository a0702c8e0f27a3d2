// The positional-encoding lesson (registry id "positional-encoding"): attention by itself does not
// see word order (two traces of the model with its positions switched off, one on shuffled words:
// the weights are only permuted), the sin/cos formula and its waves, adding PE to the embeddings,
// the relative property PE(p + k) = M_k × PE(p) with a block-diagonal rotation M_k, and learned vs
// sinusoidal. Shown on the window's trace or the trained en→zh model (core/lessons/course_model.h).
// Legend: S words, p = t − 1 the position of word t, k a shift, d_model the vector width.
#pragma once

#include "core/lesson.h"

namespace alab::core {

/// The same model with its positional encoding switched off (same weights otherwise).
Model withoutPositions(const Model& model);

/// The shuffle the lesson uses: the words in reverse order (only the first four of more than six, so
/// that the change stays in view); word t of the shuffled sentence is word order[t] of the original.
std::vector<int> shuffledOrder(int S);

/// Largest |b.w[h](i, j) − a.w[h](order[i], order[j])| over the heads of encoder layer 1: zero when
/// b's attention is a's with rows and columns permuted by `order`.
double permutedWeightsGap(const Trace& a, const Trace& b, const std::vector<int>& order);

/// M_k acting on PE(p) written as a column: PE(p + k) = M_k × PE(p), [d_model, d_model], 2 × 2
/// rotation blocks on the diagonal.
Eigen::MatrixXd relativeShift(int k, int d_model);

/// PE(p) from the formula, in double: [d_model].
Eigen::VectorXd sinusoid(int p, int d_model);

/// The word the add step follows (0-based): of words 3, 2, 4, 5, … the first whose embedding + PE adds
/// up exactly, as shown, in the first `columns` numbers with the fewest decimals (word 3 when none does).
int positionalAddFocus(const Trace& trace, int columns);

Lesson buildPositionalLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                             const LessonOptions& options);

}  // namespace alab::core

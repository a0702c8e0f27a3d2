// The training loss: cross-entropy of the generator's logits against one label per target
// position, averaged over positions whose label is not pad_id, with label smoothing ε, exactly as
// torch.nn.functional.cross_entropy(logits, labels, ignore_index=pad_id, label_smoothing=ε):
//   loss_t = (1 − ε)·(−log p_t[y_t]) + ε · mean_c(−log p_t[c]),  loss = Σ_t loss_t / #counted.
#pragma once

#include "core/tensor.h"

#include <vector>

namespace alab::core {

/// Throws InvalidArgument unless there is one label per row of a [rows, vocab] logit matrix, each in
/// [0, vocab) or equal to pad_id, not all of them pad_id, and 0 ≤ smoothing ≤ 1 (the messages name them).
void checkLabels(const std::vector<int>& labels, Eigen::Index rows, Eigen::Index vocab, int pad_id, float smoothing);

/// The loss (computed in double, returned as float); checks the labels first.
float crossEntropyLoss(const Matrix& logits, const std::vector<int>& labels, int pad_id, float smoothing);

/// Backward of crossEntropyLoss: dL/dlogits [rows, vocab] = (softmax − (1 − ε)·onehot − ε/vocab) / #counted
/// on counted rows, 0 on rows whose label is pad_id.
Matrix crossEntropyLossBackward(const Matrix& logits, const std::vector<int>& labels, int pad_id, float smoothing);

}  // namespace alab::core

// The backward pass of Model::forward: from the loss back to every parameter and every traced
// activation, layer by layer in reverse, each step the *Backward twin of a forward function.
// Legend: S source positions, T target positions.
#pragma once

#include "core/model.h"
#include "core/train/gradients.h"
#include "core/train/packed_batch.h"

#include <vector>

namespace alab::core {

/// Backward of the embedding lookup (times `scale`, √d_model when scale_embedding): adds
/// scale · dEmbedding.row(i) into dTable.row(ids[i]).
void embeddingBackward(const Matrix& dEmbedding, const std::vector<int>& ids, float scale, Matrix& dTable);

/// Loss and gradients of `trace` = model.forward(src, tgt) with every layer captured and a target,
/// against one label per target position (crossEntropyLoss: pad_id ignored, label smoothing ε).
/// Throws InvalidArgument on a partial or encoder-only trace and on bad labels (see checkLabels).
Gradients backward(const Model& model, const Trace& trace, const std::vector<int>& labels, float labelSmoothing);

/// Backward of a packed batch's trace (packedForward): returns the loss, the mean over the batch's
/// counted labels, and adds scale × its parameter gradients into `into` (zeroWeightsLike's layout).
/// No activation gradients are kept. Throws InvalidArgument when no label counts.
float packedBackward(const ModelConfig& config, const Weights& weights, const Trace& trace, const PackedBatch& batch,
                     float labelSmoothing, float scale, Weights& into);

}  // namespace alab::core

// One optimisation step over a batch, the unit a trainer (or a training window) drives: forward and
// backward of the batch packed into a few passes (core/train/packed_batch.h), gradients combined as one
// PyTorch batch would (the loss is the mean over every counted label of the batch), optional
// global-norm clipping, then Adam at a given rate. The same inputs give bit-identical weights on any
// thread count.
// No globals, no printing: the caller owns the weights, the optimiser state and the schedule.
#pragma once

#include "core/config.h"
#include "core/train/optimizer.h"
#include "core/weights.h"

#include <cstdint>
#include <vector>

namespace alab::core {

/// One pair as ids: source ids, decoder input ids and one label per decoder position (pad_id: ignored);
/// a padded Batch row without its padding (named apart from the token-level Example of a task).
struct TrainingPair {
    std::vector<int> src, tgt, labels;
};

struct StepOptions {
    float label_smoothing = 0.0f;
    float clip_norm = 0.0f;  ///< clip the global gradient norm to this; 0 = no clipping
    float dropout = 0.0f;    ///< residual dropout p (core/model/dropout.h); 0 = none
    uint64_t dropout_seed = 0;  ///< example i of the batch draws its masks from Rng(dropout_seed + i)
};

/// What one step measured.
struct StepResult {
    float loss = 0;       ///< the batch loss before the update
    float grad_norm = 0;  ///< global L2 norm of the gradients before clipping
    int tokens = 0;       ///< labels that counted (not pad_id)
};

/// Loss and parameter gradients of a batch, returned as a Weights of gradients; bit-identical on any
/// thread count. Throws InvalidArgument on an empty batch or a bad example (the message names its
/// index, 1-based). With dropout > 0, example i's forward drops out with masks from
/// Rng(dropoutSeed + i), so the masks do not depend on how the batch is cut or shared among threads.
Weights batchGradients(const ModelConfig& config, const Weights& weights, const std::vector<TrainingPair>& batch,
                       float labelSmoothing, float& loss, int& tokens, float dropout = 0.0f,
                       uint64_t dropoutSeed = 0);

/// batchGradients, clipping, then adam.step at learning rate lr; updates weights in place.
StepResult trainStep(const ModelConfig& config, Weights& weights, Adam& adam, const std::vector<TrainingPair>& batch,
                     float lr, const StepOptions& options = {});

}  // namespace alab::core

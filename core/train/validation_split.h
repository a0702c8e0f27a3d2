// The validation split of a training run, kept apart from both the data it trains on and the held-out
// test split, while the training stream and the test split stay exactly what they were before there
// was a validation split. Candidates come from their own stream (Rng(seed ^ kValidationStream)) in the
// training region; the run's training stream (every batch of its `steps` steps, replayed with the
// same draws Trainer::step makes) is then scanned and any candidate whose source it draws is dropped.
#pragma once

#include "core/rng.h"
#include "core/train/task.h"

#include <cstdint>
#include <vector>

namespace alab::core {

struct TrainerOptions;

/// XORed into the seed for the validation candidates' stream (the test split uses seed ^ 0x9e37…).
inline constexpr uint64_t kValidationStream = 0x5eed0fa11da7e000ULL;

/// One step's draws from a run's stream `rng`: the batch, then (with dropout > 0) the step's dropout
/// seed into *dropoutSeed. Trainer::step and the validation replay both call it, so they agree.
std::vector<Example> drawTrainingBatch(const Task& task, Rng& rng, int batch, float dropout, uint64_t* dropoutSeed);

/// Up to o.evalExamples examples of `task`'s Validation split (duplicates allowed, as the splits are
/// drawn with replacement) none of whose sources the run with options `o` draws in any of its o.steps
/// steps. Fewer only when the training stream covers nearly every candidate; throws InvalidArgument
/// when none is left.
std::vector<Example> validationSplit(const Task& task, const TrainerOptions& o);

}  // namespace alab::core

// A training checkpoint: the model folder (weights, config, vocabulary, task.json) plus what a run
// needs to continue bit-identically: train_state.json (options, step, the data stream's Rng words,
// Adam's step count) and optimizer.safetensors (Adam's moments, named exp_avg.<state_dict name> and
// exp_avg_sq.<state_dict name> as PyTorch's Adam names them), with log.csv. Written all-or-nothing.
#pragma once

#include "core/train/model_folder.h"
#include "core/train/trainer.h"

#include <string>

namespace alab::core {

inline constexpr const char* kTrainStateFile = "train_state.json";
inline constexpr const char* kOptimizerFile = "optimizer.safetensors";
inline constexpr const char* kLogFile = "log.csv";

/// Everything one checkpoint holds.
struct Checkpoint {
    TrainerOptions options;
    TrainingState state;
    ModelFolder model;
    std::string log;  ///< log.csv's text: a header line and one row per step done
};

/// The trainer's options, state and model now, with `log` as log.csv.
Checkpoint checkpointOf(const Trainer& trainer, std::string log);

/// Writes the checkpoint as the folder `dir`, swapped in whole (writeModelFolder, FolderWrite::Swap):
/// `dir` is at every moment the previous checkpoint or the new one, and a failed write (a full
/// disk) leaves the previous one as it was. Returns "" or one line.
std::string writeCheckpoint(const std::string& dir, const Checkpoint& checkpoint);

/// The sub-folder of a training run's output folder that holds its latest checkpoint.
inline constexpr const char* kCheckpointFolder = "checkpoint";

/// Saves a training run into `outDir`: the model folder with log.csv at its top (opens wherever a
/// model opens; files replaced in place) and the checkpoint as outDir/checkpoint (writeCheckpoint).
/// Returns "" or one line; on failure each of the two is either its previous version or the new one.
std::string saveTrainingRun(const std::string& outDir, const Checkpoint& checkpoint);

/// The folder that `train --resume DIR` reads: DIR/checkpoint when it holds a training state, else DIR.
std::string checkpointFolderOf(const std::string& dir);

/// Reads a checkpoint; returns "" or one line naming `dir` and the problem (not a folder, not
/// written by attention-lab, a missing file, a tensor of another shape than config.json says).
std::string readCheckpoint(const std::string& dir, Checkpoint& out);

/// "" when `wanted` may continue `saved`: same task or data file, model shape, seed and (for data
/// files) validation fraction (steps, batch, rates and clip may change). Otherwise one line naming the first difference.
std::string checkResumable(const TrainerOptions& saved, const TrainerOptions& wanted);

/// The first line of `log` and its rows whose step is ≤ `step` (a log saved beside a checkpoint).
std::string logUpToStep(const std::string& log, int step);

/// A trainer that continues `checkpoint` with `options` (checkResumable must pass): its vocabulary,
/// config and weights are checked against the checkpoint's. Throws InvalidArgument naming the problem.
std::unique_ptr<Trainer> resumeTrainer(const Checkpoint& checkpoint, const TrainerOptions& options);

}  // namespace alab::core

// A model folder: model.safetensors + config.json + vocab.txt (+ task.json), the same three files
// that --weights / --config / --vocab name, so a folder written here opens wherever a model opens.
// Writes never leave half a file, and never touch a folder that attention-lab did not write.
#pragma once

#include "core/config.h"
#include "core/json.h"
#include "core/model_loader.h"
#include "core/tokenizer.h"
#include "core/weights.h"

#include <string>
#include <utility>
#include <vector>

namespace alab::core {

inline constexpr const char* kWeightsFile = "model.safetensors";
inline constexpr const char* kConfigFile = "config.json";
inline constexpr const char* kVocabFile = "vocab.txt";
inline constexpr const char* kTaskFile = "task.json";

/// What a model folder holds.
struct ModelFolder {
    ModelConfig config;
    Weights weights;
    Vocabulary vocab;  // one joint vocabulary for source and target
    Json task;         // written as task.json unless null (e.g. {"task": "reverse", "seed": 1})
};

/// A model with seeded random weights for `vocab` (src_vocab = tgt_vocab = its size, pad_id = its
/// <pad>); `shape` gives the other hyper-parameters; task.json records the task name and seed.
ModelFolder newModelFolder(const std::string& taskName, const Vocabulary& vocab, ModelConfig shape, uint64_t seed);

/// A file written beside the model: its name in the folder and its bytes.
using FolderFile = std::pair<std::string, std::string>;

/// How writeModelFolder replaces an existing folder.
enum class FolderWrite {
    InPlace,  ///< file by file (each complete under a temporary name first); other files in the folder stay
    Swap,     ///< a whole new folder is staged and swapped in by one rename; the previous one is removed
};

/// Writes the folder (plus `extra` files, e.g. a trainer's checkpoint and log.csv). A new folder
/// appears whole (staged, then renamed); an existing one must be empty or marked as attention-lab's
/// (core/tensor/output_folder.h). InPlace: every file is first written complete under a temporary
/// name, and only when all are written are they renamed into place, so a full disk leaves the
/// previous files as they were; other files in the folder stay (temporaries of these files that a
/// killed writer left are removed). Swap: the folder is always either
/// the previous version or the new one, even if the process is killed. Returns "" or one line.
std::string writeModelFolder(const std::string& dir, const ModelFolder& folder, const std::vector<FolderFile>& extra = {},
                             FolderWrite mode = FolderWrite::InPlace);

/// The --weights / --config / --vocab paths of a folder (vocab.txt only when present).
ModelSource modelFolderSource(const std::string& dir);

/// Loads a folder as loadModel does; the model is named after the folder. Returns "" or the error.
std::string loadModelFolder(const std::string& dir, LoadedModel& out);

/// True when `dir` holds a trainer's log.csv (as `attention-lab train` writes it) with at least one
/// step: the weights beside it were trained. A folder of random initial weights has none.
bool hasTrainingLog(const std::string& dir);

/// What `dir` says about training: Steps (a log.csv with a step), NoSteps (our trainer's folder — a
/// log.csv or task.json — without one) or None (neither: files from elsewhere).
enum class TrainingRecord { None, NoSteps, Steps };
TrainingRecord trainingRecord(const std::string& dir);

/// task.json of a folder, or null when the folder has none; returns "" or a read / parse error.
std::string readTaskJson(const std::string& dir, Json& out);

}  // namespace alab::core

// Turning what a user names (a preset, or a safetensors + config JSON pair, and a sentence or ids)
// into a Model and token ids. Shared by the command line and the window; errors come back as one
// line of text naming the problem, never an exception or an exit.
#pragma once

#include "core/model.h"
#include "core/tokenizer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace alab::core {

/// What to load: a preset by name, or files.
struct ModelSource {
    std::string preset;       // "thinking-machines" | "demo" | a shipped model ("reverse", "en-zh"), or empty for files
    std::string weightsPath;  // .safetensors
    std::string configPath;   // .json with ModelConfig keys
    std::string vocabPath;    // optional: one token per line
    uint64_t seed = 2017;     // for the demo preset
};

/// A loaded model, its vocabulary and a name to show.
struct LoadedModel {
    std::shared_ptr<const Model> model;
    Vocabulary vocab;  // empty (size 0) when a file model came without a vocabulary
    std::string name;  // the preset name or the weights file name
    bool untrained = false;  // random weights (the demo preset), or a trainer's folder with no step logged
    bool trainingUnknown = false;  // files with no log.csv or task.json beside them: trained or not, we cannot tell
};

/// Loads a preset or a weights + config pair. Returns "" or an error such as
/// "weights.safetensors: tensor encoder.layers.0.linear1.weight has shape [8,4], expected [16,4]".
std::string loadModel(const ModelSource& source, LoadedModel& out);

/// "1,2,3" -> {1,2,3}; returns an error naming the bad item.
std::string parseIds(const std::string& csv, std::vector<int>& out);

/// Tokenizes text with the model's vocabulary; unknown words, an empty text or a missing
/// vocabulary are errors that name the word.
std::string encodeText(const LoadedModel& model, const std::string& text, std::vector<int>& out);

}  // namespace alab::core

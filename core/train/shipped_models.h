// The models AttentionLab trained itself and ships (scripts/train_presets.sh): "reverse" and "en-zh",
// model folders under resources/models/ in the source tree, installed to share/attention-lab/models
// and copied to <build>/share/attention-lab/models, so one rule finds them from an installed program
// and from any program of a build tree: <folder of the running program>/../share/attention-lab/models.
// $ATTENTION_LAB_MODELS (one folder) is searched first, so retrained models can stand in.
#pragma once

#include "core/model_loader.h"

#include <string>
#include <vector>

namespace alab::core {

/// The environment variable naming a folder searched before the installed models.
inline constexpr const char* kShippedModelsEnv = "ATTENTION_LAB_MODELS";

/// "reverse", "en-zh".
const std::vector<std::string>& shippedModelNames();
bool isShippedModel(const std::string& name);

/// The folders searched, in order: $ATTENTION_LAB_MODELS when set, then
/// <folder of the running program>/../share/attention-lab/models.
std::vector<std::string> shippedModelSearchPath();

/// Sets `dir` to the first <folder>/<name> of the search path that holds a model.safetensors.
/// Returns "" or an error naming the model and the folders searched.
std::string findShippedModel(const std::string& name, std::string& dir);

/// Loads a shipped model; out.name is the shipped name and out.untrained is false.
std::string loadShippedModel(const std::string& name, LoadedModel& out);

/// What --model takes: an existing folder is loaded as a model folder (it wins, so ./en-zh is always
/// the folder); otherwise a shipped model's name; otherwise an error saying both.
std::string loadModelFolderOrShipped(const std::string& folderOrName, LoadedModel& out);

}  // namespace alab::core

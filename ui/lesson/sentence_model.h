// The models "your sentence" can run on: the trained en→zh translation model that AttentionLab
// ships (the default; its decoder reads the model's own translation, so the cross-attention maps
// show where each Chinese word was read from), or the demo model with random weights, labelled so.
// The trained model is loaded once (core/train/shipped_models.h) and shared.
#pragma once

#include "core/model_loader.h"

#include <QString>

#include <memory>
#include <vector>

namespace alab::ui {

/// Preset names of the two choices.
inline const char* const kTrainedSentenceModel = "en-zh";
inline const char* const kRandomSentenceModel = "demo";

/// The shipped en-zh model, loaded on first use; returns "" or why it could not be loaded.
QString trainedSentenceModel(std::shared_ptr<const core::LoadedModel>& out);

/// The decoder input for source ids the model knows: <bos> + the model's own greedy translation.
std::vector<int> trainedDecoderInput(const core::LoadedModel& model, const std::vector<int>& src);

}  // namespace alab::ui

// The model the multi-head and positional-encoding lessons show. Those lessons need several heads
// and positional encoding: the window's own trace when its model has both (your sentence on the
// trained en→zh model, the demo model), otherwise the trained en→zh model of resources/models/en-zh
// (core/train/shipped_models) on kCourseSentence, loaded once. Its cells then point at no trace.
// Legend: S words of the run, d_model and heads from its model's config.
#pragma once

#include "core/lessons/example_run.h"

namespace alab::core {

/// The sentence the lessons show on the trained en→zh model.
inline constexpr const char* kCourseSentence = "my brother ate the cake .";
/// The shipped model they use.
inline constexpr const char* kCourseModel = "en-zh";

/// True when a lesson about heads and positions can use this model as it is.
bool hasHeadsAndPositions(const Model& model);

/// The window's trace when hasHeadsAndPositions(model), else the trained en→zh model on
/// kCourseSentence (ownSentence). Throws InvalidArgument naming the folders searched when that model is missing.
ExampleRun courseRun(const Trace& trace, const Model& model, const std::vector<std::string>& words);

}  // namespace alab::core

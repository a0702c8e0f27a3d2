// The model the multi-head and positional-encoding lessons show. Those lessons need several heads
// and positional encoding: the window's own trace when its model has both (your sentence on the
// trained en→zh model, the demo model), otherwise the trained en→zh model of resources/models/en-zh
// (core/train/shipped_models) on kCourseSentence, loaded once. Its cells then point at no trace.
// Legend: S words of the run, d_model and heads from its model's config.
#pragma once

#include "core/model.h"
#include "core/trace.h"

#include <memory>
#include <string>
#include <vector>

namespace alab::core {

/// The sentence the lessons show on the trained en→zh model.
inline constexpr const char* kCourseSentence = "my brother ate the cake .";
/// The shipped model they use.
inline constexpr const char* kCourseModel = "en-zh";

/// A model, one forward pass of it and its words.
struct CourseRun {
    std::shared_ptr<const Model> owned;  // set when the en→zh model stands in
    std::shared_ptr<const Trace> ownedTrace;
    const Model* model = nullptr;
    const Trace* trace = nullptr;
    std::vector<std::string> words;      // [S]
    bool windowTrace = true;             // the trace the caller passed: cells may say fromTrace
};

/// True when a lesson about heads and positions can use this model as it is.
bool hasHeadsAndPositions(const Model& model);

/// The window's trace when hasHeadsAndPositions(model), else the trained en→zh model on
/// kCourseSentence. Throws InvalidArgument naming the folders searched when that model is missing.
CourseRun courseRun(const Trace& trace, const Model& model, const std::vector<std::string>& words);

}  // namespace alab::core

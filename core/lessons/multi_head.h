// The multi-head lesson (registry id "multi-head"): d_model is cut into h heads of d_k numbers (the
// paper's 512 = 8 × 64 from a base-size config, and the shown model's own split), the heads run side
// by side with their own attention patterns, their outputs are concatenated and mixed by W^O, and why
// several heads help. Shown on the window's trace or the trained en→zh model (core/lessons/course_model.h).
// Legend: h heads, d_k per-head width, S words, F the word the lesson follows (0-based here).
#pragma once

#include "core/lesson.h"

namespace alab::core {

/// The paper's base model: d_model 512, 8 heads, d_ff 2048, 6 + 6 layers.
ModelConfig baseModelConfig();

/// The encoder layer the lesson shows: the last captured one (in a trained model the first layer's
/// heads mostly read one or two words; later layers differ more).
int multiHeadLayer(const Trace& trace);

/// For each head, the key word with the largest share in row `i` of `layer`'s weights: [h].
std::vector<int> strongestKeys(const Trace& trace, int layer, int i);

/// The word the lesson follows: the one whose heads in `layer` read the most different words most
/// strongly (the first such word on a tie).
int multiHeadFocus(const Trace& trace, int layer);

Lesson buildMultiHeadLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                            const LessonOptions& options);

}  // namespace alab::core

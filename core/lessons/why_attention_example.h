// What the why-attention lesson reads: the window's sentence when it is long enough to show paths of
// several steps, otherwise the lesson's own sentence on the seeded demo model (core/presets.h). With
// two words (the Thinking Machines example) every path is one step long and there is nothing to fade,
// so the lesson runs its own example, as the decoder lessons do (core/lessons/translation_example.h).
// Legend: S words of the run.
#pragma once

#include "core/lessons/example_run.h"

namespace alab::core {

/// Fewer words than this and the lesson uses its own sentence.
constexpr int kWhyMinWords = 6;
/// The lesson's own sentence (demo vocabulary): it goes on from "Thinking Machines".
inline constexpr const char* kWhyExampleSentence = "thinking machines can read every word of this story";

/// The window's trace when it has ≥ kWhyMinWords words and a captured encoder layer 1, else the demo
/// model (seed 2017, untrained) on kWhyExampleSentence (ownSentence), computed once.
ExampleRun whyAttentionRun(const Trace& trace, const Model& model, const std::vector<std::string>& words);

}  // namespace alab::core

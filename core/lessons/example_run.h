// What a lesson runs on: the window's model, trace and words when they suit it, otherwise a lesson's
// own example sentence on a model of its choosing (the demo preset, the trained en→zh model), made
// once per example and shared by every later call and thread. courseRun (course_model.h),
// whyAttentionRun (why_attention_example.h) and translationExample (translation_example.h) use it.
// Legend: S words of the run.
#pragma once

#include "core/model.h"
#include "core/tokenizer.h"
#include "core/trace.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace alab::core {

/// A model, one forward pass of it and its words.
struct ExampleRun {
    std::shared_ptr<const Model> owned;       // the example's model when the lesson runs its own sentence
    std::shared_ptr<const Trace> ownedTrace;  // its forward pass
    const Model* model = nullptr;
    const Trace* trace = nullptr;
    std::vector<std::string> words;           // [S]
    bool ownSentence = false;                 // the lesson's own example: cells point at no trace of the caller
};

/// The caller's trace, model and words; the run refers to the first two, which must outlive it.
ExampleRun windowRun(const Trace& trace, const Model& model, const std::vector<std::string>& words);

/// A lesson's own example: `model`'s forward pass `trace` over `words`, held by the run.
ExampleRun ownRun(std::shared_ptr<const Model> model, Trace trace, std::vector<std::string> words);

/// The example run named `key`: `make` (which returns an ownRun) runs on the first call, later calls
/// from any thread get the same run. When `make` throws nothing is kept and the next call tries again.
ExampleRun cachedExampleRun(const std::string& key, const std::function<ExampleRun()>& make);

/// `sentence` in `vocab`'s tokens. Throws InvalidArgument naming `modelName` and the first unknown word.
Tokenized exampleTokens(const Vocabulary& vocab, const std::string& sentence, const std::string& modelName);

}  // namespace alab::core

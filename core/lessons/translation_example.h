// What the decoder and output lessons run on: the trained en→zh model that AttentionLab ships and a
// sentence it translates. When the lesson is given a trace of that model with a decoder input (the
// student's own sentence), it uses that trace; otherwise (the Thinking Machines preset, the demo
// model) it runs the shipped model on a held-out sentence of its own: kExampleSentence for the
// decoder lesson, kOutputSentence (output_example.h) for the output lesson.
// Legend: S source words, T decoder positions (<bos> + the translation), row i reads input i.
#pragma once

#include "core/model_loader.h"
#include "core/trace.h"

#include <memory>
#include <string>
#include <vector>

namespace alab::core {

/// The lessons' own sentence: held out from training (splitOf says so; tested).
inline constexpr const char* kExampleSentence = "the cook drinks tea in the kitchen .";

/// A translation with its trace.
struct TranslationExample {
    std::shared_ptr<const LoadedModel> loaded;  // the shipped en-zh model
    const Model* model = nullptr;                // the model that made `trace`
    Trace trace;                                 // forward(src, <bos> + translation)
    std::vector<std::string> src;                // [S] source words
    std::vector<std::string> input;              // [T] decoder input tokens: "<bos>", 厨, 师 …
    std::vector<std::string> output;             // [T] what each row predicts: 厨, 师 … "<eos>"
    std::vector<int> outputIds;                  // [T] their ids (the argmax of each row)
    bool ownTrace = false;                       // the lesson's own run (the given trace was not usable)
};

/// The shipped en-zh model, loaded once; throws InvalidArgument naming the folders searched.
std::shared_ptr<const LoadedModel> shippedTranslationModel();

/// The given trace when `model` is the shipped en-zh model and the trace has a decoder input,
/// else the shipped model on `sentence` (a lesson's own), decoded greedily. Throws InvalidArgument.
TranslationExample translationExample(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                                      const char* sentence = kExampleSentence);

/// "<bos> → 厨": the label of decoder row i, what it reads and the word it writes.
std::string decoderRowLabel(const TranslationExample& e, int i);

}  // namespace alab::core

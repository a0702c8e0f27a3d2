// courseRun (see course_model.h): the en→zh model is loaded and run once (example_run.h), then shared.
#include "core/lessons/course_model.h"

#include "core/train/shipped_models.h"

namespace alab::core {

bool hasHeadsAndPositions(const Model& model) {
    const ModelConfig& c = model.config();
    return c.heads >= 2 && c.positional_encoding != PositionalEncoding::None && c.encoder_layers >= 1;
}

ExampleRun courseRun(const Trace& trace, const Model& model, const std::vector<std::string>& words) {
    if (hasHeadsAndPositions(model) && !trace.encoder.empty() && trace.encoder[0].captured) return windowRun(trace, model, words);
    return cachedExampleRun("course", [] {
        LoadedModel loaded;
        if (const std::string err = loadShippedModel(kCourseModel, loaded); !err.empty())
            throw InvalidArgument("lesson: " + err);
        const Tokenized tok = exampleTokens(loaded.vocab, kCourseSentence, kCourseModel);
        return ownRun(loaded.model, loaded.model->forward(tok.ids), tok.tokens);
    });
}

}  // namespace alab::core

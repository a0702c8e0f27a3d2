// courseRun (see course_model.h): the en→zh model is loaded and run once, then shared.
#include "core/lessons/course_model.h"

#include "core/train/shipped_models.h"

#include <mutex>

namespace alab::core {

bool hasHeadsAndPositions(const Model& model) {
    const ModelConfig& c = model.config();
    return c.heads >= 2 && c.positional_encoding != PositionalEncoding::None && c.encoder_layers >= 1;
}

CourseRun courseRun(const Trace& trace, const Model& model, const std::vector<std::string>& words) {
    CourseRun run;
    if (hasHeadsAndPositions(model) && !trace.encoder.empty() && trace.encoder[0].captured) {
        run.model = &model;
        run.trace = &trace;
        run.words = words;
        return run;
    }
    static std::mutex mutex;
    static std::shared_ptr<const Model> cachedModel;
    static std::shared_ptr<const Trace> cachedTrace;
    static std::vector<std::string> cachedWords;
    std::lock_guard<std::mutex> lock(mutex);
    if (!cachedModel) {
        LoadedModel loaded;
        if (const std::string err = loadShippedModel(kCourseModel, loaded); !err.empty())
            throw InvalidArgument("lesson: " + err);
        const Tokenized tok = tokenize(loaded.vocab, kCourseSentence);
        if (!tok.unknown.empty()) throw InvalidArgument("lesson: the en-zh model does not know \"" + tok.unknown[0] + "\"");
        cachedTrace = std::make_shared<const Trace>(loaded.model->forward(tok.ids));
        cachedWords = tok.tokens;
        cachedModel = loaded.model;
    }
    run.owned = cachedModel;
    run.ownedTrace = cachedTrace;
    run.model = cachedModel.get();
    run.trace = cachedTrace.get();
    run.words = cachedWords;
    run.windowTrace = false;
    return run;
}

}  // namespace alab::core

// whyAttentionRun (see why_attention_example.h): the demo model is made and run once, then shared.
#include "core/lessons/why_attention_example.h"

#include "core/presets.h"

#include <mutex>

namespace alab::core {

WhyAttentionRun whyAttentionRun(const Trace& trace, const Model& model, const std::vector<std::string>& words) {
    WhyAttentionRun run;
    if (int(words.size()) >= kWhyMinWords && !trace.encoder.empty() && trace.encoder[0].captured) {
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
        const Preset p = demoPreset();
        const Tokenized tok = tokenize(p.vocab, kWhyExampleSentence);
        if (!tok.unknown.empty()) throw InvalidArgument("lesson: the demo model does not know \"" + tok.unknown[0] + "\"");
        auto m = std::make_shared<const Model>(p.config, p.weights);
        cachedTrace = std::make_shared<const Trace>(m->forward(tok.ids));
        cachedWords = tok.tokens;
        cachedModel = m;
    }
    run.owned = cachedModel;
    run.ownedTrace = cachedTrace;
    run.model = cachedModel.get();
    run.trace = cachedTrace.get();
    run.words = cachedWords;
    run.ownSentence = true;
    return run;
}

}  // namespace alab::core

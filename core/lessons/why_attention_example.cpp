// whyAttentionRun (see why_attention_example.h): the demo model is made and run once (example_run.h), then shared.
#include "core/lessons/why_attention_example.h"

#include "core/presets.h"

namespace alab::core {

ExampleRun whyAttentionRun(const Trace& trace, const Model& model, const std::vector<std::string>& words) {
    if (int(words.size()) >= kWhyMinWords && !trace.encoder.empty() && trace.encoder[0].captured)
        return windowRun(trace, model, words);
    return cachedExampleRun("why-attention", [] {
        const Preset p = demoPreset();
        const Tokenized tok = exampleTokens(p.vocab, kWhyExampleSentence, "demo");
        auto m = std::make_shared<const Model>(p.config, p.weights);
        return ownRun(m, m->forward(tok.ids), tok.tokens);
    });
}

}  // namespace alab::core

// translationExample (see translation_example.h): the shipped model loaded once, the given trace
// recognised by the model's output layer, or the lesson's own sentence decoded greedily (once: example_run.h).
#include "core/lessons/translation_example.h"

#include "core/lessons/example_run.h"
#include "core/train/decoder_input.h"
#include "core/train/shipped_models.h"

#include <mutex>

namespace alab::core {
namespace {

// The same weights as the shipped model: its output layer (871 × 64 numbers) is a fingerprint.
bool isShipped(const Model& model, const LoadedModel& shipped) {
    const Linear& a = model.weights().generator;
    const Linear& b = shipped.model->weights().generator;
    return model.config().decoder_layers > 0 && a.weight.rows() == b.weight.rows() && a.weight.cols() == b.weight.cols() &&
           a.weight == b.weight && a.bias == b.bias;
}

}  // namespace

std::shared_ptr<const LoadedModel> shippedTranslationModel() {
    static std::mutex mutex;
    static std::shared_ptr<const LoadedModel> cached;
    std::lock_guard<std::mutex> lock(mutex);
    if (!cached) {
        auto loaded = std::make_shared<LoadedModel>();
        if (const std::string err = loadShippedModel("en-zh", *loaded); !err.empty()) throw InvalidArgument(err);
        cached = loaded;
    }
    return cached;
}

TranslationExample translationExample(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                                      const char* sentence) {
    TranslationExample e;
    e.loaded = shippedTranslationModel();
    const Vocabulary& vocab = e.loaded->vocab;
    if (isShipped(model, *e.loaded) && trace.tgt_ids.size() >= 2 && !trace.decoder.empty() && trace.decoder[0].captured &&
        words.size() == trace.src_ids.size()) {
        e.model = &model;
        e.trace = trace;
        e.src = words;
    } else {
        const ExampleRun run = cachedExampleRun(std::string("translation: ") + sentence, [&] {
            const Tokenized tok = exampleTokens(vocab, sentence, "en-zh");
            const Model& m = *e.loaded->model;
            return ownRun(e.loaded->model, m.forward(tok.ids, greedyDecoderInput(m, vocab, tok.ids)), tok.tokens);
        });
        e.model = run.model;
        e.trace = *run.trace;
        e.src = run.words;
        e.ownTrace = true;
    }
    for (int id : e.trace.tgt_ids) e.input.push_back(vocab.token(id));
    for (Eigen::Index i = 0; i < e.trace.logits.rows(); ++i) {
        Eigen::Index best = 0;
        e.trace.logits.row(i).maxCoeff(&best);
        e.outputIds.push_back(int(best));
        e.output.push_back(vocab.token(int(best)));
    }
    return e;
}

std::string decoderRowLabel(const TranslationExample& e, int i) {
    return e.input[size_t(i)] + " → " + e.output[size_t(i)];
}

}  // namespace alab::core

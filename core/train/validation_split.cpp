// The validation split (see validation_split.h): draw candidates, replay the training stream once per
// round, keep the candidates it never draws. A round takes 4×, then 16×, 64× the examples wanted, so a
// task whose short examples all occur in training (reverse's 2-digit sequences) still fills the split.
#include "core/train/validation_split.h"

#include "core/tensor.h"
#include "core/train/trainer.h"

#include <unordered_set>

namespace alab::core {

std::vector<Example> drawTrainingBatch(const Task& task, Rng& rng, int batch, float dropout, uint64_t* dropoutSeed) {
    std::vector<Example> examples = task.draw(rng, Split::Train, batch);
    const uint64_t seed = dropout > 0 ? rng.next() : 0;  // no draw without dropout: the stream predates it
    if (dropoutSeed) *dropoutSeed = seed;
    return examples;
}

namespace {

// The sources among `candidates` that the training stream of `o` draws.
std::unordered_set<std::string> trainedSources(const Task& task, const TrainerOptions& o,
                                               const std::unordered_set<std::string>& candidates) {
    std::unordered_set<std::string> hit;
    Rng stream(o.seed);  // Trainer's m_rng
    for (int step = 0; step < o.steps && hit.size() < candidates.size(); ++step)
        for (const Example& e : drawTrainingBatch(task, stream, o.batch, o.dropout, nullptr))
            if (const std::string s = joinTokens(e.src); candidates.count(s)) hit.insert(s);
    return hit;
}

}  // namespace

std::vector<Example> validationSplit(const Task& task, const TrainerOptions& o) {
    const int wanted = o.evalExamples;
    std::vector<Example> out;
    for (int factor = 4; factor <= 64 && int(out.size()) < wanted; factor *= 4) {
        Rng rng(o.seed ^ kValidationStream);  // each round draws a longer prefix of the same stream
        const std::vector<Example> pool = task.draw(rng, Split::Validation, factor * wanted);
        std::unordered_set<std::string> sources;
        for (const Example& e : pool) sources.insert(joinTokens(e.src));
        const std::unordered_set<std::string> trained = trainedSources(task, o, sources);
        out.clear();
        for (const Example& e : pool)
            if (int(out.size()) < wanted && !trained.count(joinTokens(e.src))) out.push_back(e);
    }
    if (out.empty() && wanted > 0)
        throw InvalidArgument("the training stream of " + task.name() + " draws every validation candidate; "
                              "train fewer steps or give it more data");
    return out;
}

}  // namespace alab::core

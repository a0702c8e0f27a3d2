// The example runs of example_run.h: each key's run is made once, under a mutex of its own, so two
// lessons built at the same time on different threads never wait for each other's model.
#include "core/lessons/example_run.h"

#include <map>
#include <mutex>
#include <optional>

namespace alab::core {

ExampleRun windowRun(const Trace& trace, const Model& model, const std::vector<std::string>& words) {
    ExampleRun run;
    run.model = &model;
    run.trace = &trace;
    run.words = words;
    return run;
}

ExampleRun ownRun(std::shared_ptr<const Model> model, Trace trace, std::vector<std::string> words) {
    ExampleRun run;
    run.owned = std::move(model);
    run.ownedTrace = std::make_shared<const Trace>(std::move(trace));
    run.model = run.owned.get();
    run.trace = run.ownedTrace.get();
    run.words = std::move(words);
    run.ownSentence = true;
    return run;
}

ExampleRun cachedExampleRun(const std::string& key, const std::function<ExampleRun()>& make) {
    struct Entry {
        std::mutex mutex;
        std::optional<ExampleRun> run;
    };
    static std::mutex registryMutex;
    static std::map<std::string, Entry> entries;  // nodes never move: an Entry outlives the registry lock
    Entry* entry = nullptr;
    {
        std::lock_guard<std::mutex> lock(registryMutex);
        entry = &entries[key];
    }
    std::lock_guard<std::mutex> lock(entry->mutex);
    if (!entry->run) entry->run = make();
    return *entry->run;
}

Tokenized exampleTokens(const Vocabulary& vocab, const std::string& sentence, const std::string& modelName) {
    Tokenized tok = tokenize(vocab, sentence);
    if (!tok.unknown.empty()) throw InvalidArgument("lesson: the " + modelName + " model does not know \"" + tok.unknown[0] + "\"");
    return tok;
}

}  // namespace alab::core

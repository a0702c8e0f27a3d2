// Loading models and inputs with one-line error messages (see model_loader.h).
#include "core/model_loader.h"

#include "core/file_io.h"
#include "core/presets.h"
#include "core/safetensors.h"
#include "core/train/model_folder.h"
#include "core/train/shipped_models.h"

namespace alab::core {

std::string loadModel(const ModelSource& source, LoadedModel& out) {
    try {
        if (!source.preset.empty()) {
            if (isShippedModel(source.preset)) return loadShippedModel(source.preset, out);
            std::optional<Preset> p = presetByName(source.preset, source.seed);
            if (!p) return "unknown preset \"" + source.preset + "\" (use thinking-machines, demo, reverse or en-zh)";
            out.model = std::make_shared<const Model>(p->config, std::move(p->weights));
            out.vocab = p->vocab;
            out.name = p->name;
            out.untrained = p->untrained;
            return {};
        }
        // Messages name files, never command-line flags: the window shows them too.
        if (source.weightsPath.empty() && source.configPath.empty())
            return "no model chosen: a preset, or a weights file (.safetensors) and its config file (.json)";
        if (source.weightsPath.empty()) return source.configPath + ": no weights file (.safetensors) was given with it";
        if (source.configPath.empty()) return source.weightsPath + ": no config file (.json) was given with it";
        std::string text;
        if (std::string err = readFile(source.configPath, text); !err.empty()) return err;
        ModelConfig config;
        try {
            config = ModelConfig::fromJson(Json::parse(text));
        } catch (const InvalidArgument& e) {
            return source.configPath + ": " + e.what();
        }
        TensorFile file = readSafetensors(source.weightsPath);
        if (!file.ok()) return file.error;
        Weights weights;
        try {
            weights = fromNamedTensors(config, file.tensors);
        } catch (const InvalidArgument& e) {
            return source.weightsPath + ": " + e.what();
        }
        Vocabulary vocab;
        if (!source.vocabPath.empty())
            if (std::string err = Vocabulary::fromFile(source.vocabPath, vocab); !err.empty()) return err;
        out.model = std::make_shared<const Model>(config, std::move(weights));
        out.vocab = std::move(vocab);
        const size_t slash = source.weightsPath.find_last_of('/');
        out.name = slash == std::string::npos ? source.weightsPath : source.weightsPath.substr(slash + 1);
        // A log with a step: trained. Our trainer's folder (log.csv or task.json) without one: untrained.
        // Files from elsewhere carry no such record, so the lessons say only that they were read from files.
        const TrainingRecord record = trainingRecord(slash == std::string::npos ? std::string(".") : source.weightsPath.substr(0, slash + 1));
        out.untrained = record == TrainingRecord::NoSteps;
        out.trainingUnknown = record == TrainingRecord::None;
        return {};
    } catch (const InvalidArgument& e) {
        return e.what();
    }
}

std::string parseIds(const std::string& csv, std::vector<int>& out) {
    out.clear();
    size_t start = 0;
    while (start <= csv.size()) {
        size_t comma = csv.find(',', start);
        if (comma == std::string::npos) comma = csv.size();
        std::string item = csv.substr(start, comma - start);
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        // An optional minus sign, then 1-9 digits: "-" or "4-5" are not ids (and must not reach stoi).
        const size_t digits = item.empty() || item[0] != '-' ? 0 : 1;
        if (item.size() <= digits || item.find_first_not_of("0123456789", digits) != std::string::npos ||
            item.size() - digits > 9)
            return "\"" + item + "\" is not a token id (expected a list like 1,2,3)";
        out.push_back(std::stoi(item));
        start = comma + 1;
    }
    return {};
}

std::string encodeText(const LoadedModel& model, const std::string& text, std::vector<int>& out) {
    if (model.vocab.size() == 0)
        return model.name + " has no vocabulary: give a vocabulary file (one token per line) or token ids";
    Tokenized t = tokenize(model.vocab, text);
    if (t.tokens.empty()) return "the sentence is empty";
    if (!t.unknown.empty()) return "the word \"" + t.unknown.front() + "\" is not in the " + model.name + " vocabulary";
    out = t.ids;
    return {};
}

}  // namespace alab::core

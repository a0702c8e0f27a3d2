// Writing and reading model folders (see model_folder.h).
#include "core/train/model_folder.h"

#include "core/file_io.h"
#include "core/safetensors.h"

#include <filesystem>
#include <vector>

namespace alab::core {
namespace fs = std::filesystem;
namespace {

std::string vocabText(const Vocabulary& vocab) {
    std::string text;
    for (const std::string& t : vocab.tokens()) text += t + "\n";
    return text;
}

// The files of a folder in the order they are written: weights last, so a crash leaves either the
// previous weights or the new ones beside a config of the same shape.
std::vector<std::pair<std::string, std::string>> folderFiles(const ModelFolder& f) {
    std::vector<std::pair<std::string, std::string>> files;
    files.emplace_back(kConfigFile, f.config.toJson().dump(2) + "\n");
    files.emplace_back(kVocabFile, vocabText(f.vocab));
    if (!f.task.isNull()) files.emplace_back(kTaskFile, f.task.dump(2) + "\n");
    files.emplace_back(kWeightsFile, serializeSafetensors(toNamedTensors(f.config, f.weights)));
    return files;
}

std::string checkFolder(const ModelFolder& f) {
    try {
        f.config.validate();
        checkWeights(f.config, f.weights);
    } catch (const InvalidArgument& e) {
        return e.what();
    }
    if (f.vocab.size() > f.config.src_vocab || f.vocab.size() > f.config.tgt_vocab)
        return "the vocabulary has " + std::to_string(f.vocab.size()) + " tokens, more than the model's src_vocab " +
               std::to_string(f.config.src_vocab) + " / tgt_vocab " + std::to_string(f.config.tgt_vocab);
    return {};
}

}  // namespace

ModelFolder newModelFolder(const std::string& taskName, const Vocabulary& vocab, ModelConfig shape, uint64_t seed) {
    ModelFolder f;
    shape.src_vocab = shape.tgt_vocab = vocab.size();
    shape.pad_id = vocab.pad();
    shape.validate();
    f.config = shape;
    f.weights = initWeights(shape, seed);
    f.vocab = vocab;
    f.task = Json(Json::Object{{"task", Json(taskName)}, {"seed", Json(int64_t(seed))}});
    return f;
}

std::string writeModelFolder(const std::string& dir, const ModelFolder& folder) {
    if (dir.empty()) return "the model folder name is empty";
    if (std::string err = checkFolder(folder); !err.empty()) return "cannot write " + dir + ": " + err;
    const auto files = folderFiles(folder);
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        StagingDirectory staging(dir);
        if (!staging.error().empty()) return staging.error();
        for (const auto& [name, bytes] : files)
            if (std::string err = writeFileAtomic(staging.path(name), bytes); !err.empty()) return err;
        return staging.commit();
    }
    if (!fs::is_directory(dir, ec)) return "cannot write " + dir + ": it exists and is not a folder";
    if (!fs::is_empty(dir, ec) && !fs::exists(fs::path(dir) / kWeightsFile, ec))
        return "cannot write " + dir + ": the folder is not empty and holds no " + kWeightsFile +
               " (choose a new folder; nothing was written)";
    for (const auto& [name, bytes] : files)
        if (std::string err = writeFileAtomic((fs::path(dir) / name).string(), bytes); !err.empty()) return err;
    return {};
}

ModelSource modelFolderSource(const std::string& dir) {
    ModelSource s;
    s.weightsPath = (fs::path(dir) / kWeightsFile).string();
    s.configPath = (fs::path(dir) / kConfigFile).string();
    std::error_code ec;
    if (fs::exists(fs::path(dir) / kVocabFile, ec)) s.vocabPath = (fs::path(dir) / kVocabFile).string();
    return s;
}

std::string loadModelFolder(const std::string& dir, LoadedModel& out) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return dir + " is not a folder (--model takes a model folder)";
    if (!fs::exists(fs::path(dir) / kWeightsFile, ec)) return dir + " is not a model folder: it has no " + std::string(kWeightsFile);
    if (std::string err = loadModel(modelFolderSource(dir), out); !err.empty()) return err;
    fs::path p(dir);
    if (!p.has_filename()) p = p.parent_path();
    out.name = p.filename().string();
    return {};
}

std::string readTaskJson(const std::string& dir, Json& out) {
    out = Json();
    const fs::path path = fs::path(dir) / kTaskFile;
    std::error_code ec;
    if (!fs::exists(path, ec)) return {};
    std::string text;
    if (std::string err = readFile(path.string(), text); !err.empty()) return err;
    try {
        out = Json::parse(text);
    } catch (const InvalidArgument& e) {
        return path.string() + ": " + e.what();
    }
    return {};
}

}  // namespace alab::core

// Writing and reading model folders (see model_folder.h).
#include "core/train/model_folder.h"

#include "core/file_io.h"
#include "core/tensor/output_folder.h"
#include "core/safetensors.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>
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
std::vector<FolderFile> folderFiles(const ModelFolder& f, const std::vector<FolderFile>& extra) {
    std::vector<FolderFile> files(extra);
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

// Temporaries of an earlier writer that was killed (SIGKILL cannot be caught): "<file>.tmp-<pid>-…"
// of this folder's own files, whose process no longer runs. Anything else in the folder stays.
void sweepStaleTemporaries(const std::string& dir, const std::vector<FolderFile>& files) {
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        for (const auto& file : files) {
            const std::string prefix = file.first + ".tmp-";
            if (name.rfind(prefix, 0) != 0 || !e.is_regular_file(ec)) continue;
            const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
            if (pid > 0 && pid != long(::getpid()) && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
                fs::remove(e.path(), ec);
        }
    }
}

// Two phases: every file complete under a temporary name (a failure removes them and changes
// nothing), then the renames, with the stop signals held so that none falls between two of them.
std::string replaceFilesInPlace(const std::string& dir, const std::vector<FolderFile>& files) {
    std::vector<std::pair<std::string, std::string>> staged;  // temporary path, final path
    for (const auto& [name, bytes] : files) {
        const std::string path = (fs::path(dir) / name).string();
        const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-new";
        std::string err = writeFileAtomic(tmp, bytes);
        if (err.empty()) {
            staged.emplace_back(tmp, path);
            continue;
        }
        for (const auto& s : staged) std::remove(s.first.c_str());
        for (size_t at = err.find(tmp); at != std::string::npos; at = err.find(tmp)) err.replace(at, tmp.size(), path);
        return err;
    }
    sigset_t stop, previous;
    sigemptyset(&stop);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&stop, sig);
    pthread_sigmask(SIG_BLOCK, &stop, &previous);
    std::string error;
    for (const auto& [tmp, path] : staged)
        if (error.empty() && std::rename(tmp.c_str(), path.c_str()) != 0)
            error = "cannot write " + path + ": " + std::strerror(errno);
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    for (const auto& s : staged) std::remove(s.first.c_str());  // only those a failed rename left
    return error;
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

std::string writeModelFolder(const std::string& dir, const ModelFolder& folder, const std::vector<FolderFile>& extra,
                             FolderWrite mode) {
    if (dir.empty()) return "the model folder name is empty";
    if (std::string err = checkFolder(folder); !err.empty()) return "cannot write " + dir + ": " + err;
    const auto files = folderFiles(folder, extra);
    std::error_code ec;
    if (mode == FolderWrite::Swap || !fs::exists(dir, ec)) {
        StagingDirectory staging(dir);
        if (!staging.error().empty()) return staging.error();
        for (const auto& [name, bytes] : files)
            if (std::string err = writeFileAtomic(staging.path(name), bytes); !err.empty()) return staging.userMessage(err);
        return staging.commit();
    }
    // An existing folder is rewritten in place (the trainer keeps log.csv and checkpoints beside the
    // model) only when it is empty or marked as ours: someone's folder with a model.safetensors of
    // their own is never overwritten.
    if (std::string err = checkReplaceableFolder(dir); !err.empty()) return err;
    if (std::string err = writeOwnerMarker(dir); !err.empty()) return "cannot write " + dir + ": " + err;
    sweepStaleTemporaries(dir, files);
    return replaceFilesInPlace(dir, files);
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

bool hasTrainingLog(const std::string& dir) {
    std::string text;
    if (!readFile((fs::path(dir) / "log.csv").string(), text).empty()) return false;
    int lines = 0;
    size_t start = 0;
    while (start < text.size() && lines < 2) {  // a header and one step
        const size_t end = std::min(text.find('\n', start), text.size());
        if (text.find_first_not_of(" \t\r", start) < end) ++lines;
        start = end + 1;
    }
    return lines >= 2;
}

TrainingRecord trainingRecord(const std::string& dir) {
    if (hasTrainingLog(dir)) return TrainingRecord::Steps;
    std::error_code ec;
    const bool ours = fs::exists(fs::path(dir) / "log.csv", ec) || fs::exists(fs::path(dir) / kTaskFile, ec);
    return ours ? TrainingRecord::NoSteps : TrainingRecord::None;
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

// Checkpoints (see checkpoint.h): JSON for the options and the step, safetensors for the moments.
// 64-bit words (the Rng, the seed) are written as hexadecimal strings: a JSON number is a double.
#include "core/train/checkpoint.h"

#include "core/file_io.h"
#include "core/safetensors.h"
#include "core/tensor/output_folder.h"
#include "core/tensor/signal_cleanup.h"
#include "core/train/gradients.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace alab::core {
namespace fs = std::filesystem;
namespace {

constexpr const char* kFormat = "attention-lab training state";
const std::string kFirst = "exp_avg.", kSecond = "exp_avg_sq.";

Json hex(uint64_t v) {
    char text[24];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(v));
    return Json(std::string(text));
}

uint64_t unhex(const Json* j, const char* what) {
    if (!j || !j->isString() || j->toString().empty() || j->toString().size() > 16 ||
        j->toString().find_first_not_of("0123456789abcdef") != std::string::npos)
        throw InvalidArgument(std::string("'") + what + "' is missing or not a hexadecimal word");
    return std::stoull(j->toString(), nullptr, 16);
}

const Json& field(const Json& o, const char* key) {
    const Json* j = o.find(key);
    if (!j) throw InvalidArgument(std::string("'") + key + "' is missing");
    return *j;
}

Json optionsJson(const TrainerOptions& o) {
    return Json(Json::Object{
        {"task", Json(o.task)}, {"data", Json(o.dataPath)}, {"d_model", Json(o.d_model)}, {"heads", Json(o.heads)},
        {"layers", Json(o.layers)}, {"d_ff", Json(o.d_ff)}, {"steps", Json(o.steps)}, {"batch", Json(o.batch)},
        {"lr_scale", Json(double(o.lr_scale))}, {"warmup", Json(o.warmup)},
        {"label_smoothing", Json(double(o.label_smoothing))}, {"seed", hex(o.seed)}, {"clip", Json(double(o.clip))}, {"eval_examples", Json(o.evalExamples)},
        {"dropout", Json(double(o.dropout))}, {"weight_decay", Json(double(o.weight_decay))},
        {"val_fraction", Json(double(o.valFraction))}});
}

TrainerOptions optionsFrom(const Json& j) {
    TrainerOptions o;
    o.task = field(j, "task").toString();
    o.dataPath = field(j, "data").toString();
    o.d_model = int(field(j, "d_model").toInt());
    o.heads = int(field(j, "heads").toInt());
    o.layers = int(field(j, "layers").toInt());
    o.d_ff = int(field(j, "d_ff").toInt());
    o.steps = int(field(j, "steps").toInt());
    o.batch = int(field(j, "batch").toInt());
    o.lr_scale = float(field(j, "lr_scale").toNumber());
    o.warmup = int(field(j, "warmup").toInt());
    o.label_smoothing = float(field(j, "label_smoothing").toNumber());
    o.seed = unhex(j.find("seed"), "seed");
    o.clip = float(field(j, "clip").toNumber());
    o.evalExamples = int(field(j, "eval_examples").toInt());
    if (const Json* d = j.find("dropout")) o.dropout = float(d->toNumber());  // absent in older checkpoints: 0
    if (const Json* d = j.find("weight_decay")) o.weight_decay = float(d->toNumber());
    if (const Json* d = j.find("val_fraction")) o.valFraction = float(d->toNumber());  // absent before: the default
    return o;
}

Json stateJson(const Checkpoint& c) {
    Json::Array rng;
    for (uint64_t w : c.state.rng) rng.push_back(hex(w));
    return Json(Json::Object{{"format", Json(kFormat)}, {"version", Json(1)}, {"step", Json(c.state.step)},
                             {"adam_steps", Json(c.state.adamSteps)}, {"rng", Json(rng)},
                             {"options", optionsJson(c.options)}});
}

void stateFrom(const Json& j, Checkpoint& c) {
    if (!j.find("format") || !j.find("format")->isString() || j.find("format")->toString() != kFormat)
        throw InvalidArgument("it is not an attention-lab training state");
    if (field(j, "version").toInt() != 1) throw InvalidArgument("it has a version this program does not know");
    c.state.step = int(field(j, "step").toInt());
    c.state.adamSteps = int(field(j, "adam_steps").toInt());
    const Json::Array& rng = field(j, "rng").toArray();
    if (rng.size() != 4) throw InvalidArgument("'rng' must hold 4 words");
    for (size_t i = 0; i < 4; ++i) c.state.rng[i] = unhex(&rng[i], "rng");
    c.options = optionsFrom(field(j, "options"));
}

// Moments <-> named tensors through a Weights of the model's layout, so each moment carries its
// parameter's state_dict name and shape.
NamedTensors momentTensors(const ModelConfig& config, const std::vector<std::vector<float>>& moments,
                           const std::string& prefix) {
    Weights w = zeroWeightsLike(config);
    const std::vector<ParamSpan> spans = parameterSpans(config, w);
    for (size_t i = 0; i < moments.size() && i < spans.size(); ++i)
        std::copy(moments[i].begin(), moments[i].end(), spans[i].data);
    NamedTensors out;
    for (auto& [name, t] : toNamedTensors(config, w)) out.emplace(prefix + name, std::move(t));
    return out;
}

std::vector<std::vector<float>> momentsFrom(const ModelConfig& config, const NamedTensors& all, const std::string& prefix) {
    NamedTensors mine;
    for (const auto& [name, t] : all)
        if (name.rfind(prefix, 0) == 0)
            mine.emplace(name.substr(prefix.size()), t);
    Weights w = fromNamedTensors(config, mine);
    std::vector<std::vector<float>> out;
    for (const ParamSpan& s : parameterSpans(config, w)) out.emplace_back(s.data, s.data + s.size);
    return out;
}

std::string readJsonFile(const std::string& path, Json& out) {
    std::string text;
    if (std::string err = readFile(path, text); !err.empty()) return err;
    try {
        out = Json::parse(text);
    } catch (const InvalidArgument& e) {
        return path + ": " + e.what();
    }
    return {};
}

}  // namespace

Checkpoint checkpointOf(const Trainer& t, std::string log) {
    Checkpoint c;
    c.options = t.options();
    c.state = t.state();
    c.model.config = t.config();
    c.model.weights = t.weights();
    c.model.vocab = t.vocabulary();
    c.model.task = Json(Json::Object{{"task", Json(t.task().name())}, {"seed", Json(int64_t(t.options().seed))},
                                     {"step", Json(t.stepsDone())}});
    c.log = std::move(log);
    return c;
}

std::string writeCheckpoint(const std::string& dir, const Checkpoint& c) {
    NamedTensors moments = momentTensors(c.model.config, c.state.m, kFirst);
    moments.merge(momentTensors(c.model.config, c.state.v, kSecond));
    return writeModelFolder(dir, c.model,
                            {{kLogFile, c.log},
                             {kOptimizerFile, serializeSafetensors(moments)},
                             {kTrainStateFile, stateJson(c).dump(2) + "\n"}},
                            FolderWrite::Swap);
}

std::string saveTrainingRun(const std::string& outDir, const Checkpoint& c) {
    // The top first: it creates outDir with our marker, which the checkpoint folder's writer needs.
    if (std::string err = writeModelFolder(outDir, c.model, {{kLogFile, c.log}}); !err.empty()) return err;
    return writeCheckpoint((fs::path(outDir) / kCheckpointFolder).string(), c);
}

std::string checkpointFolderOf(const std::string& dir) {
    std::error_code ec;
    const fs::path inner = fs::path(dir) / kCheckpointFolder;
    return fs::exists(inner / kTrainStateFile, ec) ? inner.string() : dir;
}

std::string readCheckpoint(const std::string& dir, Checkpoint& out) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return "--resume " + dir + ": not a folder";
    if (!isOwnedFolder(dir)) return "--resume " + dir + ": not a folder attention-lab train wrote (it has no " + kOwnerMarker + " marker)";
    for (const char* name : {kTrainStateFile, kOptimizerFile, kWeightsFile, kConfigFile, kVocabFile})
        if (!fs::exists(fs::path(dir) / name, ec))
            return "--resume " + dir + ": the checkpoint has no " + name;
    Checkpoint c;
    Json state;
    if (std::string err = readJsonFile((fs::path(dir) / kTrainStateFile).string(), state); !err.empty())
        return "--resume: " + err;
    LoadedModel loaded;
    if (std::string err = loadModelFolder(dir, loaded); !err.empty()) return "--resume " + dir + ": " + err;
    const TensorFile moments = readSafetensors((fs::path(dir) / kOptimizerFile).string());
    if (!moments.ok()) return "--resume: " + moments.error;
    try {
        stateFrom(state, c);
    } catch (const InvalidArgument& e) {
        return "--resume " + dir + ": " + kTrainStateFile + ": " + e.what();
    }
    c.model.config = loaded.model->config();
    c.model.weights = loaded.model->weights();
    c.model.vocab = loaded.vocab;
    try {
        c.state.m = momentsFrom(c.model.config, moments.tensors, kFirst);
        c.state.v = momentsFrom(c.model.config, moments.tensors, kSecond);
    } catch (const InvalidArgument& e) {
        return "--resume " + dir + ": " + kOptimizerFile + " does not fit config.json: " + e.what();
    }
    if (c.state.adamSteps == 0) c.state.m.clear(), c.state.v.clear();
    readFile((fs::path(dir) / kLogFile).string(), c.log);  // optional: a missing log starts a new one
    out = std::move(c);
    return {};
}

std::string checkResumable(const TrainerOptions& s, const TrainerOptions& w) {
    auto differs = [](const std::string& what, const std::string& saved, const std::string& wanted) {
        return "the checkpoint was trained with " + what + " " + saved + ", not " + wanted;
    };
    if (s.dataPath != w.dataPath)
        return differs("--data", s.dataPath.empty() ? "(none)" : s.dataPath, w.dataPath.empty() ? "(none)" : w.dataPath);
    if (s.dataPath.empty() && s.task != w.task) return differs("--task", s.task, w.task);
    const std::pair<const char*, std::pair<int, int>> shape[] = {{"--d-model", {s.d_model, w.d_model}},
                                                                 {"--heads", {s.heads, w.heads}},
                                                                 {"--layers", {s.layers, w.layers}},
                                                                 {"--d-ff", {s.d_ff, w.d_ff}}};
    for (const auto& [name, v] : shape)
        if (v.first != v.second) return differs(name, std::to_string(v.first), std::to_string(v.second));
    if (s.seed != w.seed) return differs("--seed", std::to_string(s.seed), std::to_string(w.seed));
    if (!s.dataPath.empty() && s.valFraction != w.valFraction)  // it decides which lines are trained on
        return differs("--val-fraction", std::to_string(s.valFraction), std::to_string(w.valFraction));
    return {};
}

std::string logUpToStep(const std::string& log, int step) {
    std::string out;
    size_t start = 0;
    for (bool header = true; start < log.size(); header = false) {
        size_t end = log.find('\n', start);
        if (end == std::string::npos) end = log.size();
        const std::string line = log.substr(start, end - start);
        start = end + 1;
        if (!header && (line.empty() || std::atol(line.c_str()) > step)) continue;
        out += line + "\n";
    }
    return out;
}

std::unique_ptr<Trainer> resumeTrainer(const Checkpoint& c, const TrainerOptions& options) {
    if (std::string err = checkResumable(c.options, options); !err.empty()) throw InvalidArgument(err);
    auto t = std::make_unique<Trainer>(options);
    if (t->vocabulary().tokens() != c.model.vocab.tokens())
        throw InvalidArgument("the task's vocabulary (" + std::to_string(t->vocabulary().size()) +
                              " tokens) differs from the checkpoint's vocab.txt (" + std::to_string(c.model.vocab.size()) +
                              " tokens)");
    if (t->config().toJson().dump() != c.model.config.toJson().dump())
        throw InvalidArgument("the checkpoint's config.json describes another model than its training options");
    if (c.state.step >= options.steps)
        throw InvalidArgument("the checkpoint is at step " + std::to_string(c.state.step) +
                              " already; give --steps larger than that to train on");
    t->restore(c.model.weights, c.state);
    return t;
}

}  // namespace alab::core

// Shared model + input options (see model_inputs.h).
#include "app/model_inputs.h"

#include "core/model/memory_estimate.h"
#include "core/train/model_folder.h"
#include "core/train/shipped_models.h"

namespace alab::app {
namespace {

std::string readSequence(const CliArgs& args, const core::LoadedModel& m, const std::string& textOpt,
                         const std::string& idsOpt, std::vector<int>& ids, std::vector<std::string>& tokens) {
    if (args.has(textOpt) && args.has(idsOpt)) return "give " + textOpt + " or " + idsOpt + ", not both";
    if (args.has(textOpt) && m.vocab.size() == 0)
        return textOpt.substr(2) + ": this model has no vocabulary: pass --vocab FILE or give " + idsOpt + " 1,2,3";
    std::string err;
    if (args.has(textOpt)) err = core::encodeText(m, args.value(textOpt), ids);
    else if (args.has(idsOpt)) err = core::parseIds(args.value(idsOpt), ids);
    if (!err.empty()) return textOpt.substr(2) + ": " + err;
    tokens.clear();
    for (int id : ids) tokens.push_back(m.vocab.size() ? m.vocab.token(id) : std::to_string(id));
    return {};
}

}  // namespace

std::set<std::string> modelOptionNames() {
    return {"--model", "--preset", "--weights", "--config", "--vocab", "--seed", "--src", "--src-ids", "--tgt", "--tgt-ids"};
}

std::string loadInputs(const CliArgs& args, ModelInputs& out) {
    core::ModelSource source;
    source.preset = args.value("--preset");
    source.weightsPath = args.value("--weights");
    source.configPath = args.value("--config");
    source.vocabPath = args.value("--vocab");
    if (args.has("--preset") && (args.has("--weights") || args.has("--config")))
        return "give --preset or --weights/--config, not both";
    if (!args.has("--preset") && !args.has("--weights") && !args.has("--config") && !args.has("--model")) source.preset = "thinking-machines";
    if (!args.has("--preset") && !args.has("--model") && args.has("--weights") != args.has("--config"))
        return "give both --weights FILE and --config FILE";
    if (args.has("--seed")) {
        const std::string s = args.value("--seed");
        long long seed = 0;
        if (!parseInteger(s, seed) || seed < 0) return "--seed \"" + s + "\" is not a non-negative integer";
        source.seed = static_cast<uint64_t>(seed);
    }
    if (args.has("--model")) {  // a model folder: the same three files as --weights/--config/--vocab
        if (args.has("--preset") || args.has("--weights") || args.has("--config") || args.has("--vocab"))
            return "give --model DIR or --preset/--weights/--config/--vocab, not both";
        if (std::string err = core::loadModelFolderOrShipped(args.value("--model"), out.loaded); !err.empty()) return err;
    } else if (std::string err = core::loadModel(source, out.loaded); !err.empty()) {
        return err;
    }
    if (!args.has("--src") && !args.has("--src-ids")) return "give the source with --src TEXT or --src-ids 1,2,3";
    if (std::string err = readSequence(args, out.loaded, "--src", "--src-ids", out.src, out.srcTokens); !err.empty()) return err;
    if (std::string err = readSequence(args, out.loaded, "--tgt", "--tgt-ids", out.tgt, out.tgtTokens); !err.empty()) return err;
    return {};
}

std::string readCaptureMode(const CliArgs& args, core::CaptureMode& mode) {
    mode = core::captureModeFromEnvironment();
    if (!args.has("--capture")) return {};
    const std::optional<core::CaptureMode> m = core::captureModeFromKey(args.value("--capture"));
    if (!m) return "--capture \"" + args.value("--capture") + "\" is not one of auto, full, lean";
    mode = *m;
    return {};
}

std::string runForward(const ModelInputs& in, core::Trace& trace, const core::CapturePolicy& capture) {
    if (std::string err = core::checkTraceMemory(in.loaded.model->config(), int64_t(in.src.size()),
                                                 int64_t(in.tgt.size()), capture);
        !err.empty())
        return err;
    try {
        trace = in.loaded.model->forward(in.src, in.tgt, capture);
    } catch (const core::InvalidArgument& e) {
        return e.what();
    }
    return {};
}

}  // namespace alab::app

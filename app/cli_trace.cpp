// attention-lab trace: run one forward pass and write every intermediate as .npy + index.json;
// with --labels-ids also the loss and every gradient (output.loss, grad.*, grad.param.*); with
// --tensors GLOB[,GLOB…] only the tensors named, recording only the layers they live in.
#include "app/cli_args.h"
#include "app/cli_intervene.h"
#include "app/commands.h"
#include "app/model_inputs.h"
#include "core/model/tensor_selection.h"
#include "core/model_loader.h"
#include "core/train/model_backward.h"
#include "core/trace_writer.h"

#include <cstdio>
#include <optional>

namespace alab::app {
namespace {

// The backward pass for --labels-ids [--label-smoothing]; returns "" or a one-line error.
std::string runBackward(const CliArgs& args, const ModelInputs& in, const core::Trace& trace,
                        std::optional<core::Gradients>& grads) {
    if (!args.has("--labels-ids")) {
        return args.has("--label-smoothing") ? "--label-smoothing needs --labels-ids" : "";
    }
    std::vector<int> labels;
    if (std::string err = core::parseIds(args.value("--labels-ids"), labels); !err.empty()) return "labels-ids: " + err;
    double smoothing = 0;
    if (args.has("--label-smoothing") && !parseNumber(args.value("--label-smoothing"), smoothing))
        return "--label-smoothing \"" + args.value("--label-smoothing") + "\" is not a number";
    try {
        grads = core::backward(*in.loaded.model, trace, labels, float(smoothing));
    } catch (const core::InvalidArgument& e) {
        return e.what();
    }
    return {};
}

// The capture: --labels-ids needs every map (the backward pass reads them); --tensors records only
// the layers its names live in, with maps on demand; otherwise full or lean by the memory estimate.
std::string chooseTraceCapture(const CliArgs& args, const ModelInputs& in, const std::vector<std::string>& globs,
                               core::CapturePolicy& capture, std::string& note) {
    core::CaptureMode mode = core::CaptureMode::Auto;
    if (std::string err = readCaptureMode(args, mode); !err.empty()) return err;
    const core::Model& model = *in.loaded.model;
    if (args.has("--labels-ids")) {
        if (mode == core::CaptureMode::Lean) return "--labels-ids needs --capture full: the backward pass reads every attention map";
        mode = core::CaptureMode::Full;
    }
    const core::CaptureChoice choice = core::chooseCapture(model.config(), int64_t(in.src.size()), int64_t(in.tgt.size()), mode);
    capture = choice.policy;
    note = choice.note;
    if (globs.empty()) return {};
    // Names do not depend on the input's length: a one-token pass lists them all.
    const std::vector<std::string> names = core::traceNames(model.forward(
        {in.src.front()}, in.tgt.empty() ? std::vector<int>{} : std::vector<int>{in.tgt.front()}));
    if (const std::vector<std::string> missing = core::unmatchedGlobs(globs, names); !missing.empty())
        return "--tensors: no tensor matches \"" + missing.front() + "\" (see the names in a full trace's index.json)";
    if (args.has("--labels-ids")) return {};
    const bool keepMaps = mode == core::CaptureMode::Full;
    capture = core::captureForNames(globs, names);
    capture.keepMaps = keepMaps;
    note = keepMaps ? "capture: full, only the layers --tensors names"
                    : "capture: lean, only the layers --tensors names, maps computed as they are written";
    return {};
}

}  // namespace

int runTrace(const std::vector<std::string>& argvIn) {
    std::vector<std::string> argv = argvIn, interventions;  // --intervene may repeat
    if (std::string err = takeInterventions(argv, interventions); !err.empty()) return fail(err, 2);
    std::set<std::string> valued = modelOptionNames();
    valued.insert({"--out", "--labels-ids", "--label-smoothing", "--tensors", "--capture"});
    CliArgs args(argv, valued, {});
    if (!args.error().empty()) return fail(args.error(), 2);
    if (!interventions.empty() && args.has("--labels-ids")) return fail("--intervene cannot be combined with --labels-ids", 2);
    if (!args.has("--out")) return fail("trace needs --out DIR", 2);
    if (args.value("--out").empty()) return fail("--out needs a folder name, not an empty string", 2);
    std::vector<std::string> globs;
    if (args.has("--tensors"))
        if (std::string err = core::parseTensorGlobs(args.value("--tensors"), globs); !err.empty()) return fail(err, 2);
    ModelInputs in;
    if (std::string err = loadInputs(args, in); !err.empty()) return fail(err);
    core::CapturePolicy capture;
    std::string note;
    if (std::string err = chooseTraceCapture(args, in, globs, capture, note); !err.empty()) return fail(err, 2);
    core::Trace trace;
    if (!interventions.empty()) capture = core::CapturePolicy{};  // the report compares every map with the rerun
    if (std::string err = runForward(in, trace, capture); !err.empty()) return fail(err);
    if (!interventions.empty())
        if (std::string err = applyInterventions(interventions, in, trace); !err.empty()) return fail(err);
    std::optional<core::Gradients> grads;
    if (std::string err = runBackward(args, in, trace, grads); !err.empty()) return fail(err);
    const std::string out = args.value("--out");
    const core::NameFilter wanted = globs.empty() ? core::NameFilter() : [&](const std::string& n) { return core::matchesAny(globs, n); };
    size_t count = 0;
    for (const std::string& n : core::traceNames(trace)) count += !wanted || wanted(n);
    core::TensorSource extra;
    if (grads) extra = [&](const core::TensorVisitor& v) {
        core::visitGradients(in.loaded.model->config(), *grads, [&](const std::string& n, const core::Tensor& t) {
            count += !wanted || wanted(n);
            v(n, t);
        });
    };
    if (std::string err = core::writeTraceFolder(trace, out, in.srcTokens, in.tgtTokens, extra, wanted); !err.empty())
        return fail(err);
    std::printf("%s\nwrote %zu tensors to %s\n", note.c_str(), count, out.c_str());  // stdout stays empty on failure
    return 0;
}

}  // namespace alab::app

// attention-lab trace: run one forward pass and write every intermediate as .npy + index.json;
// with --labels-ids also the loss and every gradient (output.loss, grad.*, grad.param.*).
#include "app/cli_args.h"
#include "app/cli_intervene.h"
#include "app/commands.h"
#include "app/model_inputs.h"
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

}  // namespace

int runTrace(const std::vector<std::string>& argvIn) {
    std::vector<std::string> argv = argvIn, interventions;  // --intervene may repeat
    if (std::string err = takeInterventions(argv, interventions); !err.empty()) return fail(err, 2);
    std::set<std::string> valued = modelOptionNames();
    valued.insert({"--out", "--labels-ids", "--label-smoothing"});
    CliArgs args(argv, valued, {});
    if (!args.error().empty()) return fail(args.error(), 2);
    if (!interventions.empty() && args.has("--labels-ids")) return fail("--intervene cannot be combined with --labels-ids", 2);
    if (!args.has("--out")) return fail("trace needs --out DIR", 2);
    if (args.value("--out").empty()) return fail("--out needs a folder name, not an empty string", 2);
    ModelInputs in;
    if (std::string err = loadInputs(args, in); !err.empty()) return fail(err);
    core::Trace trace;
    if (std::string err = runForward(in, trace); !err.empty()) return fail(err);
    if (!interventions.empty())
        if (std::string err = applyInterventions(interventions, in, trace); !err.empty()) return fail(err);
    std::optional<core::Gradients> grads;
    if (std::string err = runBackward(args, in, trace, grads); !err.empty()) return fail(err);
    const std::string out = args.value("--out");
    size_t count = core::traceNames(trace).size();
    core::TensorSource extra;
    if (grads) extra = [&](const core::TensorVisitor& v) {
        core::visitGradients(in.loaded.model->config(), *grads, [&](const std::string& n, const core::Tensor& t) {
            ++count;
            v(n, t);
        });
    };
    if (std::string err = core::writeTraceFolder(trace, out, in.srcTokens, in.tgtTokens, extra); !err.empty()) return fail(err);
    std::printf("wrote %zu tensors to %s\n", count, out.c_str());
    return 0;
}

}  // namespace alab::app

// attention-lab why [model and input options] --token A [--vs B] [--pos N] [--no-ablation]: why the model
// gives token A (rather than B) at target position N. Prints the logit difference, then layers × heads
// grids of each head's and FFN's contribution: direct attribution (every LayerNorm on the decoder stream
// frozen) with the terms that complete the sum, and ablation (remove the component, rerun, the drop).
#include "app/cli_args.h"
#include "app/commands.h"
#include "app/model_inputs.h"
#include "core/debug/attribution.h"

#include <cmath>
#include <cstdio>

namespace alab::app {
namespace {

// A vocabulary token, or a whole number below tgt_vocab when the model has no such token.
std::string readToken(const ModelInputs& in, const std::string& option, const std::string& text, int& id) {
    const core::Vocabulary& v = in.loaded.vocab;
    if (v.size() > 0 && (id = v.id(text)) >= 0) return {};
    long long n = -1;
    const int vocab = in.loaded.model->config().tgt_vocab;
    if (parseInteger(text, n) && n >= 0 && n < vocab) return id = int(n), "";
    return option + " \"" + text + "\" is " + (v.size() > 0 ? "neither in the vocabulary nor" : "not") +
           " a token id from 0 to " + std::to_string(vocab - 1);
}

std::string tokenName(const ModelInputs& in, int id) {
    return in.loaded.vocab.size() ? "\"" + in.loaded.vocab.token(id) + "\"" : "id " + std::to_string(id);
}

void printRow(const std::string& label, const Eigen::MatrixXd& grid, int l, const std::vector<double>* ffn) {
    std::printf("%-20s", label.c_str());
    for (Eigen::Index h = 0; h < grid.cols(); ++h) std::printf(" %9.4f", grid(l, h));
    if (ffn) std::printf(" %9.4f", (*ffn)[size_t(l)]);
    std::printf("\n");
}

void printGrid(const core::ComponentGrid& g, int heads, bool withEncoder) {
    std::printf("%-20s", "");
    for (int h = 0; h < heads; ++h) std::printf(" %9s", ("head " + std::to_string(h + 1)).c_str());
    std::printf(" %9s\n", "FFN");
    if (withEncoder)
        for (Eigen::Index l = 0; l < g.encoderSelf.rows(); ++l)
            printRow("encoder " + std::to_string(l + 1) + " self", g.encoderSelf, int(l), &g.encoderFfn);
    for (Eigen::Index l = 0; l < g.decoderSelf.rows(); ++l) {
        printRow("decoder " + std::to_string(l + 1) + " self", g.decoderSelf, int(l), nullptr);
        printRow("decoder " + std::to_string(l + 1) + " cross", g.cross, int(l), &g.decoderFfn);
    }
}

void printAttribution(const core::LogitAttribution& a, const ModelInputs& in) {
    const core::LogitQuestion& q = a.question;
    const std::string after = q.position < int(in.tgtTokens.size()) ? " (after " + in.tgtTokens[size_t(q.position)] + ")" : "";
    if (q.versus >= 0)
        std::printf("logit(%s) − logit(%s) at target position %d%s: %.4f\n", tokenName(in, q.token).c_str(),
                    tokenName(in, q.versus).c_str(), q.position + 1, after.c_str(), a.value);
    else std::printf("logit(%s) at target position %d%s: %.4f\n", tokenName(in, q.token).c_str(), q.position + 1, after.c_str(), a.value);
    const int heads = in.loaded.model->config().heads;
    std::printf("\ndirect attribution (each LayerNorm on the decoder stream frozen at this run's scale):\n");
    printGrid(a.direct, heads, false);
    double sum = a.embedding + a.positional + a.biases + a.direct.decoderSelf.sum() + a.direct.cross.sum();
    for (double f : a.direct.decoderFfn) sum += f;
    std::printf("target embedding %.4f, positional encoding %.4f, biases and LayerNorm shifts %.4f; sum %.4f\n", a.embedding,
                a.positional, a.biases, sum);
    if (a.ablation.cross.size() == 0) return;
    std::printf("\nablation (the drop when a head's context or an FFN's hidden layer is zeroed and the pass rerun):\n");
    printGrid(a.ablation, heads, true);
}

}  // namespace

int runWhy(const std::vector<std::string>& argv) {
    std::set<std::string> valued = modelOptionNames();
    valued.insert({"--token", "--vs", "--pos"});
    CliArgs args(argv, valued, {"--no-ablation"});
    if (!args.error().empty()) return fail(args.error(), 2);
    if (!args.has("--token")) return fail("why needs --token A (the token to explain), e.g. why --model en-zh --src … --tgt … --token 猫", 2);
    ModelInputs in;
    if (std::string err = loadInputs(args, in); !err.empty()) return fail(err);
    if (in.tgt.empty()) return fail("why needs the target the decoder reads: --tgt TEXT or --tgt-ids 1,2");
    core::LogitQuestion q;
    q.position = int(in.tgt.size()) - 1;
    if (args.has("--pos")) {
        long long pos = 0;
        if (!parseInteger(args.value("--pos"), pos) || pos < 1 || pos > int(in.tgt.size()))
            return fail("--pos \"" + args.value("--pos") + "\" is not a target position from 1 to " + std::to_string(in.tgt.size()), 2);
        q.position = int(pos - 1);
    }
    if (std::string err = readToken(in, "--token", args.value("--token"), q.token); !err.empty()) return fail(err);
    if (args.has("--vs"))
        if (std::string err = readToken(in, "--vs", args.value("--vs"), q.versus); !err.empty()) return fail(err);
    core::Trace trace;
    if (std::string err = runForward(in, trace); !err.empty()) return fail(err);
    try {
        printAttribution(core::attributeLogit(*in.loaded.model, trace, q, !args.has("--no-ablation")), in);
    } catch (const core::InvalidArgument& e) {
        return fail(e.what());
    }
    return 0;
}

}  // namespace alab::app

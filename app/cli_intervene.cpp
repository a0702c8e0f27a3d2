// trace --intervene (see cli_intervene.h).
#include "app/cli_intervene.h"

#include "core/debug/intervention.h"

#include <cstdio>

namespace alab::app {
namespace {

std::string tokenText(const ModelInputs& in, int id) {
    return in.loaded.vocab.size() ? "\"" + in.loaded.vocab.token(id) + "\"" : "id " + std::to_string(id);
}

void printReport(const core::InterventionReport& r, const ModelInputs& in) {
    const core::RunComparison& c = r.changes;
    if (c.firstDivergence < 0) {
        std::printf("changed 0 of %zu tensors: the intervention changes nothing\n", c.diffs.size());
        return;
    }
    const core::TensorDiff& first = c.diffs[size_t(c.firstDivergence)];
    std::printf("changed %d of %zu tensors; the first in execution order: %s (max |Δ| %.4g)\n", r.changedTensors,
                c.diffs.size(), first.name.c_str(), first.maxAbs);
    for (const core::ProbabilityShift& s : r.shifts) {
        const std::string after = s.position < int(in.tgtTokens.size()) ? " (after " + in.tgtTokens[size_t(s.position)] + ")" : "";
        std::printf("output.probs position %d%s: %s %.4f → %.4f", s.position + 1, after.c_str(),
                    tokenText(in, s.topBefore).c_str(), s.pTopBefore, s.pTopBeforeAfter);
        if (s.topAfter != s.topBefore) std::printf("; the top token is now %s %.4f", tokenText(in, s.topAfter).c_str(), s.pTopAfter);
        std::printf(" (max |Δp| %.4g)\n", s.maxAbsDelta);
    }
}

}  // namespace

std::string takeInterventions(std::vector<std::string>& args, std::vector<std::string>& specs) {
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--intervene") {
            rest.push_back(args[i]);
            continue;
        }
        if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) return "--intervene needs a value, e.g. --intervene encoder.1.self_attn.head=3:zero";
        specs.push_back(args[++i]);
    }
    args = rest;
    return {};
}

std::string applyInterventions(const std::vector<std::string>& specs, const ModelInputs& in, core::Trace& trace) {
    std::vector<core::Intervention> list(specs.size());
    for (size_t i = 0; i < specs.size(); ++i)
        if (std::string err = core::parseIntervention(specs[i], list[i]); !err.empty()) return err;
    const core::Model& model = *in.loaded.model;
    if (std::string err = core::prepareInterventions(model, in.src, in.tgt, list); !err.empty()) return err;
    core::Trace changed = core::runWithInterventions(model, in.src, in.tgt, list);
    for (const std::string& s : specs) std::printf("intervention: %s\n", s.c_str());
    printReport(core::reportIntervention(trace, changed), in);
    trace = std::move(changed);
    return {};
}

}  // namespace alab::app

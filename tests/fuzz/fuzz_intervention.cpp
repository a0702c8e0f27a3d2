// Fuzzes interventions (core/debug/intervention.h) on a tiny seeded model: any bytes as one spec are
// refused with one line (control characters in the quoted spec escaped), or are applied by a forward pass that keeps every tensor
// of the baseline under the same name and shape (no crash, no out-of-range cell or head). A spec that
// parses, written back by interventionSpec, parses to the same intervention.
#include "core/debug/intervention.h"
#include "core/debug/trace_run.h"
#include "fuzz_support.h"

using namespace alab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const core::Model model = [] {
        core::ModelConfig c;
        c.d_model = 8, c.heads = 2, c.d_ff = 8, c.encoder_layers = 1, c.decoder_layers = 1, c.src_vocab = 6, c.tgt_vocab = 6;
        return core::Model(c, core::initWeights(c, 7));
    }();
    static const std::vector<int> src = {1, 2, 3}, tgt = {1, 4};
    const std::string spec = fuzz::bytes(data, size);
    std::vector<core::Intervention> list(1);
    std::string err = core::parseIntervention(spec, list[0]);
    if (err.empty()) {  // the debugger's panel and sessions write specs with interventionSpec
        const core::Intervention& iv = list[0];
        core::Intervention back;
        fuzz::require(core::parseIntervention(core::interventionSpec(iv), back).empty(), "a written spec parses");
        fuzz::require(back.tensor == iv.tensor && back.head == iv.head && back.cell == iv.cell && back.action == iv.action &&
                          back.value == iv.value && back.patchDir == iv.patchDir,
                      "a written spec parses to the same intervention");
        err = core::prepareInterventions(model, src, tgt, list);
    }
    if (!err.empty()) {
        fuzz::require(err.rfind("intervention \"", 0) == 0, "an error quotes the spec");
        fuzz::require(err.find('\n') == std::string::npos && err.find('\r') == std::string::npos, "an error is one line");
        return 0;
    }
    const core::TraceRun before = core::runFromTrace(model.forward(src, tgt));
    const core::TraceRun after = core::runFromTrace(core::runWithInterventions(model, src, tgt, list));
    fuzz::require(after.names == before.names, "the intervened run holds the same tensors");
    for (const std::string& n : before.names) fuzz::require(after.find(n)->shape == before.find(n)->shape, "same shapes");
    return 0;
}

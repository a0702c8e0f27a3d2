// A consumer of alab::core: one forward pass of the thinking-machines preset through the installed
// (or added) core, reading two scores back by their stable tensor name. Exits 0 only when the
// worked example's q1·k1 = 112 and q1·k2 = 96 come out.
#include "core/model.h"
#include "core/presets.h"
#include "core/trace.h"

#include <cmath>
#include <cstdio>

int main() {
    using namespace alab::core;
    const Preset p = thinkingMachinesPreset();
    const Model model(p.config, p.weights);
    const Trace trace = model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    const auto scores = findTensor(trace, "encoder.0.self_attn.scores");  // [h, S, S]
    if (!scores) return std::puts("no tensor encoder.0.self_attn.scores"), 1;
    const float s11 = scores->at({0, 0, 0}), s12 = scores->at({0, 0, 1});
    std::printf("q1.k1 = %g, q1.k2 = %g (%zu tensors)\n", double(s11), double(s12), traceNames(trace).size());
    return std::fabs(s11 - 112) < 1e-3 && std::fabs(s12 - 96) < 1e-3 ? 0 : 1;
}

// The Thinking Machines walkthrough as text, for a terminal without a display. Every number is
// read from the trace of the thinking-machines preset.
#include "app/commands.h"
#include "core/model.h"
#include "core/presets.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace alab::app {
namespace {

void printVector(const char* label, const core::RowVector& v, int shown = 6) {
    std::printf("    %-4s = [", label);
    for (int i = 0; i < v.size() && i < shown; ++i) std::printf("%s%g", i ? ", " : "", double(v[i]));
    if (v.size() > shown) std::printf(", … (%d numbers)", int(v.size()));
    std::printf("]\n");
}

}  // namespace

bool hasDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    return (x && *x) || (w && *w) || (platform && *platform);
}

int printWalkthrough() {
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Model model(p.config, p.weights);
    const int thinking = p.vocab.id("Thinking"), machines = p.vocab.id("Machines");
    const core::Trace t = model.forward({thinking, machines});
    const core::AttentionTrace& a = t.encoder[0].self_attn;
    const int d_k = int(a.q[0].cols());

    std::printf("AttentionLab — self-attention on \"Thinking Machines\", step by step\n\n");
    std::printf("1. The words become vectors (embedding lookup):\n");
    printVector("x1", t.src_embedding.row(0));
    printVector("x2", t.src_embedding.row(1));
    std::printf("\n2. Queries, keys and values: q = x·W^Q, k = x·W^K, v = x·W^V (each %d numbers):\n", d_k);
    printVector("q1", a.q[0].row(0));
    printVector("k1", a.k[0].row(0));
    printVector("k2", a.k[0].row(1));
    printVector("v1", a.v[0].row(0));
    printVector("v2", a.v[0].row(1));
    std::printf("\n3. Scores: q1·k1 = %g, q1·k2 = %g\n", double(a.scores[0](0, 0)), double(a.scores[0](0, 1)));
    std::printf("\n4. Scale by √d_k = √%d = %g: %g / %g = %g and %g / %g = %g\n", d_k, std::sqrt(double(d_k)),
                double(a.scores[0](0, 0)), std::sqrt(double(d_k)), double(a.scaled[0](0, 0)), double(a.scores[0](0, 1)),
                std::sqrt(double(d_k)), double(a.scaled[0](0, 1)));
    std::printf("   (large dot products would push softmax to 0/1, where its gradients vanish)\n");
    std::printf("\n5. Softmax: e^%g / (e^%g + e^%g) = %.2f, and %.2f for \"Machines\"\n", double(a.scaled[0](0, 0)),
                double(a.scaled[0](0, 0)), double(a.scaled[0](0, 1)), double(a.weights[0](0, 0)), double(a.weights[0](0, 1)));
    std::printf("\n6-7. Weighted sum of the values: z1 = %.2f·v1 + %.2f·v2\n", double(a.weights[0](0, 0)),
                double(a.weights[0](0, 1)));
    printVector("z1", a.context[0].row(0));
    std::printf("     and for \"Machines\": z2 = %.2f·v1 + %.2f·v2\n", double(a.weights[0](1, 0)), double(a.weights[0](1, 1)));
    printVector("z2", a.context[0].row(1));
    std::printf("\n8. All at once: Z = softmax(QKᵀ/√d_k)·V — its rows are z1 and z2.\n\n");
    std::printf("No display was found, so the window did not open. To see the animated lesson, run\n"
                "  attention-lab            on a desktop, or\n"
                "  xvfb-run -s \"-screen 0 1920x1080x24\" attention-lab --screenshot lesson.png --step 3\n"
                "to render a step to an image. `attention-lab trace --help` dumps every tensor.\n");
    return 0;
}

}  // namespace alab::app

// The Thinking Machines walkthrough as text, for a terminal without a display. Every number is
// read from the trace of the thinking-machines preset.
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/lesson.h"
#include "core/model.h"
#include "core/presets.h"

#include <cstdio>

namespace alab::app {
namespace {

void printVector(const char* label, const core::RowVector& v, int shown = 6) {
    std::printf("    %-4s = [", label);
    for (int i = 0; i < v.size() && i < shown; ++i) std::printf("%s%g", i ? ", " : "", double(v[i]));
    if (v.size() > shown) std::printf(", … (%d numbers)", int(v.size()));
    std::printf("]\n");
}

}  // namespace

// "%1".."%9" of a lesson paragraph replaced by its arguments.
std::string fill(const core::LessonParagraph& p) {
    std::string out;
    for (size_t i = 0; i < p.text.size(); ++i) {
        const size_t n = i + 1 < p.text.size() ? size_t(p.text[i + 1] - '1') : p.args.size();
        if (p.text[i] == '%' && n < p.args.size()) {
            out += p.args[n];
            ++i;
        } else {
            out += p.text[i];
        }
    }
    return out;
}

int printWalkthrough() {
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Model model(p.config, p.weights);
    const core::Trace t = model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    const core::Lesson lesson = core::buildLesson(t, model, {"Thinking", "Machines"});
    const core::AttentionTrace& a = t.encoder[0].self_attn;

    std::printf("AttentionLab — self-attention on \"Thinking Machines\", step by step\n");
    for (size_t s = 0; s < lesson.steps.size(); ++s) {
        const core::LessonStep& step = lesson.steps[s];
        std::printf("\n%zu. %s        %s\n", s + 1, step.title.c_str(), step.formula.c_str());
        for (const core::LessonParagraph& para : step.paragraphs) std::printf("   %s\n", fill(para).c_str());
        if (step.kind == core::LessonStepKind::Embed) {
            printVector("x1", t.src_embedding.row(0));
            printVector("x2", t.src_embedding.row(1));
        } else if (step.kind == core::LessonStepKind::Project) {
            printVector("q1", a.q[0].row(0));
            printVector("k1", a.k[0].row(0));
            printVector("k2", a.k[0].row(1));
            printVector("v1", a.v[0].row(0));
            printVector("v2", a.v[0].row(1));
        } else if (step.kind == core::LessonStepKind::Sum) {
            printVector("z1", a.context[0].row(0));
            printVector("z2", a.context[0].row(1));
        }
    }
    std::printf("\n");
    if (hasDisplay()) return 0;  // asked for with --walkthrough on a desktop: no advice needed
    std::printf("No display was found, so the window did not open. To see the animated lesson:\n"
                "  on a desktop:        bash scripts/run.sh   (or build/app/attention-lab)\n"
                "  in a virtual screen: xvfb-run -s \"-screen 0 1920x1080x24\" build/app/attention-lab\n"
                "  as an image:         build/app/attention-lab --screenshot lesson.png --step 3\n"
                "Every tensor as .npy: build/app/attention-lab trace --preset demo --src \"the cat sat\" --out trace/\n");
    return 0;
}

}  // namespace alab::app

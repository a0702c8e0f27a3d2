// The Thinking Machines walkthrough as text, for a terminal without a display: the lesson of the
// registry (the same one the window shows), each step's title, formula, texts and the numbers of
// its scene, grid by grid. Every number is read from the lesson built on the preset's trace.
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/lessons/registry.h"
#include "core/model.h"
#include "core/presets.h"

#include <cstdio>

namespace alab::app {
namespace {

// "%1".."%9" of a lesson text replaced by its arguments.
std::string fill(const core::LessonText& p) {
    std::string out;
    for (size_t i = 0; i < p.source.size(); ++i) {
        const size_t n = i + 1 < p.source.size() ? size_t(p.source[i + 1] - '1') : p.args.size();
        if (p.source[i] == '%' && n < p.args.size()) {
            out += p.args[n];
            ++i;
        } else {
            out += p.source[i];
        }
    }
    return out;
}

// One line per row of a grid: "    Q  “Thinking” [1, 0, …]".
void printGrid(const core::SceneGrid& g) {
    for (int r = 0; r < g.rows; ++r) {
        std::string line = "    " + (r == 0 ? g.title : std::string(g.title.size() ? 1 : 0, ' '));
        if (r < int(g.rowLabels.size())) line += (line.size() > 4 ? " " : "") + g.rowLabels[size_t(r)];
        line += " [";
        for (int c = 0; c < g.cols; ++c) line += (c ? ", " : "") + g.at(r, c).text;
        std::printf("%s%s]\n", line.c_str(), g.moreCols ? ", …" : "");
    }
}

}  // namespace

int listLessons() {
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Model model(p.config, p.weights);
    const core::Trace t = model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    core::LessonOptions options;
    options.origin = core::WeightsOrigin::HandPicked;
    for (const core::LessonEntry& e : core::lessonRegistry()) {
        const core::Lesson lesson = e.build(t, model, {"Thinking", "Machines"}, options);
        std::printf("%s\t%zu\t%s\n", e.id.c_str(), lesson.steps.size(), e.title.c_str());
    }
    return 0;
}

int printWalkthrough(const std::string& lessonId) {
    const core::LessonEntry* entry = core::findLesson(lessonId);
    if (!entry) return fail("unknown lesson '" + lessonId + "' (attention-lab --list-lessons lists them)", 2);
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Model model(p.config, p.weights);
    const core::Trace t = model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    core::LessonOptions options;
    options.origin = core::WeightsOrigin::HandPicked;
    const core::Lesson lesson = entry->build(t, model, {"Thinking", "Machines"}, options);

    std::string sentence;  // the lesson's own words: a translation lesson runs on a sentence of its own
    for (const std::string& w : lesson.words) sentence += (sentence.empty() ? "" : " ") + w;
    std::printf("AttentionLab — %s, on \"%s\"\n", entry->title.c_str(), sentence.c_str());
    for (size_t s = 0; s < lesson.steps.size(); ++s) {
        const core::LessonStep& step = lesson.steps[s];
        std::printf("\n%zu. %s        %s\n", s + 1, step.title.c_str(), step.formula.c_str());
        for (const core::LessonText& para : step.paragraphs) std::printf("   %s\n", fill(para).c_str());
        for (const core::SceneGrid& g : step.scene.grids) printGrid(g);
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

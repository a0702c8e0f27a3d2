// A lesson's walkthrough as text, for a terminal without a display: the lesson of the registry (the
// same one the window shows), each step's title, formula, texts and the numbers of its scene, grid
// by grid, and the advice on how to see it animated, in English or (--lang zh_CN) through the
// window's translations. Every number is read from the lesson built on the preset's trace.
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/lessons/registry.h"
#include "core/model.h"
#include "core/presets.h"
#include "ui/language.h"

#include <QCoreApplication>

#include <cstdio>
#include <initializer_list>
#include <memory>

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

// A lesson text in the language installed (QCoreApplication's translators), arguments filled in
// as the window does; the English source as is when no translator is installed.
std::string say(const core::LessonText& p, bool translated) {
    if (!translated) return fill(p);
    QString text = QCoreApplication::translate("Lesson", p.source.c_str());
    for (const std::string& arg : p.args) text = text.arg(QString::fromStdString(arg));
    return text.toStdString();
}

// A label or grid title as the stage shows it: words such as "chosen" translated (context "Lesson"),
// symbols and the sentence's own words unchanged.
std::string label(const std::string& s, bool translated) { return s.empty() ? s : say({s, {}}, translated); }

// One line per row of a grid: "    Q  “Thinking” [1, 0, …]"; the row the text talks about marked ▶.
void printGrid(const core::SceneGrid& g, bool translated) {
    const std::string title = label(g.title, translated);
    for (int r = 0; r < g.rows; ++r) {
        std::string line = std::string(r == g.focusRow ? "  ▶ " : "    ") + (r == 0 ? title : std::string(title.size() ? 1 : 0, ' '));
        if (r < int(g.rowLabels.size())) line += (line.size() > 4 ? " " : "") + label(g.rowLabels[size_t(r)], translated);
        line += " [";
        for (int c = 0; c < g.cols; ++c) line += (c ? ", " : "") + g.at(r, c).text;
        std::printf("%s%s]\n", line.c_str(), g.moreCols ? ", …" : "");
    }
}

// A line of the program's own (context "Walkthrough"), translated when a language is installed, %1 = arg.
std::string programText(const char* source, const std::string& arg, bool translated) {
    const QString text = translated ? QCoreApplication::translate("Walkthrough", source) : QString::fromUtf8(source);
    return (arg.empty() ? text : text.arg(QString::fromStdString(arg))).toStdString();
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

int printWalkthrough(const std::string& lessonId, const std::string& lang) {
    const core::LessonEntry* entry = core::findLesson(lessonId);
    if (!entry) return fail("unknown lesson '" + lessonId + "' (attention-lab --list-lessons lists them)", 2);
    std::unique_ptr<QCoreApplication> app;  // translators need an application object
    std::unique_ptr<ui::Language> language;
    if (lang != "en") {
        static int argc = 1;
        static char name[] = "attention-lab";
        static char* argv[] = {name, nullptr};
        if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
        language = std::make_unique<ui::Language>();
        if (!language->apply(QString::fromStdString(lang), false))
            return fail("unknown language " + lang + " (available: " + ui::Language::available().join(", ").toStdString() + ")", 2);
    }
    const bool translated = language != nullptr;
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Model model(p.config, p.weights);
    const core::Trace t = model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    core::LessonOptions options;
    options.origin = core::WeightsOrigin::HandPicked;
    const core::Lesson lesson = entry->build(t, model, {"Thinking", "Machines"}, options);

    std::string sentence;
    for (const std::string& w : lesson.words) sentence += (sentence.empty() ? "" : " ") + w;
    std::printf("AttentionLab — %s — “%s”\n", say({entry->title, {}}, translated).c_str(), sentence.c_str());
    for (size_t s = 0; s < lesson.steps.size(); ++s) {
        const core::LessonStep& step = lesson.steps[s];
        std::printf("\n%zu. %s        %s\n", s + 1, say({step.title, {}}, translated).c_str(), step.formula.c_str());
        for (const core::LessonText& para : step.paragraphs) std::printf("   %s\n", say(para, translated).c_str());
        for (const core::SceneGrid& g : step.scene.grids) printGrid(g, translated);
    }
    std::printf("\n");
    if (hasDisplay()) return 0;  // asked for with --walkthrough on a desktop: no advice needed
    const std::string shot = "build/app/attention-lab --screenshot lesson.png --lesson " + lessonId + " --step 3" +
                             (translated ? " --lang " + lang : std::string());
    struct Line {
        const char* source;
        std::string arg;
        const char* indent;
    };
    for (const Line& l : std::initializer_list<Line>{
             {QT_TRANSLATE_NOOP("Walkthrough", "No display was found, so the window did not open. To see the animated lesson:"), "", ""},
             {QT_TRANSLATE_NOOP("Walkthrough", "on a desktop: %1"), "bash scripts/run.sh   (build/app/attention-lab)", "  "},
             {QT_TRANSLATE_NOOP("Walkthrough", "in a virtual screen: %1"), "xvfb-run -s \"-screen 0 1920x1080x24\" build/app/attention-lab", "  "},
             {QT_TRANSLATE_NOOP("Walkthrough", "as an image: %1"), shot, "  "},
             {QT_TRANSLATE_NOOP("Walkthrough", "Every tensor as .npy: %1"),
              "build/app/attention-lab trace --preset demo --src \"the cat sat\" --out trace/", ""}})
        std::printf("%s%s\n", l.indent, programText(l.source, l.arg, translated).c_str());
    return 0;
}

}  // namespace alab::app

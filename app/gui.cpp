// Starts the Qt application and the main window, or renders one lesson step to a PNG without
// showing a window: attention-lab --screenshot FILE.png --lesson thinking-machines --step N
// [--lang zh_CN] [--size 1920x1080] [--sentence TEXT] [--seed N] [--progress 0.5] [--zoom 1.5]
// [--presentation on]. Without a display it uses Qt's
// offscreen platform, so it works on a server.
#include "app/cli_args.h"
#include "app/commands.h"

#include "ui/common/trace_session.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_view.h"
#include "ui/lesson/sentence_bar.h"
#include "ui/main_window.h"

#include "core/lessons/registry.h"
#include "core/presets.h"

#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QSaveFile>
#include <QSpinBox>

#include <string>

namespace alab::app {
namespace {

struct ScreenshotOptions {
    std::string file, lesson = "thinking-machines", lang = "en", sentence;
    int step = 1, width = 1920, height = 1080;
    double progress = 1, zoom = 1;  // the step's final state unless asked for a moment of its animation
    bool presentation = false;      // --presentation on: only the stage and its caption
    unsigned long long seed = 2017;
};

// Returns an error message, or "" when `o` is filled in.
std::string parseScreenshot(int argc, char** argv, ScreenshotOptions& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return a + " needs a value";
        const std::string v = argv[++i];
        long long n = 0;
        double x = 0;
        const std::string notNumber = a + " expects a number, not " + v;
        if (a == "--screenshot") o.file = v;
        else if (a == "--lesson") o.lesson = v;
        else if (a == "--lang") o.lang = v;
        else if (a == "--sentence") o.sentence = v;
        else if (a == "--presentation") {
            if (v != "on" && v != "off") return "--presentation expects on or off, not " + v;
            o.presentation = v == "on";
        }
        else if (a == "--seed") {
            if (!parseInteger(v, n) || n < 0) return "--seed expects a non-negative integer, not " + v;
            o.seed = static_cast<unsigned long long>(n);
        } else if (a == "--step") {
            if (!parseInteger(v, n)) return notNumber;
            o.step = int(std::clamp(n, -1LL, 1000000LL));  // the range is checked against the lesson below
        } else if (a == "--progress") {
            if (!parseNumber(v, x) || x < 0 || x > 1) return "--progress expects a number from 0 to 1, not " + v;
            o.progress = x;
        } else if (a == "--zoom") {
            if (!parseNumber(v, x) || x <= 0) return notNumber;
            o.zoom = x;
        } else if (a == "--size") {
            const size_t sep = v.find('x');
            long long w = 0, h = 0;
            if (sep == std::string::npos || !parseInteger(v.substr(0, sep), w) || !parseInteger(v.substr(sep + 1), h))
                return "--size must look like 1920x1080, not " + v;
            if (w < 320 || h < 240 || w > 7680 || h > 4320) return "--size must be between 320x240 and 7680x4320";
            o.width = int(w);
            o.height = int(h);
        } else return "unknown option " + a + " (see attention-lab --help)";
    }
    if (o.file.empty()) return "--screenshot needs a file name";
    if (!core::findLesson(o.lesson) && o.lesson != "demo") {  // "demo": the lesson on the demo model's sentence
        std::string known;
        for (const core::LessonEntry& e : core::lessonRegistry()) known += e.id + ", ";
        return "--lesson must be one of " + known + "or demo, not " + o.lesson;
    }
    return {};
}

int renderScreenshot(const ScreenshotOptions& o) {
    ui::MainWindow window(false);
    if (!window.setLanguage(QString::fromStdString(o.lang), false))
        return fail("unknown language " + o.lang + " (available: en, zh_CN)", 2);
    ui::LessonController* lesson = window.lessonView()->controller();
    if (o.lesson == "demo" || !o.sentence.empty()) {
        const std::string text = o.sentence.empty() ? core::demoPreset().defaultSrc : o.sentence;
        ui::SentenceBar* bar = window.lessonView()->sentenceBar();  // the picture shows what was typed
        bar->sentenceEdit()->setText(QString::fromStdString(text));
        bar->seedBox()->setValue(int(o.seed));
        if (const QString err = lesson->runSentence(QString::fromStdString(text), o.seed); !err.isEmpty())
            return fail(err.toStdString(), 2);
        window.session()->waitForFinished();
        QCoreApplication::processEvents();
        if (!lesson->message().isEmpty()) return fail(lesson->message().toStdString(), 2);
    }
    if (o.step < 1 || o.step > lesson->stepCount())
        return fail("--step must be between 1 and " + std::to_string(lesson->stepCount()), 2);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(o.width, o.height);
    window.show();
    if (o.presentation) {  // as F5 does, but without leaving the requested size for the screen's
        window.setPresentation(true);
        window.showNormal();
        window.resize(o.width, o.height);
    }
    lesson->setStep(o.step - 1, false);  // the step's final state, no animation
    if (o.progress < 1) lesson->seek(o.progress);
    lesson->setZoom(o.zoom);
    for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
    QImage image = window.grab().toImage();
    if (image.size() != QSize(o.width, o.height))
        image = image.scaled(o.width, o.height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QSaveFile file(QString::fromStdString(o.file));
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return fail(o.file + ": cannot write the image (" + file.errorString().toStdString() + ")", 2);
    return 0;
}

bool wantsScreenshot(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--screenshot") return true;
    return false;
}

}  // namespace

int runGui(int argc, char** argv) {
    const bool screenshot = wantsScreenshot(argc, argv);
    ScreenshotOptions options;
    if (screenshot) {
        if (const std::string err = parseScreenshot(argc, argv, options); !err.empty()) return fail(err, 2);
        if (!hasDisplay()) qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("AttentionLab"));
    QApplication::setOrganizationName(QStringLiteral("AttentionLab"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    if (screenshot) return renderScreenshot(options);
    ui::MainWindow window;
    window.show();
    return app.exec();
}

}  // namespace alab::app

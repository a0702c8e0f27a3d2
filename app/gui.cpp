// Starts the Qt application and the main window, or renders one lesson step to a PNG without
// showing a window: attention-lab --screenshot FILE.png --lesson thinking-machines --step N
// [--lang zh_CN] [--size 1920x1080] [--sentence TEXT] [--seed N] [--progress 0.5] [--zoom 1.5]
// [--presentation on] [--model DIR | --weights F --config F [--vocab F]] [--src TEXT | --src-ids 1,2,3].
// Without a display it uses Qt's offscreen platform, so it works on a server.
#include "app/cli_args.h"
#include "app/commands.h"
#include "app/model_inputs.h"

#include "ui/common/trace_session.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_view.h"
#include "ui/lesson/sentence_bar.h"
#include "ui/main_window.h"

#include "core/lessons/registry.h"
#include "core/parallel.h"
#include "core/presets.h"

#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QSaveFile>
#include <QSpinBox>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace alab::app {
namespace {

struct ScreenshotOptions {
    std::string file, lesson = "thinking-machines", lang = "en", sentence;
    int step = 1, width = 1920, height = 1080;
    double progress = 1, zoom = 1;  // the step's final state unless asked for a moment of its animation
    bool presentation = false;      // --presentation on: only the stage and its caption
    unsigned long long seed = 2017;
    bool fileModel = false;  // --model DIR or --weights/--config: the lesson runs on that model
    ModelInputs inputs;      // the loaded model and its source ids, when fileModel
};

// The options of the window and of --screenshot (Qt's own -platform and -style pass through).
std::set<std::string> windowOptionNames() {
    return {"--screenshot", "--lesson", "--lang", "--presentation", "--sentence", "--seed", "--step", "--progress", "--zoom", "--size",
            "--model", "--weights", "--config", "--vocab", "--src", "--src-ids", "-platform", "-style", "--capture"};
}

// --model DIR or --weights/--config [--vocab] with --src / --src-ids, read as the command line reads them.
std::string loadScreenshotModel(const CliArgs& args, ScreenshotOptions& o) {
    o.fileModel = args.has("--model") || args.has("--weights") || args.has("--config");
    if (!o.fileModel) {
        for (const char* name : {"--vocab", "--src", "--src-ids"})
            if (args.has(name)) return std::string(name) + " needs a model: give --model DIR or --weights F --config F";
        return {};
    }
    if (!o.sentence.empty()) return "with a model, give the sentence as --src TEXT or --src-ids 1,2,3, not --sentence";
    if (o.lesson == "demo") return "--lesson demo runs the demo model: leave out --model / --weights";
    return loadInputs(args, o.inputs);
}

// Returns an error message, or "" when `o` is filled in from the parsed options.
std::string parseScreenshot(const CliArgs& args, ScreenshotOptions& o) {
    o.file = args.value("--screenshot");
    o.lesson = args.value("--lesson", o.lesson);
    o.lang = args.value("--lang", o.lang);
    o.sentence = args.value("--sentence");
    if (args.has("--presentation")) {
        const std::string v = args.value("--presentation");
        if (v != "on" && v != "off") return "--presentation expects on or off, not " + v;
        o.presentation = v == "on";
    }
    long long n = 0;
    double x = 0;
    if (args.has("--seed")) {
        if (!parseInteger(args.value("--seed"), n) || n < 0) return "--seed expects a non-negative integer, not " + args.value("--seed");
        o.seed = static_cast<unsigned long long>(n);
    }
    if (args.has("--step")) {
        if (!parseInteger(args.value("--step"), n)) return "--step expects a number, not " + args.value("--step");
        o.step = int(std::clamp(n, -1LL, 1000000LL));  // the range is checked against the lesson below
    }
    if (args.has("--progress")) {
        if (!parseNumber(args.value("--progress"), x) || x < 0 || x > 1)
            return "--progress expects a number from 0 to 1, not " + args.value("--progress");
        o.progress = x;
    }
    if (args.has("--zoom")) {
        if (!parseNumber(args.value("--zoom"), x) || x <= 0) return "--zoom expects a number, not " + args.value("--zoom");
        o.zoom = x;
    }
    if (args.has("--size")) {
        const std::string v = args.value("--size");
        const size_t sep = v.find('x');
        long long w = 0, h = 0;
        if (sep == std::string::npos || !parseInteger(v.substr(0, sep), w) || !parseInteger(v.substr(sep + 1), h))
            return "--size must look like 1920x1080, not " + v;
        if (w < 320 || h < 240 || w > 7680 || h > 4320) return "--size must be between 320x240 and 7680x4320";
        o.width = int(w);
        o.height = int(h);
    }
    if (o.file.empty()) return "--screenshot needs a file name";
    if (!core::findLesson(o.lesson) && o.lesson != "demo") {  // "demo": the lesson on the demo model's sentence
        std::string known;
        for (const core::LessonEntry& e : core::lessonRegistry()) known += e.id + ", ";
        return "--lesson must be one of " + known + "or demo, not " + o.lesson;
    }
    return loadScreenshotModel(args, o);
}

int renderScreenshot(const ScreenshotOptions& o) {
    ui::MainWindow window(false);
    if (!window.setLanguage(QString::fromStdString(o.lang), false))
        return fail("unknown language " + o.lang + " (available: en, zh_CN)", 2);
    ui::LessonController* lesson = window.lessonView()->controller();
    if (o.fileModel) {
        if (const QString err = window.session()->loadModel(o.inputs.loaded, o.inputs.src, o.inputs.tgt, true); !err.isEmpty())
            return fail(err.toStdString(), 2);
        QCoreApplication::processEvents();
        if (!lesson->message().isEmpty()) return fail(lesson->message().toStdString(), 2);
    }
    if (o.lesson != "demo") lesson->setLesson(o.lesson);
    if (o.lesson == "demo" || !o.sentence.empty()) {
        const std::string text = o.sentence.empty() ? core::demoPreset().defaultSrc : o.sentence;
        ui::SentenceBar* bar = window.lessonView()->sentenceBar();  // the picture shows what was typed
        bar->sentenceEdit()->setText(QString::fromStdString(text));
        bar->seedBox()->setValue(int(o.seed));
        if (o.lesson == "demo") bar->modelBox()->setCurrentIndex(1);  // the demo model, random weights; else trained en-zh
        if (const QString err = bar->run(); !err.isEmpty())  // as Enter in the field: the bar keeps the sentence
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

// Qt cannot open a window without a display and aborts; say how to get one instead.
std::string displayProblem(const CliArgs& args) {
    const char* env = std::getenv("QT_QPA_PLATFORM");
    const std::string platform = args.has("-platform") ? args.value("-platform") : (env ? env : "");
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    const bool hasX = x && *x, hasWayland = w && *w;
    const bool ok = platform.empty() ? hasX || hasWayland
                    : platform.rfind("xcb", 0) == 0 ? hasX
                    : platform.rfind("wayland", 0) == 0 ? hasWayland
                    : true;  // offscreen, minimal, vnc, eglfs, ... need no display server
    if (ok) return {};
    return "no display to open the window on: run it on a desktop, under xvfb-run -a attention-lab, or with DISPLAY set "
           "(attention-lab --walkthrough prints the lesson, --screenshot FILE renders it)";
}

// While the window starts: Qt's "could not connect to display" (a warning, then a fatal message and
// an abort) becomes our one line and exit code 2.
QString g_firstStartupWarning;

void startupMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type != QtFatalMsg) {
        if (g_firstStartupWarning.isEmpty()) g_firstStartupWarning = message.section('\n', 0, 0);
        return;
    }
    const QString reason = g_firstStartupWarning.isEmpty() ? message.section('\n', 0, 0) : g_firstStartupWarning;
    std::fprintf(stderr, "attention-lab: cannot open the window (%s); run it on a desktop or under xvfb-run -a attention-lab\n",
                 qPrintable(reason));
    std::_Exit(2);
}

}  // namespace

int runGui(int argc, char** argv) {
    const CliArgs args(std::vector<std::string>(argv + 1, argv + argc), windowOptionNames(), {});
    if (!args.error().empty()) return fail(args.error(), 2);
    const bool screenshot = args.has("--screenshot");
    ScreenshotOptions options;
    if (screenshot) {
        if (const std::string err = parseScreenshot(args, options); !err.empty()) return fail(err, 2);
        if (!hasDisplay()) qputenv("QT_QPA_PLATFORM", "offscreen");
    } else {
        for (const std::string& name : windowOptionNames())
            if (name[1] == '-' && name != "--capture" && args.has(name)) return fail(name + " works only with --screenshot FILE.png", 2);
        if (const std::string err = displayProblem(args); !err.empty()) return fail(err, 2);
    }
    core::CaptureMode capture = core::CaptureMode::Auto;  // --capture: this session only, as ALAB_CAPTURE
    if (args.has("--capture"))
        if (const std::string err = readCaptureMode(args, capture); !err.empty()) return fail(err, 2);
    QtMessageHandler previous = qInstallMessageHandler(startupMessages);
    QApplication app(argc, argv);
    qInstallMessageHandler(previous);
    QApplication::setApplicationName(QStringLiteral("AttentionLab"));
    QApplication::setOrganizationName(QStringLiteral("AttentionLab"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.attentionlab.AttentionLab"));  // packaging/
    if (screenshot) return renderScreenshot(options);
    ui::MainWindow window;  // applies the remembered thread count and capture mode
    if (args.has("--capture")) window.setCaptureMode(capture, false);
    if (args.has(kThreadsOption)) core::setThreadCount(std::stoi(args.value(kThreadsOption)));  // this session only
    window.show();
    return app.exec();
}

}  // namespace alab::app

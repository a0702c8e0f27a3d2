// Interactive latency of the real window, offscreen (issue 12 §3), two figures:
//   cold start: from the parent starting a child process until the child's lesson stage has painted for
//     the first time (QApplication, MainWindow with every view installed, Thinking Machines loaded,
//     shown); target ≤ 300 ms.
//   typing: from the key press (Return in the lesson's sentence field, with the demo model) until every
//     visible view has repainted with the new trace; then the demo model on a 64-token sentence (the
//     Open-model dialog's Run, session->load) with each tab in front and the tensor inspector docked;
//     target ≤ 50 ms. "Repainted" = the last Paint event the new snapshot caused has been handled.
// Each figure also in CPU time (this process, every thread: on a loaded machine wall time mostly
// measures the other programs). Prints medians and "RESULT ..." lines.
// Run: bench_ui_latency [--repeats N] (default 15).
#include "ui/common/trace_session.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_stage.h"
#include "ui/lesson/lesson_view.h"
#include "ui/lesson/sentence_bar.h"
#include "ui/main_window.h"

#include "core/presets.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QProcess>
#include <QTabWidget>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace alab::ui;

namespace {

int64_t nowNs() {  // CLOCK_MONOTONIC: the same clock in parent and child
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// Counts Paint events of widgets inside `window`, and remembers when the last one finished being handled.
class PaintWatch : public QObject {
public:
    explicit PaintWatch(QWidget* window) : m_window(window) { qApp->installEventFilter(this); }
    int paints = 0;
    bool eventFilter(QObject* o, QEvent* e) override {
        if (e->type() == QEvent::Paint && o->isWidgetType() &&
            (o == m_window || m_window->isAncestorOf(static_cast<QWidget*>(o))))
            ++paints;
        return false;
    }

private:
    QWidget* m_window;
};

double cpuMs() { return 1e3 * double(std::clock()) / CLOCKS_PER_SEC; }

struct Latency {
    std::vector<double> wall, cpu;
};

// Runs trigger(), then handles events until the session is idle and nothing has painted for 150 ms;
// records the ms (wall and CPU) from the trigger to the end of the event batch that held the last paint.
void untilRepainted(TraceSession* session, PaintWatch& watch, const std::function<void()>& trigger, Latency& out) {
    QElapsedTimer quietFor;
    const int64_t start = nowNs();
    const double cpuStart = cpuMs();
    int64_t lastPaintDone = start;
    double lastPaintCpu = cpuStart;
    const int before = watch.paints;
    trigger();
    quietFor.start();
    while (session->isBusy() || quietFor.elapsed() < 150) {
        const int seen = watch.paints;
        QApplication::processEvents(QEventLoop::AllEvents, 5);
        if (watch.paints != seen) {
            lastPaintDone = nowNs();
            lastPaintCpu = cpuMs();
            quietFor.restart();
        }
    }
    if (watch.paints == before) std::fprintf(stderr, "warning: nothing repainted\n");
    out.wall.push_back(double(lastPaintDone - start) / 1e6);
    out.cpu.push_back(lastPaintCpu - cpuStart);
}

void report(const char* what, const char* key, const Latency& l, int target) {
    std::printf("%s: median %.1f ms, CPU %.1f ms (target <= %d)\n", what, median(l.wall), median(l.cpu), target);
    std::printf("RESULT impl=alab case=%s median_ms=%.3f cpu_ms=%.3f runs=%zu\n", key, median(l.wall), median(l.cpu),
                l.wall.size());
}

QString demoSentence(int words) {
    const std::vector<std::string>& vocab = alab::core::demoWords();
    QStringList out;
    for (int i = 0; i < words; ++i) out << QString::fromStdString(vocab[size_t(4 + (i * 37) % int(vocab.size() - 4))]);
    return out.join(QLatin1Char(' '));
}

int coldChild(int64_t parentStart) {
    MainWindow window(false);
    LessonView* lesson = window.lessonView();
    struct FirstPaint : QObject {
        int64_t at = 0;
        bool eventFilter(QObject*, QEvent* e) override {
            if (e->type() == QEvent::Paint && !at) at = -1;  // painting now; done when the filter returns
            return false;
        }
    } first;
    lesson->stage()->viewport()->installEventFilter(&first);  // a scroll area paints its viewport
    window.show();
    while (first.at == 0) QApplication::processEvents(QEventLoop::AllEvents, 5);
    QApplication::processEvents();  // the paint itself
    std::printf("%.3f %.3f\n", double(nowNs() - parentStart) / 1e6, cpuMs());
    return 0;
}

void coldStart(const QString& self, int repeats) {
    Latency l;
    for (int i = 0; i < repeats; ++i) {
        QProcess child;
        const int64_t start = nowNs();
        child.start(self, {QStringLiteral("--cold-child"), QString::number(start)});
        child.waitForFinished(120000);
        const QStringList v = QString::fromLatin1(child.readAllStandardOutput()).simplified().split(QLatin1Char(' '));
        if (v.size() != 2) continue;
        l.wall.push_back(v[0].toDouble());
        l.cpu.push_back(v[1].toDouble());  // the child's CPU time up to its first paint
    }
    if (!l.wall.empty()) report("cold start to the first painted lesson", "cold_start", l, 300);
}

void typing(int repeats) {
    MainWindow window(false);
    window.resize(1600, 960);
    window.show();
    TraceSession* session = window.session();
    session->waitForFinished();
    PaintWatch watch(&window);
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("tensorInspectorDock"));
    LessonView* lesson = window.lessonView();
    lesson->controller()->setSentenceModel(QStringLiteral("demo"));
    QLineEdit* edit = lesson->sentenceBar()->sentenceEdit();
    Latency lessonTyping;
    for (int i = 0; i < repeats; ++i) {
        edit->setText(demoSentence(12 - i % 3));  // a different sentence every time
        QApplication::processEvents();
        untilRepainted(session, watch, [&] {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
            QApplication::sendEvent(edit, &press);
        }, lessonTyping);
    }
    report("typing: Return in the lesson's sentence field (demo model, 10-12 words) -> repainted", "type_lesson",
           lessonTyping, 50);
    dock->show();
    alab::core::ModelSource demo;
    demo.preset = "demo";
    for (int tab = 0; tab < window.tabs()->count(); ++tab) {
        window.tabs()->setCurrentIndex(tab);
        Latency l;
        for (int i = 0; i < repeats; ++i) {
            const QString text = demoSentence(64 - i % 2);
            untilRepainted(session, watch, [&] { session->load(demo, text, text); }, l);
        }
        const QString name = window.tabs()->tabText(tab).remove(QLatin1Char('&')).replace(QLatin1Char(' '), QLatin1Char('_'));
        const QString what = QStringLiteral("typing: demo model, 64 tokens, tab %1 + inspector -> repainted").arg(name);
        report(qPrintable(what), qPrintable(QStringLiteral("type64_") + name), l, 50);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == QLatin1String("--cold-child")) return coldChild(args[2].toLongLong());
    const int repeats = args.size() == 3 && args[1] == QLatin1String("--repeats") ? std::max(3, args[2].toInt()) : 15;
    std::printf("platform %s, %d repeats\n", qPrintable(QGuiApplication::platformName()), repeats);
    coldStart(app.applicationFilePath(), repeats);
    typing(repeats);
    return 0;
}

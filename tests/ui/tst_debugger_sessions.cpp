// The debugger's second run and sessions, offscreen in the real main window on the post-norm golden
// model. Compare: a copy of the trace with one planted change diverges first exactly there (the list
// leads with it, "Go to first divergence" moves the debugger to it and the difference heatmap shows
// the planted amount); the same model on a second sentence diverges at the first input. Sessions: a
// saved session reopens to the same state after everything was changed; a bad file changes nothing
// and says why; a session whose weights moved keeps the current model, says so, and restores the rest;
// recent sessions are remembered.
#include "ui/analysis/heatmap_plot.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/compare_panel.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/debugger_view.h"
#include "ui/debugger/session_actions.h"
#include "ui/debugger/tensor_panel.h"
#include "ui/main_window.h"
#include "../core/core_test_support.h"
#include "debugger_support.h"

#include "core/trace_writer.h"

#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace alab;
using namespace alab::ui;

namespace {

QString loadDemo(TraceSession& session) {
    core::ModelSource source;
    source.preset = "demo";
    return session.load(source, QStringLiteral("the cat sat"), {}, true);
}

}  // namespace

class TestDebuggerSessions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::useDebuggerTestSettings(); }
    void plantedDivergence();
    void secondSentence();
    void sessionReopens();
    void badSessionChangesNothing();
    void movedModel();
};

void TestDebuggerSessions::plantedDivergence() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w);
    core::Trace copy = *w.session()->snapshot()->trace;
    copy.encoder[1].ffn.hidden(2, 7) += 0.5f;  // only this tensor changes; everything after it is the original
    const QString dir = tmp.filePath(QStringLiteral("copy"));
    QCOMPARE(core::writeTraceFolder(copy, dir.toStdString(), {}, {}), std::string());
    QCOMPARE(view->state()->openSecondFolder(dir), QString());
    ComparePanel* compare = view->comparePanel();
    QCOMPARE(compare->table()->item(0, 0)->text(), QStringLiteral("encoder.1.ffn.hidden"));  // largest relative error first
    QVERIFY2(compare->summaryText().contains(QStringLiteral("First divergence in execution order: encoder.1.ffn.hidden")),
             qPrintable(compare->summaryText()));
    QVERIFY(compare->firstDivergenceButton()->isEnabled());
    compare->firstDivergenceButton()->click();
    QCOMPARE(view->state()->currentName(), QStringLiteral("encoder.1.ffn.hidden"));
    const QString stats = compare->differencePanel()->statsText();  // this run − copy: one entry −0.5
    QVERIFY2(stats.contains(QStringLiteral("min −0.5")) && stats.contains(QStringLiteral("max 0 ")), qPrintable(stats));
    const HeatmapData& diff = compare->differencePanel()->plot()->heatmap();
    QVERIFY(std::abs(diff.values(2, 7) + 0.5f) < 1e-6f);
    view->state()->setTolerance(1.0);  // within a loose tolerance nothing diverges
    QVERIFY(!compare->firstDivergenceButton()->isEnabled());
    QCOMPARE(view->state()->openSecondFolder(tmp.filePath(QStringLiteral("missing"))).contains(QStringLiteral("missing")), true);
    QCOMPARE(view->state()->secondKind(), QStringLiteral("folder"));  // a bad folder keeps the second run
}

void TestDebuggerSessions::secondSentence() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w);
    std::vector<int> src = w.session()->snapshot()->src, tgt = w.session()->snapshot()->tgt;
    src[0] = src[0] == 1 ? 2 : 1;
    QCOMPARE(view->state()->setSecondIds(src, tgt), QString());
    QCOMPARE(view->state()->firstDivergenceOp(), 0);  // input.src_embedding
    view->comparePanel()->firstDivergenceButton()->click();
    QCOMPARE(view->state()->currentName(), QStringLiteral("input.src_embedding"));
    QVERIFY(!view->state()->setSecondIds({999}, {}).isEmpty());  // an id the vocabulary lacks: said, not thrown
}

void TestDebuggerSessions::sessionReopens() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w);
    auto* sessions = w.findChild<SessionActions*>();
    DebuggerState* st = view->state();
    st->setBreakpoints({{"decoder.*.cross_attn.weights", core::BreakCondition::LowEntropy, 0.2, true},
                        {"*", core::BreakCondition::NanOrInf, 0, false}});
    st->setWatches({QStringLiteral("encoder.0.self_attn.weights"), QStringLiteral("output.probs")});
    QCOMPARE(st->setSecondIds({4, 10, 11}, {10}, QStringLiteral("a b c"), QString()), QString());
    st->setTolerance(1e-3);
    QVERIFY(st->setCurrentByName(QStringLiteral("decoder.1.cross_attn.context")));
    view->setSidePanel(QStringLiteral("compare"));
    const QString path = tmp.filePath(QStringLiteral("s.alab"));
    QCOMPARE(sessions->saveTo(path), QString());
    const std::string saved = core::sessionToJson(sessions->capture());

    // Change everything, then reopen.
    QCOMPARE(loadDemo(*w.session()), QString());
    st->setBreakpoints({});
    st->setWatches({});
    st->clearSecond();
    view->setSidePanel(QStringLiteral("watches"));
    w.tabs()->setCurrentIndex(0);
    QVERIFY(core::sessionToJson(sessions->capture()) != saved);
    QCOMPARE(sessions->openFrom(path), QString());
    QCOMPARE(core::sessionToJson(sessions->capture()), saved);
    QCOMPARE(w.tabs()->currentWidget(), view);
    QCOMPARE(st->currentName(), QStringLiteral("decoder.1.cross_attn.context"));
    QCOMPARE(view->noticeText(), QString());  // nothing moved
    QCOMPARE(sessions->recentSessions().value(0), QFileInfo(path).absoluteFilePath());
}

void TestDebuggerSessions::badSessionChangesNothing() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w);
    auto* sessions = w.findChild<SessionActions*>();
    view->state()->setBreakpoints({{"*", core::BreakCondition::NanOrInf, 0, true}});
    const std::string before = core::sessionToJson(sessions->capture());
    const QString bad = tmp.filePath(QStringLiteral("bad.alab"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "attention-lab-session", "version": 1, "model": {"preset": "demo"}, "input": {"src_ids": [1]},
               "breakpoints": [{"pattern": "*", "condition": "sometimes"}]})");
    f.close();
    const QString err = sessions->openFrom(bad);
    QVERIFY2(err.contains(QStringLiteral("unknown condition \"sometimes\"")), qPrintable(err));
    QVERIFY2(view->noticeText().contains(QStringLiteral("not opened")), qPrintable(view->noticeText()));
    QCOMPARE(core::sessionToJson(sessions->capture()), before);
}

void TestDebuggerSessions::movedModel() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w);
    auto* sessions = w.findChild<SessionActions*>();
    view->state()->setBreakpoints({{"*.weights", core::BreakCondition::RowSumNotOne, 1e-4, true}});
    const QString path = tmp.filePath(QStringLiteral("s.alab"));
    QCOMPARE(sessions->saveTo(path), QString());
    std::filesystem::rename(tmp.filePath(QStringLiteral("weights.safetensors")).toStdString(),
                            tmp.filePath(QStringLiteral("moved.safetensors")).toStdString());
    QCOMPARE(loadDemo(*w.session()), QString());
    view->state()->setBreakpoints({});
    QCOMPARE(sessions->openFrom(path), QString());
    QVERIFY2(view->noticeText().contains(QStringLiteral("is missing (moved or deleted)")), qPrintable(view->noticeText()));
    QVERIFY2(view->noticeText().contains(QStringLiteral("current model and input are kept")), qPrintable(view->noticeText()));
    QCOMPARE(w.session()->snapshot()->modelName, QStringLiteral("demo"));  // kept
    QCOMPARE(view->state()->breakpoints().size(), size_t(1));               // the rest restored
    QCOMPARE(view->state()->breakpoints()[0].pattern, std::string("*.weights"));
}

QTEST_MAIN(TestDebuggerSessions)
#include "tst_debugger_sessions.moc"

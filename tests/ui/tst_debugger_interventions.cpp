// The debugger's Interventions panel, watches across two runs, interventions in sessions and the
// debugger's keys in Help, offscreen in the real main window on the post-norm golden model. Zeroing a
// head from the panel (no spec typed) reruns the model: the intervened run becomes the second run, the
// first divergence is that head's context, the "changed by an intervention" breakpoint stops there and
// the before → after probabilities equal a recomputation by core; bad choices and specs are said in the
// panel and change nothing; a click on the op's heatmap picks the cell. Watches show both runs and the
// largest |a − b| recomputed here. A saved session reopens with the same list and the same intervened
// numbers; a malformed entry is left out with a notice while the rest loads. Help lists F10, F11, …
// as the debugger binds them, in English and 简体中文.
#include "ui/analysis/heatmap_plot.h"
#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/compare_panel.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/debugger_view.h"
#include "ui/debugger/interventions_panel.h"
#include "ui/debugger/op_view.h"
#include "ui/debugger/session_actions.h"
#include "ui/debugger/tensor_panel.h"
#include "ui/debugger/watches_panel.h"
#include "ui/main_window.h"
#include "../core/core_test_support.h"
#include "debugger_support.h"

#include "core/debug/intervention.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace alab;
using namespace alab::ui;

namespace {

constexpr const char* kHeadSpec = "decoder.0.cross_attn.head=1:zero";

// The golden run with `spec` applied, computed here by core directly (not through the debugger).
core::Trace intervenedByCore(const std::string& spec) {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    std::vector<core::Intervention> list(1);
    if (!core::parseIntervention(spec, list[0]).empty() || !core::prepareInterventions(model, g.src, g.tgt, list).empty()) return {};
    return core::runWithInterventions(model, g.src, g.tgt, list);
}

QStringList tableTexts(const QTableWidget* t) {
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        for (int c = 0; c < t->columnCount(); ++c) out << (t->item(r, c) ? t->item(r, c)->text() : QString());
    return out;
}

// Opens Help → Keyboard shortcuts and returns the dialog's text (closing it).
QString shortcutsDialogText(MainWindow& w) {
    QString text;
    QTimer::singleShot(0, &w, [&text] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            text = box->text();
            box->accept();
        }
    });
    w.findChild<QAction*>(QStringLiteral("actionShortcuts"))->trigger();
    return text;
}

}  // namespace

class TestDebuggerInterventions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::useDebuggerTestSettings(); }
    void zeroHeadFromThePanel();
    void badChoicesAreSaid();
    void heatmapClickPicksACell();
    void watchesAcrossRuns();
    void sessionKeepsInterventions();
    void helpListsDebuggerKeys();
};

void TestDebuggerInterventions::zeroHeadFromThePanel() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w, QStringLiteral("interventions"));
    DebuggerState* st = view->state();
    InterventionsPanel* panel = view->interventionsPanel();
    QVERIFY(st->setCurrentByName(QStringLiteral("decoder.0.cross_attn.weights")));
    panel->setScope(InterventionsPanel::OneHead);
    panel->setHead(1);
    panel->setKind(InterventionsPanel::Zero);
    QCOMPARE(panel->addFromControls(), QString());
    QCOMPARE(st->interventions(), QStringList{QString::fromLatin1(kHeadSpec)});
    QCOMPARE(panel->list()->item(0)->text(), QStringLiteral("Decoder layer 1 cross-attention, head 2: set to zero"));
    QCOMPARE(panel->apply(), QString());
    QCOMPARE(st->secondKind(), QStringLiteral("intervened"));
    QCOMPARE(st->opName(st->firstDivergenceOp()), QStringLiteral("decoder.0.cross_attn.context"));
    QVERIFY2(view->comparePanel()->summaryText().contains(QStringLiteral("intervened run")), qPrintable(view->comparePanel()->summaryText()));
    QVERIFY2(panel->summaryText().contains(QStringLiteral("Applied")), qPrintable(panel->summaryText()));

    // before → after at the last target position, against core's own run
    const core::Trace after = intervenedByCore(kHeadSpec);
    const core::Trace& before = *w.session()->snapshot()->trace;
    const int last = int(before.probs.rows()) - 1;
    QTableWidget* probs = panel->probabilities();
    QCOMPARE(probs->rowCount(), 5);
    for (int r = 0; r < probs->rowCount(); ++r) {
        const QString token = probs->item(r, 0)->text();
        QVERIFY2(token.startsWith(QStringLiteral("id ")), qPrintable(token));  // the golden model has no vocabulary
        const int id = token.mid(3).toInt();
        QCOMPARE(probs->item(r, 1)->text(), displayNumber(before.probs(last, id), 'f', 4));
        QCOMPARE(probs->item(r, 2)->text(), displayNumber(after.probs(last, id), 'f', 4));
    }
    panel->setPosition(0);
    QCOMPARE(probs->rowCount(), 5);

    // the "changed by an intervention" breakpoint stops first where the head's context changed
    st->setBreakpoints({{"*", core::BreakCondition::Intervened, 0, true}});
    st->setCurrent(0);
    QVERIFY(st->continueToBreakpoint());
    QCOMPARE(st->currentName(), QStringLiteral("decoder.0.cross_attn.context"));
    QVERIFY2(view->stopText().contains(QStringLiteral("changed by the intervention")), qPrintable(view->stopText()));
    // a new input reapplies the list
    std::vector<int> src = w.session()->snapshot()->src;
    src.pop_back();
    QCOMPARE(w.session()->loadIds(w.session()->snapshot()->source, src, w.session()->snapshot()->tgt, true), QString());
    QCOMPARE(st->secondKind(), QStringLiteral("intervened"));
    QCOMPARE(st->secondRun().find("encoder.input")->shape, st->run().find("encoder.input")->shape);
}

void TestDebuggerInterventions::badChoicesAreSaid() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w, QStringLiteral("interventions"));
    DebuggerState* st = view->state();
    InterventionsPanel* panel = view->interventionsPanel();
    QString err = st->addIntervention(QStringLiteral("encoder.0.self_attn.head=7:zero"));
    QVERIFY2(err.contains(QStringLiteral("Encoder layer 1 self-attention, head 8")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("head 8 is out of range: this attention has heads 1 to 2")), qPrintable(err));
    err = st->addIntervention(QStringLiteral("garbage"));
    QVERIFY2(err.contains(QStringLiteral("write it as TARGET:ACTION")), qPrintable(err));
    err = st->addIntervention(QStringLiteral("encoder.1.ffn.hidden[1,99]:set=1"));
    QVERIFY2(err.contains(QStringLiteral("cell [2,100] (counting from 1) is outside the shape")), qPrintable(err));
    QVERIFY(st->interventions().isEmpty());
    QVERIFY(!panel->apply().isEmpty());  // nothing to apply
    QVERIFY(st->setCurrentByName(QStringLiteral("encoder.1.ffn.hidden")));
    panel->setScope(InterventionsPanel::OneHead);  // an FFN has no heads
    QVERIFY2(panel->addFromControls().contains(QStringLiteral("not part of an attention")), qPrintable(panel->messageText()));
    panel->setScope(InterventionsPanel::WholeTensor);
    panel->setKind(InterventionsPanel::Set, 1);  // set needs a cell
    QVERIFY2(panel->addFromControls().contains(QStringLiteral("changes one cell")), qPrintable(panel->messageText()));
    panel->setKind(InterventionsPanel::Patch);  // no trace folder to patch from
    QVERIFY2(panel->addFromControls().contains(QStringLiteral("trace folder")), qPrintable(panel->messageText()));
    QVERIFY(st->interventions().isEmpty());
    QVERIFY(!st->hasSecond());
    QVERIFY(w.isVisible());
}

void TestDebuggerInterventions::heatmapClickPicksACell() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w, QStringLiteral("interventions"));
    DebuggerState* st = view->state();
    QVERIFY(st->setCurrentByName(QStringLiteral("decoder.1.self_attn.weights")));
    view->opView()->setHead(1);
    emit view->opView()->outputPanel()->plot()->cellClicked(2, 1);
    QCOMPARE(view->interventionsPanel()->addFromControls(), QString());
    QCOMPARE(st->interventions(), QStringList{QStringLiteral("decoder.1.self_attn.weights[1,2,1]:set=0")});
    QCOMPARE(view->interventionsPanel()->list()->item(0)->text(),
             QStringLiteral("decoder.1.self_attn.weights (head 2, row 3, column 2): set to 0"));
    QCOMPARE(view->interventionsPanel()->apply(), QString());
    const core::Tensor* changed = st->secondRun().find("decoder.1.self_attn.weights");
    QCOMPARE(changed->at({1, 2, 1}), 0.0f);
}

void TestDebuggerInterventions::watchesAcrossRuns() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w, QStringLiteral("interventions"));
    DebuggerState* st = view->state();
    st->setWatches({QStringLiteral("decoder.0.cross_attn.context"), QStringLiteral("encoder.1.output")});
    QTableWidget* table = view->watchesPanel()->table();
    QCOMPARE(table->columnCount(), 8);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(st->addIntervention(QString::fromLatin1(kHeadSpec)), QString());
    QCOMPARE(st->applyInterventions(), QString());
    QCOMPARE(table->columnCount(), 10);
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("decoder.0.cross_attn.context"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("this run"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("intervened run"));
    QCOMPARE(table->rowSpan(0, 0), 2);
    QCOMPARE(table->rowSpan(0, 2), 2);
    // the largest |a − b| recomputed here: head 2's context became zero, so it is that head's max |x|
    const core::Trace after = intervenedByCore(kHeadSpec);
    const core::Trace& before = *w.session()->snapshot()->trace;
    const double expected = (before.decoder[0].cross_attn.context[1] - after.decoder[0].cross_attn.context[1]).cwiseAbs().maxCoeff();
    QVERIFY(expected > 0.01);
    QCOMPARE(table->item(0, 2)->text(), displayNumber(expected, 'g', 3));
    QCOMPARE(table->item(2, 2)->text(), QStringLiteral("0"));  // upstream of the intervention
    // each run's own statistics: the intervened context's max is the larger of the untouched heads
    double maxAfter = -1e30;
    for (const core::Matrix& h : after.decoder[0].cross_attn.context) maxAfter = std::max(maxAfter, double(h.maxCoeff()));
    QCOMPARE(table->item(1, 5)->text(), displayNumber(maxAfter));  // Tensor, Run, |a − b|, Shape, Min, Max
    // a second sentence is a "second run"; closing it brings the one-run table back
    std::vector<int> src = w.session()->snapshot()->src;
    src[0] = src[0] == 1 ? 2 : 1;
    QCOMPARE(st->setSecondIds(src, w.session()->snapshot()->tgt), QString());
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("second run"));
    QVERIFY(table->item(2, 2)->text() != QStringLiteral("0"));  // the encoder differs now
    st->clearSecond();
    QCOMPARE(table->columnCount(), 8);
    QCOMPARE(table->rowCount(), 2);
}

void TestDebuggerInterventions::sessionKeepsInterventions() {
    QTemporaryDir tmp;
    MainWindow w(false);
    QCOMPARE(test::loadGoldenFiles(*w.session(), tmp.path()), QString());
    DebuggerView* view = test::openDebugger(w, QStringLiteral("interventions"));
    DebuggerState* st = view->state();
    auto* sessions = w.findChild<SessionActions*>();
    QCOMPARE(st->addIntervention(QString::fromLatin1(kHeadSpec)), QString());
    QCOMPARE(st->addIntervention(QStringLiteral("encoder.1.ffn.hidden[2,5]:set=3")), QString());
    QCOMPARE(st->applyInterventions(), QString());
    QVERIFY(st->setCurrentByName(QStringLiteral("decoder.1.ffn.output")));
    const QStringList numbers = tableTexts(view->interventionsPanel()->probabilities());
    QVERIFY(!numbers.isEmpty());
    const QString path = tmp.filePath(QStringLiteral("s.alab"));
    QCOMPARE(sessions->saveTo(path), QString());
    const std::string saved = core::sessionToJson(sessions->capture());

    st->setInterventions({});
    st->clearSecond();
    st->setCurrent(0);
    QVERIFY(tableTexts(view->interventionsPanel()->probabilities()).isEmpty());
    QCOMPARE(sessions->openFrom(path), QString());
    QCOMPARE(core::sessionToJson(sessions->capture()), saved);
    QCOMPARE(int(st->interventions().size()), 2);
    QCOMPARE(st->secondKind(), QStringLiteral("intervened"));
    QCOMPARE(tableTexts(view->interventionsPanel()->probabilities()), numbers);  // the same intervened numbers
    QCOMPARE(view->noticeText(), QString());

    // a malformed entry is left out and said; the rest loads
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    text.replace(QStringLiteral("\"interventions\": ["), QStringLiteral("\"interventions\": [\n    \"encoder.1.ffn.hidden:mute\","));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
    f.close();
    st->setInterventions({});
    st->clearSecond();
    QCOMPARE(sessions->openFrom(path), QString());
    QVERIFY2(view->noticeText().contains(QStringLiteral("Intervention 1 of the session was left out")), qPrintable(view->noticeText()));
    QVERIFY2(view->noticeText().contains(QStringLiteral("unknown action “mute”")), qPrintable(view->noticeText()));
    QCOMPARE(int(st->interventions().size()), 2);
    QCOMPARE(tableTexts(view->interventionsPanel()->probabilities()), numbers);
}

void TestDebuggerInterventions::helpListsDebuggerKeys() {
    MainWindow w(false);
    w.show();
    QVERIFY(w.setLanguage(QStringLiteral("en"), false));
    const QString en = shortcutsDialogText(w);
    for (const char* row : {"<b>F11</b></td><td>Step into", "<b>F10</b></td><td>Step over", "<b>Shift+F11</b></td><td>Step out",
                            "<b>Shift+F10</b></td><td>Step back", "<b>Ctrl+F10</b></td><td>Run to cursor",
                            "<b>F5</b></td><td>Continue"})
        QVERIFY2(en.contains(QString::fromUtf8(row)), qPrintable(row + (QStringLiteral(" not in ") + en)));
    QVERIFY(w.setLanguage(QStringLiteral("zh_CN"), false));
    const QString zh = shortcutsDialogText(w);
    QVERIFY2(zh.contains(QStringLiteral("<b>F11</b></td><td>单步进入")), qPrintable(zh));
    QVERIFY2(zh.contains(QStringLiteral("调试器")), qPrintable(zh));
    QVERIFY(!zh.contains(QStringLiteral("In the Debugger tab")));
}

QTEST_MAIN(TestDebuggerInterventions)
#include "tst_debugger_interventions.moc"

// Screenshots of the Debugger tab for review: with ALAB_SCREENSHOTS=DIR set, saves the tab stopped at
// a breakpoint (with watches), the compare panel after "Go to first divergence", the watches
// panel, the interventions panel after zeroing a head and the watches across the two runs, at 1280×720 and 1920×1080 in English and 简体中文, on the demo model. Skipped otherwise: it
// checks nothing a person has not looked at.
#include "ui/common/trace_session.h"
#include "ui/debugger/compare_panel.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/debugger_view.h"
#include "ui/debugger/execution_tree.h"
#include "ui/debugger/interventions_panel.h"
#include "ui/main_window.h"
#include "screenshot_support.h"

#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace alab;
using namespace alab::ui;

class TestDebuggerScreenshots : public QObject {
    Q_OBJECT
private slots:
    void debuggerTab_data() { test::addScreenshotRows(); }
    void debuggerTab() {
        const QString out = test::screenshotDir();
        if (out.isEmpty()) QSKIP("set ALAB_SCREENSHOTS=DIR to save screenshots of the debugger tab");
        QFETCH(QString, lang);
        QFETCH(QSize, size);
        MainWindow w(false);
        QVERIFY(test::showWindow(w, lang, size));
        core::ModelSource demo;
        demo.preset = "demo";
        QCOMPARE(w.session()->load(demo, QStringLiteral("the cat sat on the mat"), QStringLiteral("<bos> 猫 坐 在 垫 子 上"), true),
                 QString());
        auto* view = w.findChild<DebuggerView*>();
        w.tabs()->setCurrentWidget(view);
        DebuggerState* st = view->state();
        st->setBreakpoints({{"decoder.*.cross_attn.weights", core::BreakCondition::Always, 0, true},
                            {"*", core::BreakCondition::NanOrInf, 0, true}});
        st->setWatches({QStringLiteral("encoder.0.self_attn.weights"), QStringLiteral("decoder.0.cross_attn.weights"),
                        QStringLiteral("output.probs")});
        const test::Screenshots shot(w, out, lang, size);
        view->tree()->setFocus();
        QTest::keyClick(view->tree(), Qt::Key_F5);
        QVERIFY(shot(QStringLiteral("debugger-breakpoint")));
        view->setSidePanel(QStringLiteral("watches"));
        st->setCurrentByName(QStringLiteral("encoder.0.self_attn.context"));
        QVERIFY(shot(QStringLiteral("debugger-watches")));
        view->setSidePanel(QStringLiteral("compare"));
        QCOMPARE(st->setSecondText(QStringLiteral("the mat sat on the cat"), QStringLiteral("<bos> 猫 坐 在 垫 子 上")), QString());
        view->comparePanel()->firstDivergenceButton()->click();
        QVERIFY(shot(QStringLiteral("debugger-compare")));
        view->setSidePanel(QStringLiteral("interventions"));
        st->clearSecond();
        QVERIFY(st->setCurrentByName(QStringLiteral("decoder.1.cross_attn.weights")));
        InterventionsPanel* panel = view->interventionsPanel();
        panel->setScope(InterventionsPanel::OneHead);
        panel->setHead(0);
        panel->setKind(InterventionsPanel::Scale, 0.25);
        QCOMPARE(panel->addFromControls(), QString());
        panel->setScope(InterventionsPanel::WholeTensor);
        panel->setKind(InterventionsPanel::Zero);
        QVERIFY(st->setCurrentByName(QStringLiteral("decoder.0.ffn.output")));
        QCOMPARE(panel->addFromControls(), QString());
        QCOMPARE(panel->apply(), QString());
        panel->setPosition(2);
        QVERIFY(st->setCurrentByName(QStringLiteral("decoder.1.cross_attn.weights")));
        panel->pickCell(1, 2, 3);  // as a click on the heatmap: the head, row and column spin boxes show
        QVERIFY(shot(QStringLiteral("debugger-interventions")));
        view->setSidePanel(QStringLiteral("watches"));
        QVERIFY(shot(QStringLiteral("debugger-watches-two-runs")));
    }
};

QTEST_MAIN(TestDebuggerScreenshots)
#include "tst_debugger_screenshots.moc"

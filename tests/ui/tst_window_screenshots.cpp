// Screenshots of the analysis tabs in the real main window, for review: with ALAB_SCREENSHOTS=DIR
// set, saves the heatmap tab (explainer open, reached with the keyboard), all heads, positional
// encoding (Thinking Machines and demo) and the tensor inspector at 1280×720 and 1920×1080 in
// English and 简体中文. Skipped otherwise: it checks nothing a person has not looked at.
#include "ui/analysis/all_heads_view.h"
#include "ui/analysis/attention_view.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/analysis/positional_view.h"
#include "ui/analysis/tensor_inspector.h"
#include "ui/common/trace_session.h"
#include "ui/main_window.h"
#include "screenshot_support.h"
#include "test_support.h"

#include <QDockWidget>
#include <QTabWidget>
#include <QTest>

using namespace alab;
using namespace alab::ui;

class TestWindowScreenshots : public QObject {
    Q_OBJECT
private slots:
    void analysisTabs_data() { test::addScreenshotRows(); }
    void analysisTabs() {
        const QString out = test::screenshotDir();
        if (out.isEmpty()) QSKIP("set ALAB_SCREENSHOTS=DIR to save screenshots of the analysis tabs");
        QFETCH(QString, lang);
        QFETCH(QSize, size);
        MainWindow w(false);
        QVERIFY(test::showWindow(w, lang, size));
        const test::Screenshots shot(w, out, lang, size);
        auto* attention = w.findChild<AttentionView*>();
        auto* pe = w.findChild<PositionalView*>();
        w.tabs()->setCurrentWidget(pe);
        QVERIFY(shot(QStringLiteral("positional-thinking-machines")));
        w.tabs()->setCurrentWidget(attention);
        attention->plot()->setFocus();
        QTest::keyClick(attention->plot(), Qt::Key_Right);  // row 1, column 2 as people count
        QTest::keyClick(attention->plot(), Qt::Key_Return);
        QVERIFY(shot(QStringLiteral("heatmap-thinking-machines")));
        QCOMPARE(test::loadPreset(*w.session(), "demo", QStringLiteral("the cat sat on the mat"),
                                  QStringLiteral("<bos> 猫 坐 在 垫 子 上")), QString());
        attention->showHead(AttentionKind::DecoderSelf, 0, 1);
        attention->plot()->setFocus();
        for (Qt::Key k : {Qt::Key_Down, Qt::Key_Down, Qt::Key_Right, Qt::Key_Return}) QTest::keyClick(attention->plot(), k);
        QVERIFY(shot(QStringLiteral("heatmap-demo")));
        auto* all = w.findChild<AllHeadsView*>();
        w.tabs()->setCurrentWidget(all);
        all->setKind(AttentionKind::Cross);
        QVERIFY(shot(QStringLiteral("all-heads-demo")));
        all->setKind(AttentionKind::DecoderSelf);  // the causal mask, hatched
        QVERIFY(shot(QStringLiteral("all-heads-demo-causal")));
        w.tabs()->setCurrentWidget(pe);
        QVERIFY(shot(QStringLiteral("positional-demo")));
        w.tabs()->setCurrentWidget(attention);
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("tensorInspectorDock"));
        dock->show();  // where it opens by default: floating over a small window, docked below a large one
        QCoreApplication::processEvents();
        auto* inspector = w.findChild<TensorInspector*>();
        inspector->selectTensor(QStringLiteral("decoder.0.self_attn.scaled"));
        inspector->setHead(1);
        QVERIFY(shot(QStringLiteral("inspector-demo")));
        if (dock->isFloating()) QVERIFY(dock->grab().save(shot.path(QStringLiteral("inspector-demo-floating"))));
    }
    void longInputHeatmap_data() { analysisTabs_data(); }
    // 4 096 tokens on the demo model: lean capture (the status bar says so), the head recomputed in the
    // background and drawn from a display grid.
    void longInputHeatmap() {
        const QString out = test::screenshotDir();
        if (out.isEmpty()) QSKIP("set ALAB_SCREENSHOTS=DIR to save screenshots of the analysis tabs");
        QFETCH(QString, lang);
        QFETCH(QSize, size);
        MainWindow w(false);
        QVERIFY(test::showWindow(w, lang, size));
        std::vector<int> ids;
        for (int i = 0; i < 4096; ++i) ids.push_back(4 + (i * 7919) % 60);
        core::ModelSource demo;
        demo.preset = "demo";
        QCOMPARE(w.session()->loadIds(demo, ids, {}, true), QString());
        QVERIFY(w.session()->snapshot()->leanCapture);
        auto* attention = w.findChild<AttentionView*>();
        w.tabs()->setCurrentWidget(attention);
        attention->showHead(AttentionKind::EncoderSelf, 1, 2);
        QTRY_VERIFY_WITH_TIMEOUT(!attention->isComputing(), 60000);
        QVERIFY(test::Screenshots(w, out, lang, size)(QStringLiteral("heatmap-4096")));
    }
};

QTEST_MAIN(TestWindowScreenshots)
#include "tst_window_screenshots.moc"

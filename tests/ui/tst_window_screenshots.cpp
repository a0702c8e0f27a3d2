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
#include "test_support.h"

#include <QDockWidget>
#include <QSettings>
#include <QTabWidget>
#include <QTest>

using namespace alab;
using namespace alab::ui;

class TestWindowScreenshots : public QObject {
    Q_OBJECT
private slots:
    void analysisTabs_data() {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QSize>("size");
        for (const char* lang : {"en", "zh_CN"})
            for (QSize s : {QSize(1280, 720), QSize(1920, 1080)})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2x%3").arg(lang).arg(s.width()).arg(s.height())))
                    << QString::fromLatin1(lang) << s;
    }
    void analysisTabs() {
        const QString out = qEnvironmentVariable("ALAB_SCREENSHOTS");
        if (out.isEmpty()) QSKIP("set ALAB_SCREENSHOTS=DIR to save screenshots of the analysis tabs");
        QFETCH(QString, lang);
        QFETCH(QSize, size);
        QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
        MainWindow w(false);
        QVERIFY(w.setLanguage(lang, false));
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString tag = QStringLiteral("%1/%2-%3x%4-").arg(out, lang).arg(size.width()).arg(size.height());
        const auto shot = [&](const QString& name) {
            QCoreApplication::processEvents();
            QVERIFY(w.grab().save(tag + name + QStringLiteral(".png")));
        };
        auto* attention = w.findChild<AttentionView*>();
        auto* pe = w.findChild<PositionalView*>();
        w.tabs()->setCurrentWidget(pe);
        shot(QStringLiteral("positional-thinking-machines"));
        w.tabs()->setCurrentWidget(attention);
        attention->plot()->setFocus();
        QTest::keyClick(attention->plot(), Qt::Key_Right);  // row 1, column 2 as people count
        QTest::keyClick(attention->plot(), Qt::Key_Return);
        shot(QStringLiteral("heatmap-thinking-machines"));
        QCOMPARE(test::loadPreset(*w.session(), "demo", QStringLiteral("the cat sat on the mat"),
                                  QStringLiteral("<bos> 猫 坐 在 垫 子 上")), QString());
        attention->showHead(AttentionKind::DecoderSelf, 0, 1);
        attention->plot()->setFocus();
        for (Qt::Key k : {Qt::Key_Down, Qt::Key_Down, Qt::Key_Right, Qt::Key_Return}) QTest::keyClick(attention->plot(), k);
        shot(QStringLiteral("heatmap-demo"));
        auto* all = w.findChild<AllHeadsView*>();
        w.tabs()->setCurrentWidget(all);
        all->setKind(AttentionKind::Cross);
        shot(QStringLiteral("all-heads-demo"));
        all->setKind(AttentionKind::DecoderSelf);  // the causal mask, hatched
        shot(QStringLiteral("all-heads-demo-causal"));
        w.tabs()->setCurrentWidget(pe);
        shot(QStringLiteral("positional-demo"));
        w.tabs()->setCurrentWidget(attention);
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("tensorInspectorDock"));
        dock->show();  // where it opens by default: floating over a small window, docked below a large one
        QCoreApplication::processEvents();
        auto* inspector = w.findChild<TensorInspector*>();
        inspector->selectTensor(QStringLiteral("decoder.0.self_attn.scaled"));
        inspector->setHead(1);
        shot(QStringLiteral("inspector-demo"));
        if (dock->isFloating()) QVERIFY(dock->grab().save(tag + QStringLiteral("inspector-demo-floating.png")));
    }
    void longInputHeatmap_data() { analysisTabs_data(); }
    // 4 096 tokens on the demo model: lean capture (the status bar says so), the head recomputed in the
    // background and drawn from a display grid.
    void longInputHeatmap() {
        const QString out = qEnvironmentVariable("ALAB_SCREENSHOTS");
        if (out.isEmpty()) QSKIP("set ALAB_SCREENSHOTS=DIR to save screenshots of the analysis tabs");
        QFETCH(QString, lang);
        QFETCH(QSize, size);
        QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
        MainWindow w(false);
        QVERIFY(w.setLanguage(lang, false));
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
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
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(QStringLiteral("%1/%2-%3x%4-heatmap-4096.png").arg(out, lang).arg(size.width()).arg(size.height())));
    }
};

QTEST_MAIN(TestWindowScreenshots)
#include "tst_window_screenshots.moc"

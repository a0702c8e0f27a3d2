// The analysis views installed into a main window as the app does it: tabs, dock and File / View
// actions; the all-heads grid opening a head in the heatmap tab; the inspector following the
// session; and a 512-token input end to end (trace off the GUI thread, inspector, grid, export).
#include "ui/analysis/all_heads_view.h"
#include "ui/analysis/analysis_views.h"
#include "ui/analysis/attention_view.h"
#include "ui/analysis/export_dialog.h"
#include "ui/analysis/figure_export.h"
#include "ui/analysis/head_grid_widget.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/analysis/open_model_dialog.h"
#include "ui/analysis/positional_view.h"
#include "ui/analysis/tensor_inspector.h"
#include "ui/analysis/tensor_table_model.h"
#include "ui/analysis/tensor_tree_model.h"
#include "ui/common/trace_session.h"
#include "test_support.h"

#include "core/positional_encoding.h"
#include "core/presets.h"

#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QTimer>
#include <QTranslator>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTableView>
#include <QtTest>

using namespace alab;
using namespace alab::ui;

namespace {

struct Window {
    QMainWindow window;
    QTabWidget* tabs = new QTabWidget;
    TraceSession* session = new TraceSession(&window);
    Window() {
        window.setCentralWidget(tabs);
        tabs->addTab(new QWidget, QStringLiteral("Lesson"));
        for (const char* name : {"menuFile", "menuView", "menuLanguage", "menuHelp"})
            window.menuBar()->addMenu(QString::fromLatin1(name))->setObjectName(QString::fromLatin1(name));
        window.findChild<QMenu*>("menuFile")->addAction(QStringLiteral("Quit"));
        installAnalysisViews(&window, tabs, session);
        window.resize(1400, 900);
    }
    template <typename T> T* view(const char* name) { return window.findChild<T*>(QLatin1String(name)); }
};

// Marks every translated string, to see which texts follow a language change.
class MarkingTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char*, const char* source, const char* = nullptr, int = -1) const override {
        return QStringLiteral("ZH:") + QString::fromUtf8(source);
    }
};

QString sentence(int words) {
    QStringList out;
    const std::vector<std::string>& vocab = core::demoWords();
    for (int i = 0; i < words; ++i) out << QString::fromStdString(vocab[size_t(i * 7) % vocab.size()]);
    return out.join(' ');
}

}  // namespace

class TestAnalysisViews : public QObject {
    Q_OBJECT
private slots:
    void installsTabsDockAndActions() {
        Window w;
        QCOMPARE(w.tabs->count(), 4);
        QCOMPARE(w.tabs->tabText(1), QStringLiteral("Attention heatmap"));
        QCOMPARE(w.tabs->tabText(2), QStringLiteral("All heads"));
        QCOMPARE(w.tabs->tabText(3), QStringLiteral("Positional encoding"));
        QMenu* file = w.window.findChild<QMenu*>("menuFile");
        QCOMPARE(file->actions().first()->objectName(), QStringLiteral("actionOpenModel"));
        QVERIFY(w.window.findChild<QAction*>("actionExport"));
        QVERIFY(w.window.findChild<QAction*>("actionExportAllHeads"));
        QVERIFY(w.window.findChild<QMenu*>("menuView")->actions().contains(w.window.findChild<QAction*>("actionTensorInspector")));
        QVERIFY(w.window.findChild<QDockWidget*>("tensorInspectorDock"));
        QCOMPARE(file->actions().last()->text(), QStringLiteral("Quit"));  // ours go before the window's own
    }

    void retranslatesOnLanguageChange() {
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "demo", QStringLiteral("the cat")), QString());
        MarkingTranslator marker;
        QVERIFY(QCoreApplication::installTranslator(&marker));
        QTRY_COMPARE(w.tabs->tabText(1), QStringLiteral("ZH:Attention heatmap"));  // LanguageChange is posted
        QCOMPARE(w.tabs->tabText(3), QStringLiteral("ZH:Positional encoding"));
        QCOMPARE(w.window.findChild<QAction*>("actionExport")->text(), QStringLiteral("ZH:&Export…"));
        QCOMPARE(w.window.findChild<QDockWidget*>("tensorInspectorDock")->windowTitle(), QStringLiteral("ZH:Tensor inspector"));
        auto* attention = w.view<AttentionView>("attentionView");
        QVERIFY(attention->findChild<QComboBox*>()->currentText().startsWith(QStringLiteral("ZH:")));
        QVERIFY(attention->plot()->heatmap().isAttention);
        QCoreApplication::removeTranslator(&marker);
        QTRY_COMPARE(w.tabs->tabText(1), QStringLiteral("Attention heatmap"));
    }

    void openModelShowsErrorsAndKeepsThePreviousModel() {
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "thinking-machines", QStringLiteral("Thinking Machines")), QString());
        const auto before = w.session->snapshot();
        const QString golden = QStringLiteral(ALAB_SOURCE_DIR "/tests/golden/");
        OpenModelDialog bad(w.session);
        bad.setFiles(golden + "prenorm_h4/weights.safetensors", golden + "postnorm_h2/config.json");
        bad.setInput(QStringLiteral("7,5,3"), QString(), true);
        bad.load();
        QVERIFY2(bad.errorText().contains(QStringLiteral("shape")), qPrintable(bad.errorText()));
        QVERIFY(bad.errorText().contains(QStringLiteral("stays loaded")));
        QCOMPARE(bad.result(), int(QDialog::Rejected));
        QCOMPARE(w.session->snapshot(), before);
        OpenModelDialog good(w.session);
        good.setFiles(golden + "prenorm_h4/weights.safetensors", golden + "prenorm_h4/config.json");
        good.setInput(QStringLiteral("7,5,3,14,12,4"), QStringLiteral("4,1,10"), true);
        good.load();
        QTRY_COMPARE(good.result(), int(QDialog::Accepted));
        QCOMPARE(int(w.session->snapshot()->src.size()), 6);
        QCOMPARE(w.view<AttentionView>("attentionView")->plot()->heatmap().values.rows(), 6);
        QCOMPARE(w.window.findChild<TensorInspector*>()->treeModel()->tensorCount(),
                 int(core::traceNames(*w.session->snapshot()->trace).size()));
    }

    void exportFromTheWindow_data() {
        QTest::addColumn<QString>("format");
        for (const char* f : {"png", "svg", "pdf", "csv", "npy"}) QTest::newRow(f) << QString::fromLatin1(f);
    }
    void exportFromTheWindow() {
        QFETCH(QString, format);
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "demo", QStringLiteral("the cat sat on the mat"), QStringLiteral("<bos> 猫 坐")), QString());
        w.tabs->setCurrentWidget(w.view<AttentionView>("attentionView"));
        QTemporaryDir dir;
        const QString path = dir.filePath("figure." + format);
        ExportFormat f;
        QVERIFY(formatFromKey(format, &f));
        bool answered = false;
        QTimer::singleShot(0, this, [&] {  // answer the modal dialog like a person would
            auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setFormat(f);
            dialog->setFigureSize({500, 400, 2});
            dialog->setPath(path);
            dialog->accept();
            answered = true;
        });
        w.window.findChild<QAction*>("actionExport")->trigger();
        QVERIFY(answered);
        QVERIFY(QFileInfo(path).size() > 0);
        if (format == "png") QCOMPARE(QImage(path).size(), QSize(1000, 800));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"figure." + format});
    }

    void gridClickOpensTheHead() {
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "demo", QStringLiteral("the cat sat on the mat"), QStringLiteral("<bos> 猫 坐 在")), QString());
        auto* all = w.view<AllHeadsView>("allHeadsView");
        auto* attention = w.view<AttentionView>("attentionView");
        all->setKind(AttentionKind::Cross);
        QCOMPARE(all->grid()->layers(), 2);
        QCOMPARE(all->grid()->heads(), 4);
        w.window.show();
        w.tabs->setCurrentWidget(all);
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QTest::mouseClick(all->grid(), Qt::LeftButton, {}, all->grid()->thumbnailRect(1, 2).center());
        QCOMPARE(w.tabs->currentWidget(), attention);
        QCOMPARE(attention->kind(), AttentionKind::Cross);
        QCOMPARE(attention->layer(), 1);
        QCOMPARE(attention->head(), 2);
        QCOMPARE(attention->plot()->heatmap().name, QStringLiteral("decoder.1.cross_attn.weights"));
        QCOMPARE(attention->plot()->heatmap().values, w.session->snapshot()->trace->decoder[1].cross_attn.weights[2]);
    }

    void inspectorFollowsTheSession() {
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "thinking-machines", QStringLiteral("Thinking Machines")), QString());
        auto* inspector = w.window.findChild<TensorInspector*>();
        QCOMPARE(inspector->currentTensor(), QStringLiteral("encoder.0.self_attn.weights"));
        QCOMPARE(inspector->treeModel()->tensorCount(), int(core::traceNames(*w.session->snapshot()->trace).size()));
        QVERIFY(inspector->selectTensor(QStringLiteral("encoder.0.self_attn.scores")));
        QCOMPARE(inspector->tableModel()->index(0, 0).data(Qt::UserRole).toDouble(), 112.0);
        QCOMPARE(inspector->tableModel()->index(0, 1).data(Qt::UserRole).toDouble(), 96.0);
        const double max = w.session->snapshot()->trace->encoder[0].self_attn.scores[0].maxCoeff();
        QVERIFY2(inspector->statsText().contains(QStringLiteral("max %1").arg(max, 0, 'g', 4)), qPrintable(inspector->statsText()));
        const std::vector<int64_t> shape = core::findTensor(*w.session->snapshot()->trace, "encoder.0.self_attn.scores")->shape;
        QVERIFY2(inspector->statsText().contains(QStringLiteral("shape ") + QString::fromStdString(core::shapeString(shape))),
                 qPrintable(inspector->statsText()));
        QVERIFY(!inspector->selectTensor(QStringLiteral("encoder.7.nothing")));
        inspector->tableView()->selectionModel()->select(inspector->tableModel()->index(0, 1), QItemSelectionModel::Select);
        inspector->copySelection();
        QCOMPARE(QApplication::clipboard()->text(), inspector->tableModel()->toTsv({inspector->tableModel()->index(0, 1)}));
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("Thinking\t96")));
        // A new trace keeps the selection.
        QCOMPARE(w.session->setText(QStringLiteral("Machines Thinking"), QString()), QString());
        QTRY_VERIFY(!w.session->isBusy());
        QTRY_COMPARE(inspector->tableModel()->index(0, 0).data(Qt::UserRole).toDouble(),
                     double(w.session->snapshot()->trace->encoder[0].self_attn.scores[0](0, 0)));
        QCOMPARE(inspector->currentTensor(), QStringLiteral("encoder.0.self_attn.scores"));
    }

    void positionalDotProductDependsOnOffset() {
        Window w;
        auto* pe = w.view<PositionalView>("positionalView");
        pe->setPositions(40);
        QCustomPlot* dots = pe->offsetPlot();
        QCOMPARE(dots->graphCount(), 3);
        for (int k = 0; k < 40; k += 7) {
            const double a = dots->graph(0)->data()->at(k)->value, b = dots->graph(2)->data()->at(k)->value;
            QVERIFY(std::abs(a - b) < 1e-4);
        }
        const core::Matrix expected = core::sinusoidalEncoding(40, pe->dModel());
        QCOMPARE(pe->heatmap()->heatmap().values, expected);
    }

    void longInputEndToEnd() {
        Window w;
        core::ModelSource source;
        source.preset = "demo";
        QSignalSpy busy(w.session, &TraceSession::busyChanged);
        QElapsedTimer gui;  // from the trace's arrival until every view has taken it (views connected first)
        qint64 reactMs = -1;
        connect(w.session, &TraceSession::busyChanged, this, [&](bool b) { if (!b) gui.start(); });
        connect(w.session, &TraceSession::snapshotChanged, this, [&] { reactMs = gui.elapsed(); });
        QSignalSpy changed(w.session, &TraceSession::snapshotChanged);
        QCOMPARE(w.session->load(source, sentence(8), QString()), QString());  // superseded by the next
        QCOMPARE(w.session->load(source, sentence(512), QStringLiteral("<bos> ") + sentence(100)), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!w.session->isBusy() && changed.size() >= 1, 60000);
        QCOMPARE(int(w.session->snapshot()->src.size()), 512);
        qInfo("the views took a 512-token trace in %lld ms on the GUI thread", reactMs);
        QVERIFY(busy.size() >= 2 && busy.first().first().toBool());
        auto* all = w.view<AllHeadsView>("allHeadsView");
        all->setKind(AttentionKind::EncoderSelf);
        QCOMPARE(all->grid()->layers(), 2);
        auto* attention = w.view<AttentionView>("attentionView");
        QCOMPARE(attention->plot()->heatmap().values.rows(), 512);
        auto* inspector = w.window.findChild<TensorInspector*>();
        QVERIFY(inspector->selectTensor(QStringLiteral("encoder.1.self_attn.weights")));
        QCOMPARE(inspector->tableModel()->rowCount(), 512);
        QTemporaryDir dir;
        AllHeadsRequest request;
        request.size = {400, 400, 1};
        int files = 0;
        QCOMPARE(exportAllHeads(*w.session->snapshot(), request, dir.filePath("heads"), &files), QString());
        QCOMPARE(files, 8);
    }

    // With ALAB_SCREENSHOTS=DIR set, saves the views as a person sees them (for docs and review).
    void screenshots() {
        const QString out = qEnvironmentVariable("ALAB_SCREENSHOTS");
        if (out.isEmpty()) QSKIP("set ALAB_SCREENSHOTS=DIR to save screenshots");
        QTranslator zh;  // ALAB_QM=file.qm: screenshots in that language
        if (!qEnvironmentVariable("ALAB_QM").isEmpty() && zh.load(qEnvironmentVariable("ALAB_QM")))
            QCoreApplication::installTranslator(&zh);
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "demo", QStringLiteral("the cat sat on the mat"), QStringLiteral("<bos> 猫 坐 在 垫 子 上")), QString());
        w.window.resize(1500, 950);
        w.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        auto* attention = w.view<AttentionView>("attentionView");
        w.tabs->setCurrentWidget(attention);
        attention->showHead(AttentionKind::Cross, 0, 1);
        QTest::mouseClick(attention->plot(), Qt::LeftButton, {}, attention->plot()->cellCenter(1, 3).toPoint());
        QVERIFY(w.window.grab().save(out + "/window-attention.png"));
        auto* all = w.view<AllHeadsView>("allHeadsView");
        w.tabs->setCurrentWidget(all);
        all->setKind(AttentionKind::EncoderSelf);
        QVERIFY(w.window.grab().save(out + "/window-all-heads.png"));
        QVERIFY(all->grab().save(out + "/all-heads.png"));
        auto* pe = w.view<PositionalView>("positionalView");
        w.tabs->setCurrentWidget(pe);
        QVERIFY(w.window.grab().save(out + "/window-positional.png"));
        for (const char* f : {"png", "svg", "pdf"}) {
            ExportFormat format;
            QVERIFY(formatFromKey(QString::fromLatin1(f), &format));
            QCOMPARE(exportPlot(pe->offsetPlot(), format, out + "/pe-offsets." + f, {1000, 600, 1}), QString());
            QCOMPARE(exportPlot(pe->dimensionPlot(), format, out + "/pe-dims." + f, {1000, 600, 1}), QString());
        }
        w.window.findChild<QDockWidget*>("tensorInspectorDock")->show();
        w.window.findChild<TensorInspector*>()->selectTensor(QStringLiteral("decoder.0.self_attn.scaled"));
        QVERIFY(w.window.grab().save(out + "/window-inspector.png"));
        auto* inspector = w.window.findChild<TensorInspector*>();
        inspector->findChild<QTabWidget*>()->setCurrentIndex(1);
        inspector->selectTensor(QStringLiteral("decoder.0.self_attn.weights"));
        QVERIFY(inspector->grab().save(out + "/inspector-table.png"));
    }

    // Opened on a 1280 × 720 window, a docked inspector would leave both heatmaps a few rows high: it
    // floats over the window instead, large; on a 1920 × 1080 window it docks below with 40 % of the height.
    void inspectorFitsTheWindow_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("floating");
        QTest::newRow("1280x720 floats") << QSize(1280, 720) << true;
        QTest::newRow("1920x1080 docks") << QSize(1920, 1080) << false;
    }
    void inspectorFitsTheWindow() {
        QFETCH(QSize, size);
        QFETCH(bool, floating);
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "demo", QStringLiteral("the cat sat"), QStringLiteral("<bos> 猫 坐")), QString());
        w.window.resize(size);
        w.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        const int centralBefore = w.window.centralWidget()->height();
        w.window.findChild<QAction*>("actionTensorInspector")->trigger();
        auto* dock = w.window.findChild<QDockWidget*>("tensorInspectorDock");
        QTRY_VERIFY(dock->isVisible());
        QCOMPARE(dock->isFloating(), floating);
        auto* inspector = w.window.findChild<TensorInspector*>();
        inspector->selectTensor(QStringLiteral("decoder.0.self_attn.scaled"));
        QCoreApplication::processEvents();
        const QString sizes = QStringLiteral("inspector map %1 px, central %2 of %3 px")
                                  .arg(inspector->plot()->height()).arg(w.window.centralWidget()->height()).arg(centralBefore);
        QVERIFY2(inspector->plot()->height() >= 250, qPrintable(sizes));
        QVERIFY2(w.window.centralWidget()->height() >= (floating ? centralBefore : centralBefore / 2), qPrintable(sizes));
    }
};

QTEST_MAIN(TestAnalysisViews)
#include "tst_analysis_views.moc"

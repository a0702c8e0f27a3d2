// Keyboard access to every number with hover details in the analysis views: the heatmap's cell
// cursor (arrows, Home/End, Enter = click, the details in the readout and as the accessible
// description), the all-heads grid (arrows, Enter opens the head) and the inspector (its stats line
// reachable with Tab, the table's current cell read out in full).
#include "ui/analysis/all_heads_view.h"
#include "ui/analysis/analysis_views.h"
#include "ui/analysis/attention_view.h"
#include "ui/analysis/head_grid_widget.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/analysis/tensor_inspector.h"
#include "ui/analysis/tensor_table_model.h"
#include "ui/analysis/weight_explainer.h"
#include "ui/common/trace_session.h"
#include "test_support.h"

#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
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
        for (const char* name : {"menuFile", "menuView"})
            window.menuBar()->addMenu(QString::fromLatin1(name))->setObjectName(QString::fromLatin1(name));
        installAnalysisViews(&window, tabs, session);
        window.resize(1280, 720);
    }
};

}  // namespace

class TestAnalysisKeyboard : public QObject {
    Q_OBJECT
private slots:
    void heatmapCellCursor() {
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "thinking-machines", QStringLiteral("Thinking Machines")), QString());
        auto* attention = w.window.findChild<AttentionView*>();
        w.tabs->setCurrentWidget(attention);
        w.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        HeatmapPlot* plot = attention->plot();
        QVERIFY(plot->focusPolicy() & Qt::TabFocus);
        plot->setFocus();
        QTRY_VERIFY(plot->hasFocus());
        QCOMPARE(plot->cursorRow(), 0);  // focus puts the cursor on the first cell
        QSignalSpy clicked(plot, &HeatmapPlot::cellClicked);
        QTest::keyClick(plot, Qt::Key_Right);
        QCOMPARE(plot->cursorCol(), 1);
        auto* readout = attention->findChild<QLabel*>(QStringLiteral("attentionReadout"));
        QCOMPARE(readout->text(), plot->describeCell(0, 1));
        QVERIFY(readout->text().startsWith(QStringLiteral("Thinking (1) → Machines (2): 0.1192")));
        QCOMPARE(plot->accessibleDescription(), readout->text());
        QTest::keyClick(plot, Qt::Key_Return);  // the same as a click: the weight explainer
        QCOMPARE(clicked.size(), 1);
        QVERIFY2(attention->explainer()->toPlainText().contains(QStringLiteral("q1·k2")), qPrintable(attention->explainer()->toPlainText()));
        QTest::keyClick(plot, Qt::Key_Down);
        QTest::keyClick(plot, Qt::Key_Home);
        QCOMPARE(plot->cursorRow(), 1);
        QCOMPARE(plot->cursorCol(), 0);
        QTest::keyClick(plot, Qt::Key_Right);
        QTest::keyClick(plot, Qt::Key_Right);  // stays on the last column
        QCOMPARE(plot->cursorCol(), 1);
        QTest::keyClick(plot, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(plot->cursorRow(), 0);
        QTest::keyClick(plot, Qt::Key_End);
        QCOMPARE(plot->cursorCol(), 1);
        QTest::keyClick(plot, Qt::Key_Space);
        QCOMPARE(clicked.size(), 2);
        QCOMPARE(clicked.last().at(0).toInt(), 0);
        QCOMPARE(clicked.last().at(1).toInt(), 1);
    }

    void gridArrowsAndEnterOpenAHead() {
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "demo", QStringLiteral("the cat sat"), QStringLiteral("<bos> 猫 坐")), QString());
        auto* all = w.window.findChild<AllHeadsView*>();
        auto* attention = w.window.findChild<AttentionView*>();
        all->setKind(AttentionKind::Cross);
        w.tabs->setCurrentWidget(all);
        w.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        HeadGridWidget* grid = all->grid();
        grid->setFocus();
        QTRY_VERIFY(grid->hasFocus());
        QTest::keyClick(grid, Qt::Key_Down);
        QTest::keyClick(grid, Qt::Key_Right);
        QTest::keyClick(grid, Qt::Key_Right);
        QCOMPARE(grid->currentLayer(), 1);
        QCOMPARE(grid->currentHead(), 2);
        auto* readout = all->findChild<QLabel*>(QStringLiteral("allHeadsReadout"));
        QCOMPARE(readout->text(), QStringLiteral("Layer 2, head 3: press Enter or click to open"));
        QCOMPARE(grid->accessibleDescription(), readout->text());
        QTest::keyClick(grid, Qt::Key_End);
        QCOMPARE(grid->currentHead(), 3);
        QTest::keyClick(grid, Qt::Key_Left);
        QTest::keyClick(grid, Qt::Key_Return);
        QCOMPARE(w.tabs->currentWidget(), attention);
        QCOMPARE(attention->kind(), AttentionKind::Cross);
        QCOMPARE(attention->layer(), 1);
        QCOMPARE(attention->head(), 2);
    }

    void inspectorStatsAndTableReadOut() {
        Window w;
        QCOMPARE(test::loadPreset(*w.session, "thinking-machines", QStringLiteral("Thinking Machines")), QString());
        auto* inspector = w.window.findChild<TensorInspector*>();
        QVERIFY(inspector->selectTensor(QStringLiteral("encoder.0.self_attn.weights")));
        auto* stats = inspector->findChild<QLabel*>(QStringLiteral("inspectorStats"));
        QVERIFY(stats->focusPolicy() & Qt::TabFocus);  // Tab reaches the stats line
        QVERIFY(stats->textInteractionFlags() & Qt::TextSelectableByKeyboard);
        QVERIFY2(stats->accessibleDescription().contains(QStringLiteral("min 0.1192")), qPrintable(stats->accessibleDescription()));
        w.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        inspector->findChild<QTabWidget*>()->setCurrentIndex(1);
        QTableView* table = inspector->tableView();
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Right);
        QCOMPARE(table->currentIndex().column(), 1);
        auto* readout = inspector->findChild<QLabel*>(QStringLiteral("inspectorReadout"));
        const double w01 = w.session->snapshot()->trace->encoder[0].self_attn.weights[0](0, 1);
        QCOMPARE(readout->text(), QStringLiteral("row 1 (Thinking) · Machines: %1").arg(w01, 0, 'g', 7));
        QCOMPARE(readout->text(), table->model()->index(0, 1).data(Qt::ToolTipRole).toString());  // the tooltip's content
        QCOMPARE(table->accessibleDescription(), readout->text());
        QTest::keyClick(table, Qt::Key_Right);  // the Σ column
        const double sum = table->model()->index(0, 2).data(Qt::UserRole).toDouble();
        QVERIFY(std::abs(sum - 1.0) < 1e-6);
        QCOMPARE(readout->text(), QStringLiteral("row 1 (Thinking) · Σ row: %1").arg(sum, 0, 'g', 7));
    }
};

QTEST_MAIN(TestAnalysisKeyboard)
#include "tst_analysis_keyboard.moc"

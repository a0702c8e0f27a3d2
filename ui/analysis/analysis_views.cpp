// installAnalysisViews: adds the heatmap, all-heads and positional-encoding tabs, the tensor
// inspector dock and the File / View actions to the main window, and keeps their titles in the
// current language. An AnalysisInstaller (child of the window) owns the wiring.
#include "ui/analysis/analysis_views.h"

#include "ui/analysis/all_heads_view.h"
#include "ui/analysis/attention_view.h"
#include "ui/analysis/open_model_dialog.h"
#include "ui/analysis/positional_view.h"
#include "ui/analysis/tensor_inspector.h"
#include "ui/common/trace_session.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>

namespace alab::ui {
namespace {

QMenu* findOrCreateMenu(QMainWindow* window, const char* objectName) {
    if (auto* menu = window->findChild<QMenu*>(QLatin1String(objectName))) return menu;
    auto* menu = window->menuBar()->addMenu(QString());
    menu->setObjectName(QLatin1String(objectName));
    return menu;
}

class AnalysisInstaller : public QObject {
    Q_DECLARE_TR_FUNCTIONS(alab::ui::AnalysisViews)
public:
    AnalysisInstaller(QMainWindow* window, QTabWidget* tabs, TraceSession* session)
        : QObject(window), m_window(window), m_tabs(tabs), m_session(session) {
        setObjectName(QStringLiteral("analysisInstaller"));
        m_attention = new AttentionView(session);
        m_attention->setObjectName(QStringLiteral("attentionView"));
        m_allHeads = new AllHeadsView(session);
        m_allHeads->setObjectName(QStringLiteral("allHeadsView"));
        m_positional = new PositionalView(session);
        m_positional->setObjectName(QStringLiteral("positionalView"));
        tabs->addTab(m_attention, QString());
        tabs->addTab(m_allHeads, QString());
        tabs->addTab(m_positional, QString());
        m_dock = new QDockWidget(window);
        m_dock->setObjectName(QStringLiteral("tensorInspectorDock"));
        m_inspector = new TensorInspector(session, m_dock);
        m_dock->setWidget(m_inspector);
        window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
        m_dock->hide();
        connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (!visible || m_dockSized) return;
            m_dockSized = true;
            placeInspector();
        });
        createActions();
        connect(m_allHeads, &AllHeadsView::headActivated, this, [this](AttentionKind k, int l, int h) {
            m_attention->showHead(k, l, h);
            m_tabs->setCurrentWidget(m_attention);
        });
        window->installEventFilter(this);
        retranslate();
    }

    // The first time the inspector opens: docked below, 40 % of a large window; over a small one (a
    // 1280 × 720 laptop or projector) a dock would squash both heatmaps, so it floats, large, above it.
    void placeInspector() {
        if (m_window->height() >= kDockedFromHeight) {
            m_window->resizeDocks({m_dock}, {m_window->height() * 2 / 5}, Qt::Vertical);
            return;
        }
        m_dock->setFloating(true);
        const QRect frame = m_window->geometry();
        const QSize size(std::min(frame.width() * 9 / 10, 1100), frame.height() * 4 / 5);
        m_dock->resize(size);
        m_dock->move(frame.center() - QPoint(size.width() / 2, size.height() / 2));
    }

    static constexpr int kDockedFromHeight = 900;

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_window && event->type() == QEvent::LanguageChange) retranslate();
        return QObject::eventFilter(watched, event);
    }

private:
    void createActions() {
        QMenu* file = findOrCreateMenu(m_window, "menuFile");
        QAction* first = file->actions().value(0);
        m_open = new QAction(m_window);
        m_open->setObjectName(QStringLiteral("actionOpenModel"));
        m_open->setShortcut(QKeySequence::Open);
        m_export = new QAction(m_window);
        m_export->setObjectName(QStringLiteral("actionExport"));
        m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        m_exportAll = new QAction(m_window);
        m_exportAll->setObjectName(QStringLiteral("actionExportAllHeads"));
        file->insertActions(first, {m_open, m_export, m_exportAll});
        if (first) file->insertSeparator(first);
        QAction* toggle = m_dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionTensorInspector"));
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
        findOrCreateMenu(m_window, "menuView")->addAction(toggle);
        connect(m_open, &QAction::triggered, this, [this] {
            OpenModelDialog dialog(m_session, m_window);
            dialog.exec();
        });
        connect(m_export, &QAction::triggered, this, &AnalysisInstaller::exportCurrent);
        connect(m_exportAll, &QAction::triggered, m_allHeads, &AllHeadsView::exportAllHeads);
    }

    void exportCurrent() {
        QWidget* current = m_tabs->currentWidget();
        if (m_dock->isVisible() && m_dock->isAncestorOf(QApplication::focusWidget())) m_inspector->exportCurrent();
        else if (current == m_positional) m_positional->exportFigure(0);
        else if (current == m_allHeads) m_allHeads->exportAllHeads();
        else m_attention->exportCurrent();
    }

    void retranslate() {
        m_tabs->setTabText(m_tabs->indexOf(m_attention), tr("Attention heatmap"));
        m_tabs->setTabText(m_tabs->indexOf(m_allHeads), tr("All heads"));
        m_tabs->setTabText(m_tabs->indexOf(m_positional), tr("Positional encoding"));
        m_dock->setWindowTitle(tr("Tensor inspector"));
        m_open->setText(tr("&Open model…"));
        m_open->setStatusTip(tr("Load a safetensors + config JSON pair and a sentence"));
        m_export->setText(tr("&Export…"));
        m_export->setStatusTip(tr("Export the figure shown as PNG, SVG or PDF, or its numbers as CSV or .npy"));
        m_exportAll->setText(tr("Export &all heads…"));
        for (const char* name : {"menuFile", "menuView"}) {
            QMenu* menu = m_window->findChild<QMenu*>(QLatin1String(name));
            if (menu && menu->title().isEmpty()) menu->setTitle(name == QLatin1String("menuFile") ? tr("&File") : tr("&View"));
        }
    }

    QMainWindow* m_window;
    QTabWidget* m_tabs;
    TraceSession* m_session;
    AttentionView* m_attention;
    AllHeadsView* m_allHeads;
    PositionalView* m_positional;
    TensorInspector* m_inspector;
    QDockWidget* m_dock;
    QAction* m_open = nullptr;
    QAction* m_export = nullptr;
    QAction* m_exportAll = nullptr;
    bool m_dockSized = false;
};

}  // namespace

void installAnalysisViews(QMainWindow* window, QTabWidget* tabs, TraceSession* session) {
    new AnalysisInstaller(window, tabs, session);
}

}  // namespace alab::ui

// DebuggerView (see debugger_view.h).
#include "ui/debugger/debugger_view.h"

#include "ui/analysis/heatmap_plot.h"
#include "ui/common/display_text.h"
#include "ui/debugger/break_reason.h"
#include "ui/debugger/breakpoints_panel.h"
#include "ui/debugger/compare_panel.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/execution_tree.h"
#include "ui/debugger/interventions_panel.h"
#include "ui/debugger/op_view.h"
#include "ui/debugger/tensor_panel.h"
#include "ui/debugger/watches_panel.h"
#include "ui/debugger/why_panel.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace alab::ui {

DebuggerView::DebuggerView(TraceSession* session, QWidget* parent)
    : QWidget(parent), m_state(new DebuggerState(session, this)), m_toolBar(new QToolBar(this)), m_notice(new QLabel(this)),
      m_stop(new QLabel(this)), m_split(new QSplitter(Qt::Horizontal, this)) {
    setObjectName(QStringLiteral("debuggerView"));
    m_tree = new ExecutionTree(m_state, m_split);
    m_op = new OpView(m_state, m_split);
    m_side = new QTabWidget(m_split);
    m_side->setObjectName(QStringLiteral("debuggerSidePanels"));
    m_breakpoints = new BreakpointsPanel(m_state, m_side);
    m_watches = new WatchesPanel(m_state, m_side);
    m_compare = new ComparePanel(m_state, m_side);
    m_interventions = new InterventionsPanel(m_state, m_side);
    m_side->addTab(m_breakpoints, QString());
    m_side->addTab(m_watches, QString());
    m_side->addTab(m_compare, QString());
    m_why = new WhyPanel(m_state, m_side);
    m_side->addTab(m_why, QString());
    connect(m_why, &WhyPanel::openTensor, this, &DebuggerView::openTensor);
    connect(m_side, &QTabWidget::currentChanged, this, &DebuggerView::widenSidePanels);
    m_side->addTab(m_interventions, QString());
    connect(m_op->outputPanel()->plot(), &HeatmapPlot::cellClicked, this,
            [this](int row, int col) { m_interventions->pickCell(m_op->head(), row, col); });
    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 5);
    m_split->setStretchFactor(2, 2);
    m_split->setSizes({260, 700, 360});
    m_notice->setObjectName(QStringLiteral("debuggerNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: #fff4c2; color: #3a2e00; padding: 4px; }"));
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    m_stop->setObjectName(QStringLiteral("debuggerStop"));
    m_stop->setWordWrap(true);
    m_stop->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_stop);
    layout->addWidget(m_split, 1);
    createActions();
    connect(m_state, &DebuggerState::stopped, this, &DebuggerView::showStop);
    connect(m_state, &DebuggerState::problem, this, &DebuggerView::showNotice);
    connect(m_compare, &ComparePanel::problem, this, &DebuggerView::showNotice);
    connect(m_state, &DebuggerState::runChanged, this, [this] { m_stop->clear(); });
    connect(m_state, &DebuggerState::currentChanged, this, [this] { m_stop->clear(); });  // a stop sets it again
    qApp->installEventFilter(this);
    m_state->setFollowing(false);  // until the tab is shown
    retranslate();
}

void DebuggerView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_state->setFollowing(true);
}

void DebuggerView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_state->setFollowing(false);
}

void DebuggerView::createActions() {
    auto add = [this](const char* name, QKeySequence key, void (DebuggerState::*slot)()) {
        auto* a = m_toolBar->addAction(QString());
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        if (slot) connect(a, &QAction::triggered, m_state, slot);
        return a;
    };
    m_restart = add("actionDebugRestart", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), nullptr);
    connect(m_restart, &QAction::triggered, this, [this] {
        m_stop->clear();
        m_state->setCurrent(0);
    });
    m_back = add("actionStepBack", QKeySequence(Qt::SHIFT | Qt::Key_F10), &DebuggerState::stepBack);
    m_over = add("actionStepOver", QKeySequence(Qt::Key_F10), &DebuggerState::stepOver);
    m_into = add("actionStepInto", QKeySequence(Qt::Key_F11), &DebuggerState::stepInto);
    m_out = add("actionStepOut", QKeySequence(Qt::SHIFT | Qt::Key_F11), &DebuggerState::stepOut);
    m_toCursor = add("actionRunToCursor", QKeySequence(Qt::CTRL | Qt::Key_F10), nullptr);
    connect(m_toCursor, &QAction::triggered, this, &DebuggerView::runToCursor);
    m_continue = add("actionContinue", QKeySequence(Qt::Key_F5), nullptr);
    connect(m_continue, &QAction::triggered, this, [this] { m_state->continueToBreakpoint(); });
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
}

void DebuggerView::runToCursor() {
    const int target = m_tree->cursorOp();
    if (target < 0) return;
    m_stop->clear();
    m_state->runTo(target);
}

QString DebuggerView::shortcutsHelp() const {
    QString rows;
    for (QAction* a : {m_into, m_over, m_out, m_back, m_toCursor, m_continue, m_restart})
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(), actionText(a).toHtmlEscaped());
    return tr("<p><b>In the Debugger tab</b> (there F5 and F11 step and run instead of presentation mode and full "
              "screen):</p>") + QStringLiteral("<table cellpadding=4>%1</table>").arg(rows);
}

QAction* DebuggerView::actionForKey(int key) const {
    for (QAction* a : {m_back, m_over, m_into, m_out, m_toCursor, m_continue, m_restart})
        if (a->shortcut() == QKeySequence(key)) return a;
    return nullptr;
}

// F5 and F11 are the window's presentation and full-screen keys; while this tab is shown, the
// debugger's meaning wins: the shortcut override is accepted and the key press triggers our action.
bool DebuggerView::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if ((type != QEvent::ShortcutOverride && type != QEvent::KeyPress) || !isVisible()) return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != window()) return false;
    auto* key = static_cast<QKeyEvent*>(event);
    QAction* action = actionForKey(key->keyCombination().toCombined());
    if (!action) return false;
    if (type == QEvent::ShortcutOverride) {
        event->accept();
        return true;
    }
    if (action->isEnabled()) action->trigger();
    return true;
}

void DebuggerView::showStop(const core::BreakHit& hit) {
    if (hit.op < 0) {
        m_stop->setText(tr("No breakpoint was hit; the run reached its last op."));
        return;
    }
    const QString tensor = QString::fromStdString(hit.tensor);
    QString reason = QString::fromStdString(hit.reason);
    if (reason.startsWith(tensor + QStringLiteral(": "))) reason = reason.mid(tensor.size() + 2);
    m_stop->setText(tr("<b>Stopped</b> at op %1 (%2) by breakpoint %3: %4")
                        .arg(displayIndex(hit.op))
                        .arg(tensor.toHtmlEscaped())
                        .arg(displayIndex(hit.breakpoint))
                        .arg(translatedBreakReason(reason).toHtmlEscaped()));
}

QString DebuggerView::stopText() const { return m_stop->text(); }
QString DebuggerView::noticeText() const { return m_notice->isHidden() ? QString() : m_notice->text(); }

void DebuggerView::showNotice(const QString& text) {
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString DebuggerView::sidePanel() const {
    if (m_side->currentWidget() == m_watches) return QStringLiteral("watches");
    if (m_side->currentWidget() == m_compare) return QStringLiteral("compare");
    if (m_side->currentWidget() == m_why) return QStringLiteral("why");
    if (m_side->currentWidget() == m_interventions) return QStringLiteral("interventions");
    return QStringLiteral("breakpoints");
}

void DebuggerView::setSidePanel(const QString& key) {
    if (key == QLatin1String("watches")) m_side->setCurrentWidget(m_watches);
    else if (key == QLatin1String("compare")) m_side->setCurrentWidget(m_compare);
    else if (key == QLatin1String("why")) m_side->setCurrentWidget(m_why);
    else if (key == QLatin1String("interventions")) m_side->setCurrentWidget(m_interventions);
    else m_side->setCurrentWidget(m_breakpoints);
}

// A cell of the why grid: its op, and for a head that head of the op's [h, T, T] maps.
void DebuggerView::openTensor(const QString& tensor, int head) {
    if (!m_state->setCurrentByName(tensor)) return;
    if (head >= 0) m_op->setHead(head);
}

// The why grid needs more width than the other side panels: take it from the op view (its output map, which
// a click on a head opens, stays readable), not from the tree, whose names would be cut.
void DebuggerView::widenSidePanels() {
    if (m_side->currentWidget() != m_why) return;
    QList<int> sizes = m_split->sizes();
    const int grow = std::min(m_why->sizeHint().width() - sizes[2], sizes[1] - 400);
    if (grow <= 0) return;
    sizes[1] -= grow, sizes[2] += grow;
    m_split->setSizes(sizes);
}

void DebuggerView::retranslate() {
    m_side->setTabText(m_side->indexOf(m_breakpoints), tr("Breakpoints"));
    m_side->setTabText(m_side->indexOf(m_watches), tr("Watches"));
    m_side->setTabText(m_side->indexOf(m_compare), tr("Compare"));
    m_side->setTabText(m_side->indexOf(m_why), tr("Why this token"));
    m_side->setTabText(m_side->indexOf(m_interventions), tr("Interventions"));
    const auto label = [](QAction* a, const QString& text) {
        a->setText(text);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, a->shortcut().toString(QKeySequence::NativeText)));
    };
    for (QAction* a : {m_restart, m_back, m_over, m_into, m_out, m_toCursor, m_continue}) label(a, actionText(a));
}

// The toolbar's texts, asked for directly (Help reads them before a language change reaches the actions).
QString DebuggerView::actionText(const QAction* a) const {
    if (a == m_restart) return tr("Restart");
    if (a == m_back) return tr("Step back");
    if (a == m_over) return tr("Step over");
    if (a == m_into) return tr("Step into");
    if (a == m_out) return tr("Step out");
    if (a == m_toCursor) return tr("Run to cursor");
    return tr("Continue");
}

void DebuggerView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui

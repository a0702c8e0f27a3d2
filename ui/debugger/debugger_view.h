// DebuggerView: the Debugger tab. A toolbar (step back, step over F10, step into F11, step out
// Shift+F11, run to cursor Ctrl+F10, continue F5, restart), the execution tree on the left, the
// current op in the middle, breakpoints / watches / compare / why this token / interventions on the
// right, and a line saying where and why the run stopped. While this tab is shown its keys win over the window's (F5 and F11 elsewhere
// mean presentation mode and full screen).
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class QToolBar;

namespace alab::core {
struct BreakHit;
}

namespace alab::ui {

class BreakpointsPanel;
class ComparePanel;
class DebuggerState;
class ExecutionTree;
class InterventionsPanel;
class OpView;
class TraceSession;
class WatchesPanel;
class WhyPanel;

class DebuggerView : public QWidget {
    Q_OBJECT
public:
    explicit DebuggerView(TraceSession* session, QWidget* parent = nullptr);

    DebuggerState* state() const { return m_state; }
    ExecutionTree* tree() const { return m_tree; }
    OpView* opView() const { return m_op; }
    BreakpointsPanel* breakpointsPanel() const { return m_breakpoints; }
    WatchesPanel* watchesPanel() const { return m_watches; }
    ComparePanel* comparePanel() const { return m_compare; }
    WhyPanel* whyPanel() const { return m_why; }
    QTabWidget* sidePanels() const { return m_side; }
    QString stopText() const;
    QString noticeText() const;
    InterventionsPanel* interventionsPanel() const { return m_interventions; }
    /// "breakpoints", "watches", "compare", "why" or "interventions": the side panel shown.
    QString sidePanel() const;
    void setSidePanel(const QString& key);

    /// A message that stays above the views until the next one (a session's moved model, a bad file).
    void showNotice(const QString& text);

    void runToCursor();
    /// The debugger's keys as rows of an HTML table (key, what it does), from the actions' own
    /// shortcuts, for Help → Keyboard shortcuts.
    QString shortcutsHelp() const;

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void createActions();
    void retranslate();
    void showStop(const core::BreakHit& hit);
    void openTensor(const QString& tensor, int head);
    void widenSidePanels();
    QAction* actionForKey(int keyWithModifiers) const;
    QString actionText(const QAction* action) const;

    DebuggerState* m_state;
    QToolBar* m_toolBar;
    QLabel* m_notice;
    QLabel* m_stop;
    QSplitter* m_split;
    ExecutionTree* m_tree;
    OpView* m_op;
    QTabWidget* m_side;
    BreakpointsPanel* m_breakpoints;
    WatchesPanel* m_watches;
    ComparePanel* m_compare;
    WhyPanel* m_why;
    InterventionsPanel* m_interventions;
    QAction* m_back = nullptr;
    QAction* m_over = nullptr;
    QAction* m_into = nullptr;
    QAction* m_out = nullptr;
    QAction* m_toCursor = nullptr;
    QAction* m_continue = nullptr;
    QAction* m_restart = nullptr;
};

}  // namespace alab::ui

// InterventionsPanel: change the forward pass without typing a spec. The target is the debugger's
// current op — the whole tensor, one head of its attention, or one cell (spin boxes, or a click on the
// op view's heatmap); the change is zero, scale by a factor, set a value, or patch from the second run's
// trace folder. The list can be edited; "Apply" reruns everything downstream (core/debug/intervention)
// and makes the intervened run the second run, so compare, watches and the "changed by an
// intervention" breakpoint show what changed. Below, the next-token probabilities at one target
// position before → after (core/debug/output_shift). Layers, heads, cells and positions count from 1.
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace alab::ui {

class DebuggerState;

class InterventionsPanel : public QWidget {
    Q_OBJECT
public:
    enum Scope { WholeTensor, OneHead, OneCell };
    enum Kind { Zero, Scale, Set, Patch };

    explicit InterventionsPanel(DebuggerState* state, QWidget* parent = nullptr);

    void setScope(Scope scope);
    /// The head, row and column to target (0-based), e.g. from a click on the op view's heatmap; the
    /// scope becomes one cell, and a row of a target-side tensor becomes the position shown below.
    void pickCell(int head, int row, int col);
    /// A head of the current op's attention (0-based).
    void setHead(int head);
    void setKind(Kind kind, double value = 0);
    /// Adds the intervention the controls describe; returns "" or the message the panel shows.
    QString addFromControls();
    /// Applies the list (DebuggerState::applyInterventions); returns "" or the message shown.
    QString apply();
    /// The target position whose probabilities are shown (0-based).
    void setPosition(int position);

    QListWidget* list() const { return m_list; }
    QTableWidget* probabilities() const { return m_table; }
    QString messageText() const;
    QString summaryText() const;
    QString targetText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    void connectSignals();
    void updateControls();
    void rebuildList();
    void refreshResults();
    void fillProbabilities();
    void retranslate();
    void showMessage(const QString& text, bool error);

    DebuggerState* m_state;
    QLabel* m_target;
    QComboBox* m_scope;
    QLabel* m_headLabel;
    QSpinBox* m_head;
    QLabel* m_rowLabel;
    QSpinBox* m_row;
    QLabel* m_colLabel;
    QSpinBox* m_col;
    QComboBox* m_kind;
    QDoubleSpinBox* m_value;
    QPushButton* m_add;
    QListWidget* m_list;
    QPushButton* m_remove;
    QPushButton* m_clear;
    QPushButton* m_apply;
    QLabel* m_message;
    QLabel* m_summary;
    QLabel* m_positionLabel;
    QSpinBox* m_position;
    QTableWidget* m_table;
};

}  // namespace alab::ui

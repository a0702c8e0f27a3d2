// BreakpointsPanel: the debugger's breakpoints as a table (on/off, tensor-name pattern, condition,
// threshold) with a row to add one: a glob such as decoder.*.cross_attn.weights and one of the
// conditions core/debug/breakpoints checks (always, NaN/∞, |x| above, softmax row sum off 1, a fully
// masked row, attention entropy below). Edits go straight to the DebuggerState.
#pragma once

#include "core/debug/breakpoints.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace alab::ui {

class DebuggerState;

class BreakpointsPanel : public QWidget {
    Q_OBJECT
public:
    explicit BreakpointsPanel(DebuggerState* state, QWidget* parent = nullptr);

    /// Adds a breakpoint as the form would (tests and the session use the state directly too).
    void addBreakpoint(const QString& pattern, core::BreakCondition condition, double threshold);
    QTableWidget* table() const { return m_table; }

    /// The condition's name for people ("NaN or ∞", "entropy below").
    static QString conditionLabel(core::BreakCondition c);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void retranslate();
    void conditionChosen();
    void tableEdited(int row, int column);

    DebuggerState* m_state;
    QTableWidget* m_table;
    QLineEdit* m_pattern;
    QComboBox* m_condition;
    QDoubleSpinBox* m_threshold;
    QPushButton* m_add;
    QPushButton* m_remove;
    QLabel* m_hint;
    bool m_rebuilding = false;
};

}  // namespace alab::ui

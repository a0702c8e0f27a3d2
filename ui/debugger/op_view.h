// OpView: the debugger's current op. Its formula (in the lessons' notation), then its inputs and its
// output side by side as heatmaps with statistics; a head selector for [h, rows, cols] tensors. The
// inputs are the recorded tensors core/debug/op_info names for this op.
#pragma once

#include <QWidget>

#include <vector>

class QGridLayout;
class QLabel;
class QSpinBox;

namespace alab::ui {

class DebuggerState;
class TensorPanel;

class OpView : public QWidget {
    Q_OBJECT
public:
    explicit OpView(DebuggerState* state, QWidget* parent = nullptr);

    QString formulaText() const;
    QString titleText() const;
    /// Names shown, inputs first, the output last.
    QStringList shownTensors() const;
    TensorPanel* outputPanel() const { return m_output; }
    /// The head shown of 3-D tensors (0-based).
    int head() const;
    void setHead(int head);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    DebuggerState* m_state;
    QLabel* m_title;
    QLabel* m_formula;
    QLabel* m_headLabel;
    QSpinBox* m_head;
    QLabel* m_arrow;
    std::vector<TensorPanel*> m_inputs;  // [3] at most; hidden when unused
    TensorPanel* m_output;
    QGridLayout* m_grid = nullptr;
};

/// An op formula of core/debug/op_info in the interface's language (symbols stay as they are).
QString translatedFormula(const std::string& formula);

}  // namespace alab::ui

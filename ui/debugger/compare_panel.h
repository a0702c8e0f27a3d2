// ComparePanel: the current run against a second one — a trace folder from disk (attention-lab trace,
// scripts/torch_trace.py) or the same model on a second sentence. A summary with the first divergence
// in execution order, the tensors both runs hold sorted by relative difference (core/debug/compare),
// and the difference a − b of the selected tensor as a heatmap. "Go to first divergence" moves the
// debugger there.
#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace alab::ui {

class DebuggerState;
class TensorPanel;

class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(DebuggerState* state, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QDoubleSpinBox* absoluteToleranceBox() const { return m_atol; }
    TensorPanel* differencePanel() const { return m_diff; }
    QString summaryText() const;
    /// Shows the difference of tensor `name` (selects its row).
    void showDifference(const QString& name);
    QPushButton* firstDivergenceButton() const { return m_goFirst; }

signals:
    /// A message for people (a folder that could not be read, a sentence the model does not know).
    void problem(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    void rebuild();
    void retranslate();
    void openFolder();
    void runSentence();
    void rowChosen();

    DebuggerState* m_state;
    QPushButton* m_openFolder;
    QLineEdit* m_src;
    QLineEdit* m_tgt;
    QPushButton* m_runSentence;
    QPushButton* m_close;
    QLabel* m_tolLabel;
    QDoubleSpinBox* m_tol;
    QLabel* m_atolLabel;
    QDoubleSpinBox* m_atol;  // the absolute floor (core/debug/compare.h)
    QLabel* m_summary;
    QPushButton* m_goFirst;
    QTableWidget* m_table;
    QLabel* m_headLabel;
    QSpinBox* m_head;
    TensorPanel* m_diff;
};

}  // namespace alab::ui

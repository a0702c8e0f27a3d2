// WhyPanel: "why this token" in the debugger. Pick a target position (from 1), token A (the model's
// top prediction there unless changed), optionally token B (the runner-up unless changed) and a method
// (direct attribution or ablation); the panel shows core/debug/attribution_table's grid of each head's
// and FFN's contribution to logit(A) − logit(B), with the sum of the cells beside the logit difference
// of the run. The attribution runs off the GUI thread; a click on a head opens its attention weights.
#pragma once

#include "core/debug/attribution_table.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QSpinBox;
class QTableView;

namespace alab::ui {

class DebuggerState;
class WhyGridModel;
struct Snapshot;

class WhyPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhyPanel(DebuggerState* state, QWidget* parent = nullptr);
    ~WhyPanel() override;

    QSpinBox* positionBox() const { return m_position; }
    QComboBox* tokenABox() const { return m_tokenA; }
    QComboBox* tokenBBox() const { return m_tokenB; }
    QComboBox* methodBox() const { return m_method; }
    QTableView* grid() const { return m_grid; }
    WhyGridModel* gridModel() const { return m_model; }
    QString questionText() const;
    QString totalsText() const;
    QString messageText() const;
    /// The question of the grid shown.
    const core::LogitQuestion& question() const { return m_shown; }
    bool isBusy() const { return m_running > 0; }

    /// Asks about 0-based `position`, token ids A and B (−1: logit(A) alone) with `method`, now.
    void ask(int position, int tokenA, int tokenB, core::AttributionMethod method);
    /// Wide enough for the grid without a scroll bar (the debugger widens the side panels to it).
    QSize sizeHint() const override;

signals:
    /// A head or FFN cell was clicked: open op `tensor` and show `head` (0-based, or −1).
    void openTensor(const QString& tensor, int head);
    /// A computation finished: the grid or a message is shown.
    void finished();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildLayout();
    void retranslate();
    void takeRun();
    void fillTokens();
    void questionChanged();
    void compute();
    void showTotals();
    void cellClicked(const QModelIndex& index);
    int tokenId(const QComboBox* box) const;
    QString tokenText(int id) const;

    DebuggerState* m_state;
    std::shared_ptr<const Snapshot> m_snapshot;  // the run the question is about
    QLabel* m_positionLabel;
    QSpinBox* m_position;
    QLabel* m_after;
    QLabel* m_tokenALabel;
    QComboBox* m_tokenA;
    QLabel* m_tokenBLabel;
    QComboBox* m_tokenB;
    QLabel* m_methodLabel;
    QComboBox* m_method;
    QLabel* m_question;
    QTableView* m_grid;
    WhyGridModel* m_model;
    QLabel* m_totals;
    QLabel* m_note;
    QLabel* m_message;
    core::LogitQuestion m_shown;                           // the question of the grid shown
    core::AttributionMethod m_shownMethod = core::AttributionMethod::Direct;
    std::shared_ptr<const Snapshot> m_shownRun;           // the run it was computed on
    core::LogitQuestion m_asked;                          // the latest question sent off (shown or on its way)
    core::AttributionMethod m_askedMethod = core::AttributionMethod::Direct;
    std::shared_ptr<const Snapshot> m_askedRun;           // null after a question that could not be asked
    int m_generation = 0;  // the latest computation; older results are dropped
    int m_running = 0;
    bool m_dirty = true;   // the question changed while the panel was hidden
    bool m_filling = false;  // the lists are being refilled: no question yet
    int m_chosenRow = -1;    // the position a person chose (0-based), kept across new runs while it fits
};

}  // namespace alab::ui

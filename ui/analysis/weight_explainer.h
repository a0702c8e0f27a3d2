// WeightExplainer: after a click on a cell of an attention map, shows how that weight was made from
// the trace's own numbers: the dot product q_i·k_j, the division by √d_k, and the softmax over row i
// (the largest entries of the row, the clicked one highlighted, and the row's sum).
#pragma once

#include "ui/analysis/heatmap_source.h"

#include <QTextBrowser>

namespace alab::ui {

class WeightExplainer : public QTextBrowser {
    Q_OBJECT
public:
    explicit WeightExplainer(QWidget* parent = nullptr);

    /// Explains weights[head](row, col) of one attention block; rowLabel / colLabel name the tokens.
    void explain(const core::AttentionTrace& attention, int head, int row, int col, const QString& rowLabel,
                 const QString& colLabel, const QStringList& keyLabels);
    void showHint();

protected:
    void changeEvent(QEvent* event) override;

private:
    QString dotProductHtml(const core::Matrix& q, const core::Matrix& k, int row, int col) const;
    QString softmaxHtml(const core::AttentionTrace& a, int head, int row, int col, const QStringList& keys) const;
    bool m_showingHint = true;
};

}  // namespace alab::ui

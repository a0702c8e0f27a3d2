// TensorPanel: one tensor of the debugger as a caption, the shared heatmap widget (one head of a 3-D
// tensor) and a line of statistics from core. Used for an op's inputs and output and for the
// difference of two runs.
#pragma once

#include "core/tensor.h"

#include <QWidget>

class QLabel;

namespace alab::ui {

class HeatmapPlot;
struct Snapshot;

class TensorPanel : public QWidget {
    Q_OBJECT
public:
    explicit TensorPanel(QWidget* parent = nullptr);

    /// Shows head `head` of tensor `t` (named `name`, labelled from `snapshot`) under `caption`.
    void showTensor(const Snapshot& snapshot, const QString& caption, const QString& name, const core::Tensor& t, int head);
    void clearTensor(const QString& message = {});

    QString name() const { return m_name; }
    QString statsText() const;
    HeatmapPlot* plot() const { return m_plot; }

private:
    QLabel* m_caption;
    HeatmapPlot* m_plot;
    QLabel* m_stats;
    QString m_name;
};

}  // namespace alab::ui

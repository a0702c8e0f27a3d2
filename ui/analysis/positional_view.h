// PositionalView: the "Positional encoding" tab. The sinusoidal encoding of the loaded model's
// d_model as a position x dimension heatmap, chosen dimensions plotted against position, and the
// dot product PE(p)·PE(p+k) against the offset k for several starting positions p — the curves
// coincide, showing that it depends on the offset only. Each figure exports like a heatmap.
#pragma once

#include "core/tensor.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace alab::ui {

class HeatmapPlot;
class TraceSession;

class PositionalView : public QWidget {
    Q_OBJECT
public:
    explicit PositionalView(TraceSession* session, QWidget* parent = nullptr);

    HeatmapPlot* heatmap() const { return m_heat; }
    QCustomPlot* dimensionPlot() const { return m_lines; }
    QCustomPlot* offsetPlot() const { return m_dots; }
    int dModel() const { return m_dModel; }
    void setPositions(int positions);
    /// Dimensions to plot, 0-based (the field shows them from 1).
    void setDimensions(const QList<int>& dims);
    /// The dimensions drawn now, 0-based.
    QList<int> dimensions() const;
    /// Four distinct dimensions that exist in a d_model-wide encoding (0-based).
    static QList<int> defaultDimensions(int d_model);

public slots:
    /// Exports the figure `which` (0 heatmap, 1 dimensions, 2 offsets); asks where and how.
    void exportFigure(int which = 0);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void plotDimensions(const core::Matrix& pe, const QList<int>& dims);
    void plotOffsets(int positions);
    void retranslate();

    TraceSession* m_session;
    HeatmapPlot* m_heat;
    QCustomPlot* m_lines;
    QCustomPlot* m_dots;
    QSpinBox* m_positions;
    QLineEdit* m_dims;
    QPushButton* m_export;
    QLabel* m_note;
    QLabel* m_positionsLabel;
    QLabel* m_dimsLabel;
    int m_dModel = 0;  // set by refresh()
    core::Matrix m_lineData, m_dotData;  // [positions, dims], [offsets, starts]: the numbers behind the plots
    QStringList m_lineLabels, m_dotLabels;
};

}  // namespace alab::ui

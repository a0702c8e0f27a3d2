// HeatmapPlot: one matrix drawn by QCustomPlot's QCPColorMap without interpolation. It is the only
// place that maps matrix (row, col) to QCustomPlot's (key = x = column, value = y = row) and it
// reverses the y axis so row 0 is at the top: row i / column j of the picture is query i / key j.
// Token labels on both axes, a colour scale, the value under the mouse, and clicks on cells.
// Keyboard: a cell cursor (arrows, Home/End, Ctrl+Home/End) reports the same details as hovering,
// also as the accessible description, and Enter / Space act as a click. A map larger than the plot's
// pixels is drawn from a display grid (core/tensor/block_pool.h: no more blocks than pixels, each the
// block's peak), recomputed for the visible cells as the view zooms; hover, keys and clicks read the
// exact values.
#pragma once

#include "core/tensor/block_pool.h"
#include "ui/analysis/heatmap_source.h"

#include <qcustomplot.h>

namespace alab::ui {

class TokenTicker;
class CellTextLayer;

class HeatmapPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit HeatmapPlot(QWidget* parent = nullptr);

    void setHeatmap(const HeatmapData& data, ColorMapKind kind);
    void setHeatmap(HeatmapData&& data, ColorMapKind kind);  // takes the values without a copy
    void setColorMapKind(ColorMapKind kind);
    void clearHeatmap(const QString& message = {});
    const HeatmapData& heatmap() const { return m_data; }
    ColorMapKind colorMapKind() const { return m_kind; }

    /// "Thinking (1) → Machines (2): 0.1192" for attention, "the (position 1) · dimension 3: −0.41" otherwise.
    QString describeCell(int row, int col) const;
    /// The cell under a widget pixel; false outside the map.
    bool cellAt(const QPointF& pixel, int* row, int* col) const;
    /// Widget pixel at the centre of a cell (for tests and hit-testing).
    QPointF cellCenter(int row, int col) const;
    /// Show every cell again after zooming or dragging.
    void resetView();
    /// Outlines one cell (the one being explained); -1 removes the outline.
    void markCell(int row, int col);
    /// The cells drawn: the window of the map and how many cells each drawn block holds.
    const core::BlockWindow& displayGrid() const { return m_grid; }
    const QCPColorMap* colorMap() const { return m_map; }
    /// Device pixels per layout pixel the display grid is made for (an export at scale 2 sets 2).
    void setGridScale(double scale) { m_gridScale = scale; }
    /// The keyboard cell cursor (-1, -1 before the map had focus); moving it reports the cell.
    void setCursorCell(int row, int col);
    int cursorRow() const { return m_cursorRow; }
    int cursorCol() const { return m_cursorCol; }

signals:
    void cellHovered(int row, int col, const QString& text);  // row = col = -1 when outside the map
    void cellClicked(int row, int col);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void updateGrid(bool force = false);
    void applyGradient();
    void clampRange(QCPAxis* axis, int count);
    void retranslate();
    void updateMaskLegend();
    void scrollToCell(int row, int col);

    HeatmapData m_data;
    ColorMapKind m_kind = ColorMapKind::Viridis;
    double m_lo = 0, m_hi = 1;
    core::BlockWindow m_grid{0, 0, 0, 0, 0, 0};  // what m_map holds; br = 0 before the first fill
    double m_gridScale = 1.0;
    QCPColorMap* m_map;
    QCPColorScale* m_scale;
    QCPTextElement* m_title;
    CellTextLayer* m_cellText;
    QCPItemRect* m_marker;
    QCPItemRect* m_cursor;
    QCPTextElement* m_maskLegend = nullptr;  // under the map while it has masked (−∞) cells
    int m_cursorRow = -1, m_cursorCol = -1;
    QSharedPointer<TokenTicker> m_rowTicker, m_colTicker;
    QPoint m_pressPos;
};

}  // namespace alab::ui

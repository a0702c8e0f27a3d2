// HeatmapPlot (see heatmap_plot.h).
#include "ui/analysis/heatmap_plot.h"

#include "ui/analysis/heatmap_image.h"
#include "ui/analysis/heatmap_layers.h"
#include "ui/common/display_text.h"

#include <QAccessible>

#include <algorithm>
#include <cmath>

namespace alab::ui {

HeatmapPlot::HeatmapPlot(QWidget* parent) : QCustomPlot(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    setMinimumSize(240, 120);  // small enough for a 1280×720 window with the inspector open
    plotLayout()->insertRow(0);
    QFont titleFont(font().family());
    titleFont.setPixelSize(20);
    titleFont.setBold(true);
    m_title = new QCPTextElement(this, QString(), titleFont);
    plotLayout()->addElement(0, 0, m_title);
    m_map = new QCPColorMap(xAxis, yAxis);
    m_map->setInterpolate(false);
    m_scale = new QCPColorScale(this);
    plotLayout()->addElement(1, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_rowTicker.reset(new TokenTicker(yAxis));
    m_colTicker.reset(new TokenTicker(xAxis));
    yAxis->setTicker(m_rowTicker);
    m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new MinusSignTicker));
    xAxis->setTicker(m_colTicker);
    yAxis->setRangeReversed(true);
    xAxis->setTickLabelRotation(-60);
    // Pixel sizes: figures read the same on screen, offscreen (72 dpi) and in exports for slides.
    QFont ticks = font();
    ticks.setPixelSize(16);
    QFont labels = font();
    labels.setPixelSize(17);
    for (QCPAxis* a : {xAxis, yAxis, m_scale->axis()}) {
        a->setTickLabelFont(ticks);
        a->setLabelFont(labels);
    }
    for (QCPAxis* a : {xAxis, yAxis}) {
        a->grid()->setVisible(false);
        a->setSubTicks(false);
    }
    addLayer(QStringLiteral("celltext"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_cellText = new CellTextLayer(this, xAxis, yAxis);
    m_cellText->setLayer(QStringLiteral("celltext"));
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this] { clampRange(xAxis, int(m_data.values.cols())); });
    connect(yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this] { clampRange(yAxis, int(m_data.values.rows())); });
    m_marker = new QCPItemRect(this);
    m_marker->setLayer(QStringLiteral("celltext"));
    m_marker->setPen(QPen(QColor(213, 94, 0), 3));
    m_marker->setVisible(false);
    m_cursor = new QCPItemRect(this);
    m_cursor->setLayer(QStringLiteral("celltext"));
    m_cursor->setPen(QPen(QColor(0, 0, 0), 2, Qt::DashLine));
    m_cursor->setVisible(false);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    connect(this, &QCustomPlot::afterLayout, this, [this] { updateGrid(); });
    clearHeatmap();
}

void HeatmapPlot::setHeatmap(const HeatmapData& data, ColorMapKind kind) { setHeatmap(HeatmapData(data), kind); }

void HeatmapPlot::setHeatmap(HeatmapData&& data, ColorMapKind kind) {
    m_data = std::move(data);
    m_kind = kind;
    m_rowTicker->setLabels(m_data.rowDisplayLabels());
    m_colTicker->setLabels(m_data.colLabels);
    m_title->setText(m_data.title());
    yAxis->setLabel(m_data.rowTitle);
    xAxis->setLabel(m_data.colTitle);
    m_grid = core::BlockWindow{0, 0, 0, 0, 0, 0};  // filled by the next layout (updateGrid)
    applyGradient();
    updateMaskLegend();
    m_marker->setVisible(false);
    const bool keep = m_cursorRow >= 0 && m_cursorRow < m_data.values.rows() && m_cursorCol < m_data.values.cols();
    if (!keep) m_cursorRow = m_cursorCol = -1;
    m_cursor->setVisible(false);
    if (keep && hasFocus()) setCursorCell(m_cursorRow, m_cursorCol);
    resetView();
}

void HeatmapPlot::markCell(int row, int col) {
    const bool inside = row >= 0 && col >= 0 && row < m_data.values.rows() && col < m_data.values.cols();
    m_marker->setVisible(inside);
    if (inside) {
        m_marker->topLeft->setCoords(col - 0.5, row - 0.5);
        m_marker->bottomRight->setCoords(col + 0.5, row + 0.5);
    }
    replot();
}

void HeatmapPlot::setColorMapKind(ColorMapKind kind) {
    m_kind = kind;
    applyGradient();
    replot();
}

void HeatmapPlot::clearHeatmap(const QString& message) {
    m_data = HeatmapData();
    m_rowTicker->setLabels({});
    m_colTicker->setLabels({});
    m_title->setText(message);
    m_map->data()->clear();
    m_grid = core::BlockWindow{0, 0, 0, 0, 0, 0};
    m_cellText->setValues(nullptr, m_kind, 0, 1);
    m_cursorRow = m_cursorCol = -1;
    m_cursor->setVisible(false);
    m_marker->setVisible(false);
    setAccessibleDescription(message);
    updateMaskLegend();
    replot();
}

namespace {

// QCPColorMapData with its cell array open for one pass of writes (setCell checks every index).
class GridData : public QCPColorMapData {
public:
    using QCPColorMapData::QCPColorMapData;
    double* cells() {
        mDataModified = true;
        return mData;
    }
};

// Cell centres of n blocks of `block` cells from cell `first`; one block is stored twice (QCPColorMap
// needs two cells to size one), each half as wide.
QCPRange blockCentres(Eigen::Index first, Eigen::Index n, Eigen::Index block) {
    const double centre = double(first) + double(block - 1) / 2.0;
    if (n == 1) return QCPRange(centre - double(block) / 4.0, centre + double(block) / 4.0);
    return QCPRange(centre, centre + double((n - 1) * block));
}

void visibleCells(const QCPRange& r, Eigen::Index n, Eigen::Index* first, Eigen::Index* last) {
    *first = std::clamp<Eigen::Index>(Eigen::Index(std::floor(r.lower + 0.5)), 0, n - 1);
    *last = std::clamp<Eigen::Index>(Eigen::Index(std::ceil(r.upper - 0.5)), *first, n - 1);
}

}  // namespace

// The one orientation adapter: key = x = column, value = y = row. Runs after every layout (the
// afterLayout signal), so a resize, a zoom or an export size gets a grid for its own pixels.
void HeatmapPlot::updateGrid(bool force) {
    const Eigen::Index rows = m_data.values.rows(), cols = m_data.values.cols();
    if (rows == 0 || cols == 0) return;
    core::VisibleCells v;
    visibleCells(yAxis->range(), rows, &v.firstRow, &v.lastRow);
    visibleCells(xAxis->range(), cols, &v.firstCol, &v.lastCol);
    const QRect area = axisRect()->rect().width() > 1 ? axisRect()->rect() : rect();
    const int high = std::max(1, int(area.height() * m_gridScale)), wide = std::max(1, int(area.width() * m_gridScale));
    const core::BlockWindow w = core::displayWindow(rows, cols, v, high, wide, force || m_grid.br == 0 ? nullptr : &m_grid);
    if (!force && w == m_grid) return;
    m_grid = w;
    const core::Matrix pooled = core::poolBlocks(m_data.values, w, m_data.hasNegative ? core::PoolRule::LargestMagnitude
                                                                                       : core::PoolRule::Largest,
                                                 &m_data.masked);
    const int keys = int(std::max<Eigen::Index>(pooled.cols(), 2)), values = int(std::max<Eigen::Index>(pooled.rows(), 2));
    auto* d = new GridData(keys, values, blockCentres(w.c0, pooled.cols(), w.bc), blockCentres(w.r0, pooled.rows(), w.br));
    double* out = d->cells();
    for (int y = 0; y < values; ++y) {
        const float* in = pooled.data() + std::min<Eigen::Index>(y, pooled.rows() - 1) * pooled.cols();
        for (int x = 0; x < keys; ++x) out[size_t(y) * size_t(keys) + size_t(x)] = double(in[std::min<Eigen::Index>(x, pooled.cols() - 1)]);
    }
    m_map->setData(d);  // NaN (masked): grey, off the scale
}

void HeatmapPlot::applyGradient() {
    heatmapColorRange(m_data, m_kind, &m_lo, &m_hi);
    QCPColorGradient g;
    g.clearColorStops();
    for (const auto& [pos, color] : colorStops(m_kind)) g.setColorStopAt(pos, color);
    g.setLevelCount(256);
    g.setNanHandling(QCPColorGradient::nhNanColor);
    g.setNanColor(maskedColor());
    m_map->setGradient(g);
    m_map->setDataRange(QCPRange(m_lo, m_hi));
    m_cellText->setValues(&m_data.values, m_kind, m_lo, m_hi, &m_data.masked);
    m_cellText->setAnyMasked(m_data.hasMasked || m_data.masked.size() > 0);  // hasMasked: describe() saw −∞
    retranslate();
}

void HeatmapPlot::retranslate() {
    const bool weights = m_data.name.endsWith(QLatin1String(".weights"));
    m_scale->axis()->setLabel(weights ? tr("weight (fixed 0–1)") : tr("value"));
    if (m_maskLegend)
        m_maskLegend->setText(m_data.isWeights ? tr("▨ grey, hatched: masked — this key is hidden from this query, "
                                                    "so its weight is exactly 0")
                                               : tr("▨ grey, hatched: masked (−∞) — this key is hidden from this query; "
                                                    "not part of the colour scale"));
}

void HeatmapPlot::updateMaskLegend() {
    if (m_data.hasMasked && !m_maskLegend) {
        QFont f = font();
        f.setPixelSize(15);
        m_maskLegend = new QCPTextElement(this, QString(), f);
        m_maskLegend->setTextColor(QColor(70, 70, 70));
        plotLayout()->addElement(2, 0, m_maskLegend);
        plotLayout()->setRowStretchFactor(2, 0.001);  // one line of text, the map keeps the room
    } else if (!m_data.hasMasked && m_maskLegend) {
        plotLayout()->remove(m_maskLegend);  // deletes it
        m_maskLegend = nullptr;
        plotLayout()->simplify();
    }
    retranslate();
}

void HeatmapPlot::resetView() {
    xAxis->setRange(-0.5, std::max<Eigen::Index>(1, m_data.values.cols()) - 0.5);
    yAxis->setRange(-0.5, std::max<Eigen::Index>(1, m_data.values.rows()) - 0.5);
    replot();
}

void HeatmapPlot::clampRange(QCPAxis* axis, int count) {
    const double lo = -0.5, hi = std::max(1, count) - 0.5;
    QCPRange r = axis->range();
    if (r.size() > hi - lo) r = QCPRange(lo, hi);
    if (r.lower < lo) r = QCPRange(lo, lo + r.size());
    if (r.upper > hi) r = QCPRange(hi - r.size(), hi);
    if (!qFuzzyCompare(r.lower, axis->range().lower) || !qFuzzyCompare(r.upper, axis->range().upper))
        axis->setRange(r);
}

QString HeatmapPlot::describeCell(int row, int col) const {
    if (row < 0 || col < 0 || row >= m_data.values.rows() || col >= m_data.values.cols()) return {};
    const float v = m_data.values(row, col);
    const QString value = std::isinf(v) && v < 0 ? tr("−∞ (masked)")
                          : m_data.isMasked(row, col) ? tr("0 (masked)")
                                                      : displayNumber(double(v), 'g', 4);
    if (m_data.isAttention && row < m_data.rowPredictions.size())  // a decoder row: what it reads and writes
        return tr("%1 (%2, writes %3) → %4 (%5): %6")
            .arg(m_data.rowLabels.value(row))
            .arg(displayIndex(row))
            .arg(m_data.rowPredictions[row])
            .arg(m_data.colLabels.value(col))
            .arg(displayIndex(col))
            .arg(value);
    if (m_data.isAttention)
        return tr("%1 (%2) → %3 (%4): %5")
            .arg(m_data.rowLabels.value(row))
            .arg(displayIndex(row))
            .arg(m_data.colLabels.value(col))
            .arg(displayIndex(col))
            .arg(value);
    return tr("%1 (%2 %3) · %4 %5: %6")
        .arg(m_data.rowLabels.value(row), m_data.rowTitle)
        .arg(displayIndex(row))
        .arg(m_data.colTitle, m_data.colLabels.value(col), value);
}

bool HeatmapPlot::cellAt(const QPointF& pixel, int* row, int* col) const {
    if (m_data.isEmpty() || !axisRect()->rect().contains(pixel.toPoint())) return false;
    const int c = int(std::lround(xAxis->pixelToCoord(pixel.x())));
    const int r = int(std::lround(yAxis->pixelToCoord(pixel.y())));
    if (r < 0 || c < 0 || r >= m_data.values.rows() || c >= m_data.values.cols()) return false;
    *row = r;
    *col = c;
    return true;
}

QPointF HeatmapPlot::cellCenter(int row, int col) const {
    return {xAxis->coordToPixel(col), yAxis->coordToPixel(row)};
}

void HeatmapPlot::mousePressEvent(QMouseEvent* event) {
    m_pressPos = event->pos();
    QCustomPlot::mousePressEvent(event);
}

void HeatmapPlot::mouseMoveEvent(QMouseEvent* event) {
    int r = -1, c = -1;
    if (cellAt(event->position(), &r, &c)) emit cellHovered(r, c, describeCell(r, c));
    else emit cellHovered(-1, -1, QString());
    QCustomPlot::mouseMoveEvent(event);
}

void HeatmapPlot::mouseReleaseEvent(QMouseEvent* event) {
    int r = -1, c = -1;
    const bool click = (event->pos() - m_pressPos).manhattanLength() < 4 && event->button() == Qt::LeftButton;
    QCustomPlot::mouseReleaseEvent(event);
    if (click && cellAt(event->position(), &r, &c)) emit cellClicked(r, c);
}

void HeatmapPlot::mouseDoubleClickEvent(QMouseEvent* event) {
    resetView();
    QCustomPlot::mouseDoubleClickEvent(event);
}

void HeatmapPlot::leaveEvent(QEvent* event) {
    emit cellHovered(-1, -1, QString());
    QCustomPlot::leaveEvent(event);
}

void HeatmapPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        replot();
    }
    QCustomPlot::changeEvent(event);
}

void HeatmapPlot::setCursorCell(int row, int col) {
    if (m_data.isEmpty()) return;
    m_cursorRow = std::clamp(row, 0, int(m_data.values.rows()) - 1);
    m_cursorCol = std::clamp(col, 0, int(m_data.values.cols()) - 1);
    m_cursor->topLeft->setCoords(m_cursorCol - 0.5, m_cursorRow - 0.5);
    m_cursor->bottomRight->setCoords(m_cursorCol + 0.5, m_cursorRow + 0.5);
    m_cursor->setVisible(true);
    scrollToCell(m_cursorRow, m_cursorCol);
    const QString text = describeCell(m_cursorRow, m_cursorCol);
    setAccessibleDescription(text);
    QAccessibleEvent event(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
    replot();
    emit cellHovered(m_cursorRow, m_cursorCol, text);
}

void HeatmapPlot::scrollToCell(int row, int col) {  // keeps a zoomed view around the cursor
    const auto follow = [](QCPAxis* axis, int i) {
        const QCPRange r = axis->range();
        if (i - 0.5 < r.lower) axis->setRange(i - 0.5, i - 0.5 + r.size());
        else if (i + 0.5 > r.upper) axis->setRange(i + 0.5 - r.size(), i + 0.5);
    };
    follow(xAxis, col);
    follow(yAxis, row);
}

void HeatmapPlot::keyPressEvent(QKeyEvent* event) {
    if (m_data.isEmpty()) return QCustomPlot::keyPressEvent(event);
    const int rows = int(m_data.values.rows()), cols = int(m_data.values.cols());
    int r = std::max(0, m_cursorRow), c = std::max(0, m_cursorCol);
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Left: --c; break;
    case Qt::Key_Right: ++c; break;
    case Qt::Key_Up: --r; break;
    case Qt::Key_Down: ++r; break;
    case Qt::Key_PageUp: r -= 10; break;
    case Qt::Key_PageDown: r += 10; break;
    case Qt::Key_Home: c = 0; r = ctrl ? 0 : r; break;
    case Qt::Key_End: c = cols - 1; r = ctrl ? rows - 1 : r; break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_cursorRow >= 0) emit cellClicked(m_cursorRow, m_cursorCol);
        return;
    default: return QCustomPlot::keyPressEvent(event);
    }
    setCursorCell(r, c);
}

void HeatmapPlot::focusInEvent(QFocusEvent* event) {
    QCustomPlot::focusInEvent(event);
    if (!m_data.isEmpty()) setCursorCell(std::max(0, m_cursorRow), std::max(0, m_cursorCol));
}

void HeatmapPlot::focusOutEvent(QFocusEvent* event) {
    QCustomPlot::focusOutEvent(event);
    m_cursor->setVisible(false);
    replot();
}

}  // namespace alab::ui

// Two QCustomPlot helpers for token heatmaps: an axis ticker that puts token labels on integer
// positions and thins them to what fits (a 1024-token axis would otherwise draw 1024 labels), and a
// layer that prints each cell's value when cells are large enough to read.
#pragma once

#include "core/tensor.h"
#include "ui/common/color_maps.h"

#include <qcustomplot.h>

namespace alab::ui {

/// QCustomPlot's ordinary numeric ticks, written with a real minus sign (−0.5, not -0.5).
class MinusSignTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
};

class TokenTicker : public QCPAxisTicker {
public:
    explicit TokenTicker(QCPAxis* axis) : m_axis(axis) {}
    void setLabels(const QStringList& labels) { m_labels = labels; }

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double) override { return 0; }
    QString getTickLabel(double tick, const QLocale&, QChar, int) override;
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;

private:
    QCPAxis* m_axis;
    QStringList m_labels;
    int m_step = 1;  // labels shown every m_step positions; > 1 adds the position to each label
};

class CellTextLayer : public QCPLayerable {
public:
    CellTextLayer(QCustomPlot* plot, QCPAxis* keyAxis, QCPAxis* valueAxis);
    /// `values` must outlive the layer's next draws (the plot owns it).
    void setValues(const core::Matrix* values, ColorMapKind kind, double lo, double hi,
                   const core::Matrix* masked = nullptr);
    /// False when no cell is masked: draws then skip the scan for hatched cells (16 M cells at 4 096 tokens).
    void setAnyMasked(bool any) { m_anyMasked = any; }
    /// True when cells are at least this large on screen, so numbers are printed.
    static bool readable(double cellWidth, double cellHeight);

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;
    QRect clipRect() const override;

private:
    QCPAxis* m_key;
    QCPAxis* m_value;
    const core::Matrix* m_values = nullptr;
    const core::Matrix* m_masked = nullptr;  // [rows, cols] 1 = masked weight, or empty / null
    ColorMapKind m_kind = ColorMapKind::Viridis;
    double m_lo = 0, m_hi = 1;
    bool m_anyMasked = true;
};

/// "0.12", "-3.4", "112", "−∞": short enough for a cell.
QString cellText(float value);

}  // namespace alab::ui

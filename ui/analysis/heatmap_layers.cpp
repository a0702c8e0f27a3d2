// Token ticker and cell-value layer (see heatmap_layers.h).
#include "ui/analysis/heatmap_layers.h"

#include "ui/common/display_text.h"

#include <cmath>

namespace alab::ui {

QString MinusSignTicker::getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) {
    return withMinusSign(QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision));
}

double TokenTicker::getTickStep(const QCPRange& range) {
    const QFontMetrics fm(m_axis->tickLabelFont());
    const bool vertical = m_axis->orientation() == Qt::Vertical;
    const bool rotated = std::abs(m_axis->tickLabelRotation()) > 45;
    const double spacing = (vertical || rotated) ? fm.height() * 1.15 : fm.horizontalAdvance(QStringLiteral("MMMMM"));
    const int rect = vertical ? m_axis->axisRect()->height() : m_axis->axisRect()->width();
    const int pixels = rect > 40 ? rect : (vertical ? m_axis->parentPlot()->height() : m_axis->parentPlot()->width());
    const double fits = std::max(1.0, pixels / spacing);
    const double raw = std::max(1.0, std::ceil(range.size() / fits));
    double step = 1;  // the smallest of 1, 2, 5, 10, 20, 50, ... that fits: positions 0, 50, 100 read easily
    for (double decade = 1; step < raw; decade *= 10)
        for (double m : {1.0, 2.0, 5.0})
            if (step < raw) step = m * decade;
    m_step = int(step);
    return step;
}

QString TokenTicker::getTickLabel(double tick, const QLocale&, QChar, int) {
    const int i = int(std::lround(tick));
    if (i < 0 || i >= m_labels.size()) return {};
    const QFontMetrics fm(m_axis->tickLabelFont());
    const QString label = fm.elidedText(m_labels[i], Qt::ElideRight, fm.horizontalAdvance(QLatin1Char('M')) * 9);
    const int shown = displayIndex(i);  // people count from 1
    if (m_step == 1 || label == QString::number(shown)) return label;
    return m_axis->orientation() == Qt::Vertical ? QStringLiteral("%1 · %2").arg(label).arg(shown)
                                                 : QStringLiteral("%1 · %2").arg(shown).arg(label);
}

QVector<double> TokenTicker::createTickVector(double tickStep, const QCPRange& range) {
    QVector<double> ticks;
    const int step = std::max(1, int(tickStep));
    const int first = std::max(0, int(std::ceil(range.lower)));
    const int last = std::min(int(m_labels.size()) - 1, int(std::floor(range.upper)));
    // Thinned labels fall on 1, 10, 20, ... as people count (indices 0, 9, 19, ...).
    for (int i = first; i <= last; ++i)
        if (step == 1 || (i == 0 && step >= 5) || (i + 1) % step == 0) ticks << i;
    return ticks;
}

CellTextLayer::CellTextLayer(QCustomPlot* plot, QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPLayerable(plot), m_key(keyAxis), m_value(valueAxis) {}

void CellTextLayer::setValues(const core::Matrix* values, ColorMapKind kind, double lo, double hi,
                              const core::Matrix* masked) {
    m_values = values;
    m_masked = masked && masked->size() == (values ? values->size() : 0) ? masked : nullptr;
    m_kind = kind;
    m_lo = lo;
    m_hi = hi;
}

bool CellTextLayer::readable(double cellWidth, double cellHeight) { return cellWidth >= 30 && cellHeight >= 15; }

void CellTextLayer::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    applyAntialiasingHint(painter, true, QCP::aeOther);
}

QRect CellTextLayer::clipRect() const { return m_key->axisRect()->rect(); }

void CellTextLayer::draw(QCPPainter* painter) {
    if (!m_values || m_values->size() == 0) return;
    const double w = std::abs(m_key->coordToPixel(1) - m_key->coordToPixel(0));
    const double h = std::abs(m_value->coordToPixel(1) - m_value->coordToPixel(0));
    const int c0 = std::max(0, int(std::floor(m_key->range().lower))), r0 = std::max(0, int(std::floor(m_value->range().lower)));
    const int c1 = std::min(int(m_values->cols()) - 1, int(std::ceil(m_key->range().upper)));
    const int r1 = std::min(int(m_values->rows()) - 1, int(std::ceil(m_value->range().upper)));
    // Masked cells: grey and hatched at any cell size, as in the all-heads thumbnails; consecutive
    // masked cells of a row are one rectangle, so the pattern shows even when a cell is a pixel wide.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QBrush(QColor(110, 110, 110), Qt::BDiagPattern));
    const auto isHidden = [this](int r, int c) { return !std::isfinite((*m_values)(r, c)) || (m_masked && (*m_masked)(r, c) != 0); };
    for (int r = r0; r <= r1 && m_anyMasked; ++r)
        for (int c = c0; c <= c1; ++c) {
            if (!isHidden(r, c)) continue;
            const int first = c;
            while (c + 1 <= c1 && isHidden(r, c + 1)) ++c;
            const double left = m_key->coordToPixel(first - 0.5), right = m_key->coordToPixel(c + 0.5);
            const double top = m_value->coordToPixel(r - 0.5), bottom = m_value->coordToPixel(r + 0.5);
            painter->drawRect(QRectF(QPointF(std::min(left, right), std::min(top, bottom)), QPointF(std::max(left, right), std::max(top, bottom))));
        }
    painter->setBrush(Qt::NoBrush);
    if (!readable(w, h)) return;
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > 4000) return;
    QFont font = painter->font();
    font.setPixelSize(int(std::clamp(std::min(h * 0.45, w / 4.2), 8.0, 18.0)));
    painter->setFont(font);
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const float v = (*m_values)(r, c);
            const QRectF cell(m_key->coordToPixel(c) - w / 2, m_value->coordToPixel(r) - h / 2, w, h);
            const bool hidden = m_masked && (*m_masked)(r, c) != 0;  // a masked weight: exactly 0, written "0"
            painter->setPen(textColorOn(std::isfinite(v) && !hidden ? colorForValue(m_kind, v, m_lo, m_hi) : maskedColor()));
            painter->drawText(cell, Qt::AlignCenter, hidden ? QStringLiteral("0") : cellText(v));
        }
    }
}

QString cellText(float value) {
    const double a = std::abs(value);
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
    if (std::isfinite(value) && std::round(double(value) * std::pow(10, decimals)) == 0)
        return QString::number(0.0, 'f', decimals);  // never "−0.00"
    return displayNumber(double(value), 'f', decimals);
}

}  // namespace alab::ui

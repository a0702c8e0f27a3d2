// Lookup-table heatmap images (see heatmap_image.h).
#include "ui/analysis/heatmap_image.h"

#include <algorithm>
#include <cmath>

namespace alab::ui {

void colorRange(const core::Matrix& m, ColorMapKind kind, double* lo, double* hi) {
    double mn = 0, mx = 0;
    bool any = false;
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        const float v = m.data()[i];
        if (!std::isfinite(v)) continue;
        mn = any ? std::min(mn, double(v)) : v;
        mx = any ? std::max(mx, double(v)) : v;
        any = true;
    }
    if (kind == ColorMapKind::BlueOrange) {
        const double a = std::max({std::abs(mn), std::abs(mx), 1e-12});
        *lo = -a;
        *hi = a;
        return;
    }
    *lo = std::min(0.0, mn);
    *hi = mx > *lo ? mx : *lo + 1.0;
}

ColorLut::ColorLut(ColorMapKind kind, double lo, double hi) : m_lo(lo) {
    m_table.resize(256);
    for (int i = 0; i < 256; ++i) m_table[i] = colorAt(kind, i / 255.0).rgb();
    m_scale = hi > lo ? 255.0 / (hi - lo) : 0.0;
}

QRgb ColorLut::at(float value) const {
    if (!std::isfinite(value)) return maskedColor().rgb();
    const int i = int(std::lround((value - m_lo) * m_scale));
    return m_table[std::clamp(i, 0, 255)];
}

QImage heatmapImage(const core::Matrix& m, ColorMapKind kind, double lo, double hi) {
    QImage image(int(m.cols()), int(m.rows()), QImage::Format_RGB32);
    const ColorLut lut(kind, lo, hi);
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(int(r)));
        for (Eigen::Index c = 0; c < m.cols(); ++c) line[c] = lut.at(m(r, c));
    }
    return image;
}

}  // namespace alab::ui

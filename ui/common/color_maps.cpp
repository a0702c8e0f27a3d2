// Colour map stops. Viridis stops are samples of matplotlib's viridis (CC0) at ninths;
// the diverging map runs dark blue -> white -> dark orange, distinguishable under deuteranopia.
#include "ui/common/color_maps.h"

#include <algorithm>
#include <cmath>

namespace alab::ui {

ColorStops colorStops(ColorMapKind kind) {
    if (kind == ColorMapKind::Viridis) {
        return {{0.000, QColor(68, 1, 84)},    {0.111, QColor(72, 36, 117)},  {0.222, QColor(65, 68, 135)},
                {0.333, QColor(53, 95, 141)},  {0.444, QColor(42, 120, 142)}, {0.556, QColor(33, 145, 140)},
                {0.667, QColor(34, 168, 132)}, {0.778, QColor(68, 191, 112)}, {0.889, QColor(122, 209, 81)},
                {1.000, QColor(253, 231, 37)}};
    }
    return {{0.00, QColor(8, 48, 107)},   {0.20, QColor(33, 102, 172)}, {0.40, QColor(146, 197, 222)},
            {0.50, QColor(247, 247, 247)}, {0.60, QColor(253, 184, 99)},  {0.80, QColor(224, 130, 20)},
            {1.00, QColor(127, 59, 8)}};
}

QColor colorAt(ColorMapKind kind, double t) {
    const ColorStops stops = colorStops(kind);
    if (!std::isfinite(t)) t = 0.0;
    t = std::clamp(t, 0.0, 1.0);
    for (qsizetype i = 1; i < stops.size(); ++i) {
        if (t <= stops[i].first) {
            const double a = stops[i - 1].first, b = stops[i].first;
            const double f = b > a ? (t - a) / (b - a) : 0.0;
            const QColor& c0 = stops[i - 1].second;
            const QColor& c1 = stops[i].second;
            return QColor::fromRgbF(float(c0.redF() + f * (c1.redF() - c0.redF())),
                                    float(c0.greenF() + f * (c1.greenF() - c0.greenF())),
                                    float(c0.blueF() + f * (c1.blueF() - c0.blueF())));
        }
    }
    return stops.back().second;
}

QColor colorForValue(ColorMapKind kind, double value, double lo, double hi) {
    if (kind == ColorMapKind::Viridis) return colorAt(kind, hi > lo ? (value - lo) / (hi - lo) : 0.5);
    const double m = std::max(std::abs(lo), std::abs(hi));
    return colorAt(kind, m > 0 ? 0.5 + 0.5 * value / m : 0.5);
}

void weightRange(ColorMapKind kind, double* lo, double* hi) {
    *lo = kind == ColorMapKind::BlueOrange ? -1.0 : 0.0;
    *hi = 1.0;
}

QColor weightColor(double w) { return colorAt(ColorMapKind::Viridis, w); }

QColor maskedColor() { return QColor(220, 220, 220); }

QColor textColorOn(const QColor& background) {
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
}

}  // namespace alab::ui

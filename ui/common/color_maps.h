// Colour maps readable by colour-blind viewers: viridis (perceptually uniform, for weights and
// other non-negative values) and a blue–white–orange diverging map centred on 0 (for signed
// tensors). Both are defined by stops; views interpolate between them.
#pragma once

#include <QColor>
#include <QList>
#include <QPair>

namespace alab::ui {

enum class ColorMapKind { Viridis, BlueOrange };

using ColorStops = QList<QPair<double, QColor>>;  // positions in [0, 1]

ColorStops colorStops(ColorMapKind kind);

/// t in [0, 1] (clamped) -> colour, linear between stops.
QColor colorAt(ColorMapKind kind, double t);

/// A value mapped on [lo, hi] for Viridis, or on [-m, m] with m = max(|lo|, |hi|) for BlueOrange.
QColor colorForValue(ColorMapKind kind, double value, double lo, double hi);

/// Attention weights use one fixed range in every view, so 0.88 is the same colour everywhere:
/// [0, 1] for Viridis, [−1, 1] for BlueOrange (0 = white).
void weightRange(ColorMapKind kind, double* lo, double* hi);
/// The colour of attention weight `w` on the fixed Viridis scale (for the lesson and the heatmaps).
QColor weightColor(double w);

/// Neutral grey drawn (hatched in plots) for masked entries (−∞ scores); never part of a colour scale.
QColor maskedColor();

/// Black or white, whichever reads better on `background`.
QColor textColorOn(const QColor& background);

}  // namespace alab::ui

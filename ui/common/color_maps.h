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

/// Black or white, whichever reads better on `background`.
QColor textColorOn(const QColor& background);

}  // namespace alab::ui

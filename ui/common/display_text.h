// How numbers and indices read on screen, in one place for every view: indices a person reads are
// 1-based (row 1 is the first word, "layer 1" is encoder.0 — dotted tensor names and data files
// stay 0-based, the data contract), and negative numbers carry a real minus sign (−, U+2212).
#pragma once

#include <QString>

namespace alab::ui {

/// The number a person reads for a 0-based index: 0 -> 1.
inline int displayIndex(int zeroBased) { return zeroBased + 1; }

/// `text` with every ASCII hyphen-minus that starts a number replaced by − (U+2212).
QString withMinusSign(QString text);

/// A number for people: QString::number(v, format, precision) with −, and −∞ / ∞ / NaN.
QString displayNumber(double v, char format = 'g', int precision = 4);

}  // namespace alab::ui

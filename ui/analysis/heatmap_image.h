// Heatmaps as plain QImages, one pixel per cell, through a 256-entry colour lookup table. The
// all-heads grid draws dozens of these (a 512-token input makes 512x512 maps), so they avoid both
// live plots and per-cell QColor interpolation. Also fixes the value range every view uses.
#pragma once

#include "core/tensor.h"
#include "ui/common/color_maps.h"

#include <QImage>
#include <QVector>

namespace alab::ui {

/// The range a colour map spans for `m`: Viridis from min(0, min) to max; BlueOrange symmetric
/// about 0. Non-finite entries (masked -inf scores) are ignored; a constant matrix gets width 1.
void colorRange(const core::Matrix& m, ColorMapKind kind, double* lo, double* hi);

class ColorLut {
public:
    ColorLut(ColorMapKind kind, double lo, double hi);
    QRgb at(float value) const;  // non-finite -> maskedColor()

private:
    QVector<QRgb> m_table;
    double m_lo, m_scale;
};

/// [rows, cols] -> an image of cols x rows pixels: pixel (x = col, y = row), row 0 at the top.
QImage heatmapImage(const core::Matrix& m, ColorMapKind kind, double lo, double hi);

}  // namespace alab::ui
